import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { kuaidi100PushFailure } from '@/domain/logistics/kuaidi100';
import { receiveTrackingPush } from '@/domain/logistics/tracking/receive-tracking-push';
import { getTrackingProvider } from '@/domain/logistics/tracking/tracking-settings';
import { getLogger } from '@/lib/log/logger';
import { withRequestLog } from '@/lib/log/request-log';

/**
 * Kuaidi100's tracking push: a form POST of param (JSON) and sign. The sign is the
 * authentication, so this route has no session (proxy.ts leaves /api/logistics alone).
 * Answers the aggregator's JSON; a refusal makes it push again later.
 */
export const POST = withRequestLog(async (request: Request) => {
  const form = new URLSearchParams(await request.text().catch(() => ''));
  try {
    const db = getDb();
    const outcome = await receiveTrackingPush(db, await getTrackingProvider(db), {
      param: form.get('param') ?? undefined,
      sign: form.get('sign') ?? undefined,
    });
    return NextResponse.json(outcome.reply, {
      status: outcome.outcome === 'accepted' ? 200 : outcome.outcome === 'unknown_shipment' ? 404 : 400,
    });
  } catch (error) {
    getLogger().error({ err: error, route: 'POST /api/logistics/kuaidi100/push' }, 'kuaidi100 push failed');
    return NextResponse.json(kuaidi100PushFailure('internal_error'), { status: 500 });
  }
});
