import { handleSandboxQuery } from '@/testing/sandboxes/kuaidi100/sandbox-aggregator';
import { answerSandbox } from '@/testing/sandboxes/kuaidi100/sandbox-route';

/** Sandbox 实时查询 (query), like POST https://poll.kuaidi100.com/poll/query.do. */
export async function POST(request: Request) {
  return answerSandbox(request, (db, config, form) => handleSandboxQuery(db, config, form));
}
