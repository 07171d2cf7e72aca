import { timingSafeEqual } from 'node:crypto';
import { CARRIERS } from '@/domain/logistics/carriers';
import { signKuaidi100Waybill } from '@/domain/logistics/waybills/kuaidi100/protocol';

/** The sandbox's own public credentials (they ship in the code: never live). */
export const SANDBOX_WAYBILL_KEY = 'sandbox-waybill-key';
export const SANDBOX_WAYBILL_SECRET = 'sandbox-waybill-secret';

/** An e-waybill account the sandbox knows; `numbersLeft` counts down (undefined: unlimited). */
export interface SandboxWaybillAccount {
  carrierCode: string;
  partnerId: string;
  partnerKey?: string;
  numbersLeft?: number;
}

interface Issued {
  kuaidinum: string;
  kdComOrderNum: string;
  bulkpen: string;
  pkgName: string;
  cancelled: boolean;
}

type Reply = { success: boolean; code: number; message: string; time: number; data?: unknown };

const refuse = (code: number, message: string): Reply => ({ success: false, code, message, time: 0 });

/**
 * Plays Kuaidi100's e-waybill API offline, as the real one answers: checks the sign (MD5 of param + t +
 * key + secret), knows its accounts, refuses what the real one refuses (30002 bad sign, 30003 unknown
 * key, 30004 account out of numbers, 30001 unknown account, carrier not served, incomplete address),
 * answers a repeated orderId with the same waybill, and assigns numbers that pass each carrier's rule.
 */
export function createWaybillSandbox(options: {
  key?: string;
  secret?: string;
  accounts: SandboxWaybillAccount[];
  /** first serial of the numbers it assigns (defaults to one from the clock, so runs do not collide) */
  firstSerial?: number;
}) {
  const key = options.key ?? SANDBOX_WAYBILL_KEY;
  const secret = options.secret ?? SANDBOX_WAYBILL_SECRET;
  const accounts = new Map(options.accounts.map((a) => [`${a.carrierCode}:${a.partnerId}`, { ...a }]));
  const byOrderId = new Map<string, Issued>();
  const byNumber = new Map<string, Issued>();
  let serial = options.firstSerial ?? (Date.now() % 1_000_000_000) * 100;
  let calls = 0;

  function handle(method: string | null, form: URLSearchParams): Reply {
    calls += 1;
    const param = form.get('param') ?? '';
    const t = form.get('t') ?? '';
    const sign = form.get('sign') ?? '';
    if (form.get('key') !== key) return refuse(30003, '账号信息不正确');
    const expected = signKuaidi100Waybill(param, t, key, secret);
    if (sign.length !== expected.length || !timingSafeEqual(Buffer.from(sign), Buffer.from(expected)))
      return refuse(30002, '验证签名失败');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(param) as Record<string, unknown>;
    } catch {
      return refuse(30001, '参数错误：param 不是 JSON');
    }
    const carrierCode = String(body.kuaidicom ?? '');
    const carrier = CARRIERS.find((c) => c.code === carrierCode);
    if (!carrier) return refuse(30001, `参数错误：不支持的快递公司 ${carrierCode}`);
    const account = accounts.get(`${carrierCode}:${String(body.partnerId ?? '')}`);
    if (!account || (account.partnerKey !== undefined && account.partnerKey !== body.partnerKey))
      return refuse(30001, '电子面单账号或密码错误');
    if (method === 'cancel') return cancel(body);
    if (method !== 'order') return refuse(30001, `参数错误：未知的 method ${method}`);

    const orderId = typeof body.orderId === 'string' ? body.orderId : '';
    const previous = orderId ? byOrderId.get(`${account.partnerId}:${orderId}`) : undefined;
    if (previous) return success(previous);
    const rec = body.recMan as Record<string, unknown> | undefined;
    const address = String(rec?.printAddr ?? '');
    if (!rec?.name || !/^1\d{10}$/.test(String(rec.mobile ?? '')) || !/(省|市|自治区).*(市|区|县|州|盟)/.test(address))
      return refuse(30001, '收件人信息不完整：姓名、手机号或地址（省市区）有误');
    if (account.numbersLeft !== undefined) {
      if (account.numbersLeft <= 0) return refuse(30004, '账号单量不足');
      account.numbersLeft -= 1;
    }
    serial += 1;
    const province = /^(.+?(省|自治区|市))/.exec(address)?.[1] ?? address.slice(0, 3);
    const city = /(?:省|自治区)(.+?市)/.exec(address)?.[1] ?? province;
    const issued: Issued = {
      kuaidinum: carrier.sampleNumber(serial),
      kdComOrderNum: `KD${serial}`,
      bulkpen: `${province.slice(0, 2)}-${city.replace(/市$/, '')} ${String((serial % 900) + 100)}`,
      pkgName: `${city.replace(/市$/, '')}集散中心`,
      cancelled: false,
    };
    if (orderId) byOrderId.set(`${account.partnerId}:${orderId}`, issued);
    byNumber.set(`${carrierCode}:${issued.kuaidinum}`, issued);
    return success(issued);
  }

  function cancel(body: Record<string, unknown>): Reply {
    const issued = byNumber.get(`${String(body.kuaidicom)}:${String(body.kuaidinum ?? '')}`);
    if (!issued || issued.cancelled) return refuse(30009, '查无此单');
    issued.cancelled = true;
    return { success: true, code: 200, message: 'success', time: 0 };
  }

  function success(issued: Issued): Reply {
    return {
      success: true,
      code: 200,
      message: 'success',
      time: 0,
      data: {
        taskId: issued.kdComOrderNum,
        kuaidinum: issued.kuaidinum,
        kdComOrderNum: issued.kdComOrderNum,
        bulkpen: issued.bulkpen,
        pkgName: issued.pkgName,
        label: null,
      },
    };
  }

  /** the API as a fetch: POST <any>/label/order?method=order|cancel with the form body */
  const fetchLike: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const form = new URLSearchParams(typeof init?.body === 'string' ? init.body : '');
    return new Response(JSON.stringify(handle(url.searchParams.get('method'), form)), {
      headers: { 'content-type': 'application/json' },
    });
  };

  return {
    handle,
    fetch: fetchLike,
    isCancelled: (carrierCode: string, number: string) => byNumber.get(`${carrierCode}:${number}`)?.cancelled ?? false,
    issuedCount: () => byNumber.size,
    callCount: () => calls,
  };
}

export type WaybillSandbox = ReturnType<typeof createWaybillSandbox>;
