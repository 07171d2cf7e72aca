import { postSandboxSubscribe } from '@/testing/sandboxes/kuaidi100/sandbox-route';

/** Sandbox 订阅 (subscribe), like POST https://poll.kuaidi100.com/poll; not found unless the sandbox is on. */
export async function POST(request: Request) {
  return postSandboxSubscribe(request);
}
