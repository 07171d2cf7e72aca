import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { kuaidi100PushFailure } from '@/domain/logistics/kuaidi100';
import { receiveTrackingPush } from '@/domain/logistics/tracking/receive-tracking-push';
import { getTrackingProvider } from '@/domain/logistics/tracking/tracking-settings';

/**
 * Kuaidi100's tracking push: a form POST of param (JSON) and sign. The sign is the
 * authentication, so this route has no session (proxy.ts leaves /api/logistics alone).
 * Answers the aggregator's JSON; a refusal makes it push again later.
 */
export async function POST(request: Request) {
  const form = new URLSearchParams(await request.text().catch(() => ''));
  try {
    const db = getDb();
    const outcome = await receiveTrackingPush(db, await getTrackingProvider(db), { param: form.get('param') ?? undefined, sign: form.get('sign') ?? undefined });
    return NextResponse.json(outcome.reply, { status: outcome.outcome === 'accepted' ? 200 : outcome.outcome === 'unknown_shipment' ? 404 : 400 });
  } catch (error) {
    console.error('kuaidi100 push failed', error);
    return NextResponse.json(kuaidi100PushFailure('internal_error'), { status: 500 });
  }
}
