/**
 * What an audit row says changed. Writers record `{ before, after }` (settings), `{ from, to }`
 * (a role) or plain facts (`{ email, role }` of a new account); the page and the CSV show the
 * first two as before/after of the keys that differ, and facts as "after".
 */
export interface AuditChanges {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function auditChanges(details: Record<string, unknown> | null | undefined): AuditChanges {
  if (!details) return { before: null, after: null };
  if ('before' in details || 'after' in details) {
    const before = details.before;
    const after = details.after;
    if (isRecord(before) && isRecord(after)) {
      const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
        (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
      );
      const rest = Object.fromEntries(Object.entries(details).filter(([key]) => key !== 'before' && key !== 'after'));
      return {
        before: Object.fromEntries(keys.map((key) => [key, before[key]])),
        after: { ...Object.fromEntries(keys.map((key) => [key, after[key]])), ...rest },
      };
    }
    return {
      before: isRecord(before) ? before : before === undefined ? null : { value: before },
      after: isRecord(after) ? after : after === undefined ? null : { value: after },
    };
  }
  if ('from' in details && 'to' in details) {
    const rest = Object.fromEntries(Object.entries(details).filter(([key]) => key !== 'from' && key !== 'to'));
    return { before: { value: details.from }, after: { value: details.to, ...rest } };
  }
  return { before: null, after: details };
}

/** A change as one line of text, for the page and the CSV: `key: value; key: value`. */
export function formatAuditValues(values: Record<string, unknown> | null): string {
  if (!values) return '';
  return Object.entries(values)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}
