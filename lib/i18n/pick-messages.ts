/**
 * The part of the messages a page's client components read: every message object the server hands
 * to NextIntlClientProvider is serialised into that page's HTML, so sending all thirteen areas to
 * every page cost ~100 KB per response. Paths are dotted namespaces ('orders.list', 'common').
 */
export type Messages = Record<string, unknown>;

/** A deep copy of the subtrees of `messages` at `paths`; a path missing from the messages is skipped. */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const picked: Messages = {};
  for (const path of paths) {
    const keys = path.split('.');
    let source: unknown = messages;
    for (const key of keys) source = isObject(source) ? source[key] : undefined;
    if (source === undefined) continue;
    let target = picked;
    keys.slice(0, -1).forEach((key) => {
      if (!isObject(target[key])) target[key] = {};
      target = target[key] as Messages;
    });
    const last = keys[keys.length - 1];
    target[last] = isObject(source) && isObject(target[last]) ? mergeDeep(target[last], source) : source;
  }
  // a copy, sharing no object with the messages or another pick: React's flight stream writes an object it
  // already sent as a reference to that earlier chunk, and a page's provider re-rendered on its own (a
  // search-param navigation) would then point at the layout's provider, which that response does not carry
  return structuredClone(picked);
}

function isObject(value: unknown): value is Messages {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeDeep(into: Messages, from: Messages): Messages {
  const merged: Messages = { ...into };
  for (const [key, value] of Object.entries(from))
    merged[key] = isObject(value) && isObject(merged[key]) ? mergeDeep(merged[key], value) : value;
  return merged;
}
