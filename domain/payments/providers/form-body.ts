/**
 * Form bodies as the providers POST them (application/x-www-form-urlencoded, UTF-8): Alipay's
 * notify and UnionPay's back notification.
 */
export type FormFieldsResult = { ok: true; params: Record<string, string> } | { ok: false; detail: string };

const PERCENT_ESCAPE_OK = /^(?:[^%]|%[0-9A-Fa-f]{2})*$/;

/**
 * Decodes a form body exactly once ('+' is a space, %XX are UTF-8 bytes). A stray '%', bytes
 * that are not UTF-8 or a repeated key are refused rather than guessed at: decoding twice is
 * what broke '%' in values for Alipay's Node SDK (alipay-sdk-nodejs-all issue #45).
 */
export function parseFormBody(body: string): FormFieldsResult {
  const params: Record<string, string> = {};
  if (body.trim() === '') return { ok: false, detail: 'empty body' };
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const rawKey = at === -1 ? pair : pair.slice(0, at);
    const rawValue = at === -1 ? '' : pair.slice(at + 1);
    if (!PERCENT_ESCAPE_OK.test(rawKey) || !PERCENT_ESCAPE_OK.test(rawValue)) {
      return { ok: false, detail: `bad percent escape in ${JSON.stringify(rawKey)}` };
    }
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      return { ok: false, detail: `not UTF-8 in ${JSON.stringify(rawKey)}` };
    }
    if (Object.hasOwn(params, key)) return { ok: false, detail: `repeated field ${key}` };
    params[key] = value;
  }
  return { ok: true, params };
}

/**
 * The fields of a notification given as the raw body (decoded here, once) or as fields the
 * framework already decoded (taken as they are, never decoded again).
 */
export function readFormFields(input: string | Readonly<Record<string, unknown>>): FormFieldsResult {
  if (typeof input === 'string') return parseFormBody(input);
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value !== 'string') return { ok: false, detail: `field ${key} is not text` };
    params[key] = value;
  }
  return { ok: true, params };
}
