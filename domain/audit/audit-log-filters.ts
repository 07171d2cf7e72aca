import { z } from 'zod';
import { ZDay, type RejectedParam, type SearchParamsInput } from '@/domain/orders/order-list-filters';

/**
 * The audit log's filters as they travel in the URL:
 * ?actor=staff:12|api_key:3|system|integration &action=staff.update_role &type=staff_user &id=12 &from=&to= &cursor=
 * A bad value is dropped and reported (`rejected`), never a 500.
 */
export const AUDIT_ACTOR_TYPES = ['staff', 'system', 'api_key', 'integration'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

const ZCursor = z.object({
  createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  id: z.number().int().positive(),
});
export type TAuditCursor = z.infer<typeof ZCursor>;

const ZActor = z
  .string()
  .regex(/^(staff|system|api_key|integration)(:[1-9]\d{0,15})?$/)
  .transform((value) => {
    const [type, id] = value.split(':');
    return { type: type as AuditActorType, id: id === undefined ? undefined : Number(id) };
  });
const ZAction = z
  .string()
  .max(64)
  .regex(/^[a-z_]+(\.[a-z_0-9]+)+$/);
const ZTargetType = z
  .string()
  .max(40)
  .regex(/^[a-z_]+$/);
const ZTargetId = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/);

export const ZAuditLogFilters = z.object({
  actor: z.object({ type: z.enum(AUDIT_ACTOR_TYPES), id: z.number().int().positive().optional() }).optional(),
  action: ZAction.optional(),
  targetType: ZTargetType.optional(),
  targetId: ZTargetId.optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
  cursor: ZCursor.optional(),
});
export type TAuditLogFilters = z.infer<typeof ZAuditLogFilters>;

export function encodeAuditCursor(cursor: TAuditCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

function decodeAuditCursor(value: string): TAuditCursor | null {
  try {
    const parts: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parts) || parts.length !== 2) return null;
    const parsed = ZCursor.safeParse({ createdAt: parts[0], id: parts[1] });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Parses untrusted search params into filters, listing what was refused and why. */
export function parseAuditLogParams(params: SearchParamsInput): {
  filters: TAuditLogFilters;
  rejected: RejectedParam[];
} {
  const rejected: RejectedParam[] = [];
  const read = (name: string): string | undefined => {
    const raw = params instanceof URLSearchParams ? (params.get(name) ?? undefined) : params[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const single = <T>(name: string, schema: z.ZodType<T>): T | undefined => {
    const raw = read(name);
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    rejected.push({ param: name, value: raw.slice(0, 120), reason: 'invalid' });
    return undefined;
  };
  const actor = single('actor', ZActor);
  const action = single('action', ZAction);
  const targetType = single('type', ZTargetType);
  const targetId = single('id', ZTargetId);
  const from = single('from', ZDay);
  let to = single('to', ZDay);
  if (from && to && from > to) {
    rejected.push({ param: 'to', value: to, reason: 'reversed_range' });
    to = undefined;
  }
  const rawCursor = read('cursor');
  const cursor = rawCursor && rawCursor.length <= 200 ? decodeAuditCursor(rawCursor) : null;
  if (rawCursor && !cursor) rejected.push({ param: 'cursor', value: rawCursor.slice(0, 120), reason: 'invalid' });
  return {
    filters: ZAuditLogFilters.parse({ actor, action, targetType, targetId, from, to, cursor: cursor ?? undefined }),
    rejected,
  };
}

/** The filters as search params (links, the CSV export), with a cursor when given. */
export function auditLogSearchParams(filters: TAuditLogFilters, cursor?: string): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.actor)
    params.set(
      'actor',
      filters.actor.id === undefined ? filters.actor.type : `${filters.actor.type}:${filters.actor.id}`,
    );
  if (filters.action) params.set('action', filters.action);
  if (filters.targetType) params.set('type', filters.targetType);
  if (filters.targetId) params.set('id', filters.targetId);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (cursor) params.set('cursor', cursor);
  return params;
}
