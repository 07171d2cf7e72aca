import { and, asc, eq, lte } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { TKuaidi100Settings } from '@/domain/settings/setting-defaults';
import { signKuaidi100Query } from '@/domain/logistics/tracking/kuaidi100-provider';
import { ensureSandboxTables, kuaidi100SandboxParcels, kuaidi100SandboxPushes } from './sandbox-tables';
import { SANDBOX_SCRIPTS, scriptFor, type SandboxScript } from './sandbox-script';

/**
 * The offline stand-in for Kuaidi100: the same requests and answers as poll.kuaidi100.com
 * (see shared/PROTOCOLS.md), kept in Postgres (its own schema, sandbox-tables.ts) so its pushes
 * survive restarts and several instances share them. The route handlers under /sandbox/kuaidi100 call these.
 */

export interface AggregatorReply {
  status: number;
  body: Record<string, unknown>;
}

const refuse = (returnCode: string, message: string): AggregatorReply => ({
  status: 200,
  body: { result: false, returnCode, message },
});

function parseJson(text: unknown): Record<string, unknown> | null {
  if (typeof text !== 'string') return null;
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * POST /poll (订阅): registers the parcel and schedules its script's pushes. The sandbox pushes
 * only to this console's own push URL (`pushUrl`): an open endpoint that POSTs wherever it is
 * told would let anyone aim the server at internal addresses.
 */
export async function handleSandboxSubscribe(
  db: Database,
  config: TKuaidi100Settings,
  form: Record<string, unknown>,
  pushUrl: string,
  now = new Date(),
): Promise<AggregatorReply> {
  const param = parseJson(form.param);
  if (form.schema !== 'json' || !param) return refuse('400', '提交的数据不完整，或者贵司没有购买订阅服务');
  if (param.key !== config.key) return refuse('600', '您不是合法的订阅者（即授权Key出错）');
  const parameters = (param.parameters && typeof param.parameters === 'object' ? param.parameters : {}) as Record<
    string,
    unknown
  >;
  const company = typeof param.company === 'string' ? param.company.trim() : '';
  const number = typeof param.number === 'string' ? param.number.trim() : '';
  const callbackUrl = typeof parameters.callbackurl === 'string' ? parameters.callbackurl : '';
  if (!company || !number || !/^https?:\/\//.test(callbackUrl))
    return refuse('700', '订阅参数错误：company、number 与 callbackurl 必填');
  if (callbackUrl !== pushUrl) return refuse('700', `沙箱只推送到本系统的推送地址 ${pushUrl}`);
  await ensureSandboxTables(db);

  const script = scriptFor(number);
  const [parcel] = await db
    .insert(kuaidi100SandboxParcels)
    .values({
      company,
      number,
      callbackUrl,
      salt: typeof parameters.salt === 'string' ? parameters.salt : '',
      script,
      subscribedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!parcel) return refuse('501', '重复订阅');
  await db.insert(kuaidi100SandboxPushes).values(
    SANDBOX_SCRIPTS[script].map((step, index) => ({
      parcelId: parcel.id,
      step: index,
      stateCode: step.state,
      dueAt: new Date(now.getTime() + step.afterMinutes * 60_000),
    })),
  );
  return { status: 200, body: { result: true, returnCode: '200', message: '提交成功' } };
}

/** POST /poll/query.do (实时查询): the parcel's events that have happened by now, signed request required. */
export async function handleSandboxQuery(
  db: Database,
  config: TKuaidi100Settings,
  form: Record<string, unknown>,
  now = new Date(),
): Promise<AggregatorReply> {
  const param = parseJson(form.param);
  if (!param || typeof form.sign !== 'string' || typeof form.customer !== 'string')
    return refuse('400', '找不到对应公司');
  if (
    form.customer !== config.customer ||
    form.sign.toUpperCase() !== signKuaidi100Query(form.param as string, config.key, config.customer)
  ) {
    return refuse('601', 'sign 签名错误');
  }
  await ensureSandboxTables(db);
  const [parcel] = await db
    .select()
    .from(kuaidi100SandboxParcels)
    .where(
      and(
        eq(kuaidi100SandboxParcels.company, String(param.com ?? '')),
        eq(kuaidi100SandboxParcels.number, String(param.num ?? '')),
      ),
    );
  if (!parcel) return refuse('500', '查询无结果，请隔段时间再查');
  const steps = await db
    .select()
    .from(kuaidi100SandboxPushes)
    .where(and(eq(kuaidi100SandboxPushes.parcelId, parcel.id), lte(kuaidi100SandboxPushes.dueAt, now)))
    .orderBy(asc(kuaidi100SandboxPushes.step));
  if (steps.length === 0) return refuse('500', '查询无结果，请隔段时间再查');
  return { status: 200, body: lastResultOf(parcel, steps) };
}

type Parcel = typeof kuaidi100SandboxParcels.$inferSelect;
type Step = Pick<typeof kuaidi100SandboxPushes.$inferSelect, 'step' | 'stateCode' | 'dueAt'>;

const CARRIER_NAMES: Record<string, string> = {
  shunfeng: '顺丰速运',
  jd: '京东物流',
  zhongtong: '中通快递',
  yuantong: '圆通速递',
  yunda: '韵达快递',
  shentong: '申通快递',
  ems: 'EMS',
  jtexpress: '极兔速递',
  debangkuaidi: '德邦快递',
};

/** "2026-11-26 09:30:05" in China time, as Kuaidi100 writes times. */
export function toKuaidi100Time(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The lastResult of a parcel after the given steps (any order), newest event first. */
export function lastResultOf(parcel: Parcel, steps: readonly Step[]): Record<string, unknown> {
  const script = SANDBOX_SCRIPTS[parcel.script as SandboxScript] ?? SANDBOX_SCRIPTS.delivered;
  const sorted = [...steps].sort((a, b) => b.step - a.step);
  const newest = sorted[0];
  const carrier = CARRIER_NAMES[parcel.company] ?? parcel.company;
  return {
    message: 'ok',
    status: '200',
    state: String(newest.stateCode),
    condition: 'F00',
    ischeck: newest.stateCode === 3 ? '1' : '0',
    com: parcel.company,
    nu: parcel.number,
    data: sorted.map((s) => {
      const step = script[s.step];
      const time = toKuaidi100Time(s.dueAt);
      return {
        context: step.text.replace('{carrier}', carrier),
        time,
        ftime: time,
        areaName: step.location,
        statusCode: String(s.stateCode),
      };
    }),
  };
}
