import { NextResponse } from 'next/server';
import { getDb, type Database } from '@/db/client';
import type { TKuaidi100Settings } from '@/domain/settings/setting-defaults';
import type { AggregatorReply } from '@/testing/sandboxes/kuaidi100/sandbox-aggregator';
import { getKuaidi100Settings } from '@/domain/logistics/tracking/tracking-settings';

/**
 * The offline aggregator's HTTP face: form POSTs like poll.kuaidi100.com's. It exists only while
 * Settings > Logistics is in sandbox mode; in live mode these paths are not found.
 */
export async function answerSandbox(request: Request, handle: (db: Database, config: TKuaidi100Settings, form: Record<string, unknown>) => Promise<AggregatorReply>) {
  const db = getDb();
  const config = await getKuaidi100Settings(db);
  if (config.mode !== 'sandbox') return new NextResponse(null, { status: 404 });
  const form = Object.fromEntries(new URLSearchParams(await request.text().catch(() => '')));
  const reply = await handle(db, config, form);
  return NextResponse.json(reply.body, { status: reply.status });
}
