import { postSandboxQuery } from '@/testing/sandboxes/kuaidi100/sandbox-route';

/** Sandbox 实时查询 (query), like POST https://poll.kuaidi100.com/poll/query.do; not found unless the sandbox is on. */
export async function POST(request: Request) {
  return postSandboxQuery(request);
}
