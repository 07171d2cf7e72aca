/** Provider timestamps are Beijing time (UTC+8, no daylight saving), whatever the server's zone. */
function beijingParts(at: Date) {
  const shifted = new Date(at.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`,
  };
}

/** "2026-11-26 18:30:05": Alipay's timestamp / notify_time / gmt_payment. */
export function alipayTime(at: Date): string {
  const { date, time } = beijingParts(at);
  return `${date} ${time}`;
}

/** "20261126183005": UnionPay's txnTime. */
export function unionPayTime(at: Date): string {
  return alipayTime(at).replace(/\D/g, '');
}

/** "2026-11-26T18:30:05+08:00": WeChat Pay's RFC 3339 times. */
export function wechatTime(at: Date): string {
  const { date, time } = beijingParts(at);
  return `${date}T${time}+08:00`;
}
