import { handleSandboxQuery } from '@/domain/logistics/tracking/sandbox/sandbox-aggregator';
import { answerSandbox } from '../../sandbox-route';

/** Sandbox 实时查询 (query), like POST https://poll.kuaidi100.com/poll/query.do. */
export async function POST(request: Request) {
  return answerSandbox(request, (db, config, form) => handleSandboxQuery(db, config, form));
}
