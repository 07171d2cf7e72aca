/*
 * What marketplace exports really put in a cell, made plain: Excel's text guards (="123…" and a
 * leading '), yuan suffixes, local date-times, masked personal data. Pure functions; each returns
 * null for a value it cannot read, and the row mapper turns that into a row error.
 */

/** A cell's text without Excel's number guards (="0123", '13800138000) and surrounding blanks. */
export function cellText(raw: string): string {
  let text = raw.replace(/^\uFEFF/, '').trim();
  const guarded = /^="(.*)"$/s.exec(text);
  if (guarded) text = guarded[1].replace(/""/g, '"');
  if (text.startsWith("'")) text = text.slice(1);
  return text.replace(/^\t+/, '').trim();
}

/** "¥1,234.5元" -> 123450 fen; exact (string arithmetic, never a float). Null when not an amount. */
export function parseMoneyToFen(text: string): number | null {
  const plain = text.replace(/[¥￥,\s]|元$|CNY|RMB/gi, '');
  const match = /^(-)?(\d{1,9})(?:\.(\d{0,2})0*)?$/.exec(plain);
  if (!match) return null;
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -fen : fen;
}

/** A positive whole quantity ("2", "2.0", "2件"); null otherwise. */
export function parseQuantity(text: string): number | null {
  const match = /^(\d{1,6})(?:\.0+)?\s*(?:件|个)?$/.exec(text.trim());
  const quantity = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(quantity) && quantity > 0 ? quantity : null;
}

const LOCAL_DATE_TIME =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*([+-])(\d{2}):?(\d{2})|\s*Z)?$/;

/**
 * A date-time as the exports write it: "2026-05-23 22:02:11", "2026/5/23 22:02", "2026-05-01",
 * Shopify's "2024-05-01 10:00:00 +0000". Without an offset it is wall-clock time in `timeZone`.
 */
export function parseDateTime(text: string, timeZone: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(
    Number,
  );
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(wall).getUTCDate() !== day) return null; // 2026-02-30
  if (text.trim().endsWith('Z')) return new Date(wall);
  if (m[7]) return new Date(wall - (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) * 60_000);
  return new Date(wall - offsetMs(wall, timeZone));
}

/** The zone's offset from UTC at a wall-clock instant (twice, to land right across DST changes). */
function offsetMs(wall: number, timeZone: string): number {
  const first = zoneOffsetAt(wall, timeZone);
  return zoneOffsetAt(wall - first, timeZone);
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();
function zoneOffsetAt(instant: number, timeZone: string): number {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** Marketplaces hide buyers' phones and addresses as "138****5678" or 脱敏: keep them, marked. */
export function isMasked(text: string): boolean {
  return /\*{2,}|脱敏/.test(text);
}
