import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema/orders';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { appendOrderEvent } from './order-event';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 30;

/** Failure codes: `not_found`; `too_many_tags` (more than MAX_TAGS); `tag_too_long` (a tag over MAX_TAG_LENGTH characters). */
export type SetOrderTagsError = 'not_found' | 'too_many_tags' | 'tag_too_long';

/** Trimmed, blank ones dropped, duplicates (ignoring case) dropped keeping the first spelling. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

function checkTags(tags: string[]): Result<string[], SetOrderTagsError> {
  const long = tags.find((tag) => [...tag].length > MAX_TAG_LENGTH);
  if (long)
    return fail('tag_too_long', `tag "${long}" is longer than ${MAX_TAG_LENGTH} characters`, {
      tags: ['tag_too_long'],
    });
  if (tags.length > MAX_TAGS)
    return fail('too_many_tags', `an order carries at most ${MAX_TAGS} tags`, { tags: ['too_many_tags'] });
  return ok(tags);
}

/**
 * Sets the order's tags (`tags`), or adds to the ones it has (`add`, for bulk tagging). The row is
 * locked while read and written so two people tagging at once both keep their tags. Writes a
 * 'tagged' timeline row with before and after; an unchanged set writes nothing.
 */
export async function setOrderTags(
  db: Database,
  input: { orderId: number; actor: Actor } & ({ tags: readonly string[] } | { add: readonly string[] }),
): Promise<Result<{ tags: string[] }, SetOrderTagsError>> {
  return db.transaction(async (tx) => {
    const [order] = await tx
      .select({ id: orders.id, tags: orders.tags })
      .from(orders)
      .where(eq(orders.id, input.orderId))
      .for('update');
    if (!order) return fail('not_found', `order ${input.orderId} does not exist`);
    const checked = checkTags(normalizeTags('tags' in input ? input.tags : [...order.tags, ...input.add]));
    if (!checked.ok) return checked;
    const tags = checked.data;
    if (tags.length === order.tags.length && tags.every((tag, i) => tag === order.tags[i])) return ok({ tags });
    await tx.update(orders).set({ tags, updatedAt: new Date() }).where(eq(orders.id, order.id));
    await appendOrderEvent(tx, {
      orderId: order.id,
      kind: 'tagged',
      actor: input.actor,
      message: tags.join(', ') || null,
      details: { before: order.tags, after: tags },
    });
    return ok({ tags });
  });
}
