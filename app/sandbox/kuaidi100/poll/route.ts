import { handleSandboxSubscribe } from '@/testing/sandboxes/kuaidi100/sandbox-aggregator';
import { pushUrlOf } from '@/domain/logistics/tracking/tracking-settings';
import { answerSandbox } from '@/testing/sandboxes/kuaidi100/sandbox-route';

/** Sandbox 订阅 (subscribe), like POST https://poll.kuaidi100.com/poll. */
export async function POST(request: Request) {
  return answerSandbox(request, (db, config, form) => handleSandboxSubscribe(db, config, form, pushUrlOf(config)));
}
