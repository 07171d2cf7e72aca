import { NextResponse } from 'next/server';
import { getDb, type Database } from '@/db/client';
import { isSandboxTrackingRegistered } from '@/domain/logistics/tracking/sandbox-slot';
import { getKuaidi100Settings, pushUrlOf } from '@/domain/logistics/tracking/tracking-settings';
import type { TKuaidi100Settings } from '@/domain/settings/setting-defaults';
import { handleSandboxQuery, handleSandboxSubscribe, type AggregatorReply } from './sandbox-aggregator';

/**
 * The offline aggregator's HTTP face: form POSTs like poll.kuaidi100.com's. It exists only on a
 * server that enabled the sandbox and while Settings > Logistics is in sandbox mode; otherwise
 * these paths are not found.
 */
async function answerSandbox(
  request: Request,
  handle: (db: Database, config: TKuaidi100Settings, form: Record<string, unknown>) => Promise<AggregatorReply>,
) {
  if (!isSandboxTrackingRegistered()) return new NextResponse(null, { status: 404 });
  const db = getDb();
  const config = await getKuaidi100Settings(db);
  if (config.mode !== 'sandbox') return new NextResponse(null, { status: 404 });
  const form = Object.fromEntries(new URLSearchParams(await request.text().catch(() => '')));
  const reply = await handle(db, config, form);
  return NextResponse.json(reply.body, { status: reply.status });
}

/** POST /sandbox/kuaidi100/poll: 订阅 (subscribe), like https://poll.kuaidi100.com/poll. */
export function postSandboxSubscribe(request: Request) {
  return answerSandbox(request, (db, config, form) => handleSandboxSubscribe(db, config, form, pushUrlOf(config)));
}

/** POST /sandbox/kuaidi100/poll/query.do: 实时查询 (query), like https://poll.kuaidi100.com/poll/query.do. */
export function postSandboxQuery(request: Request) {
  return answerSandbox(request, (db, config, form) => handleSandboxQuery(db, config, form));
}
