import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { carrierRules, carriers, type CarrierRule } from '@/db/schema/logistics';
import { recordAudit } from '@/domain/shared/record-audit';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { ZCarrierRuleConditions, type TCarrierRuleConditions } from './carrier-rules';

export interface CarrierRuleView extends CarrierRule {
  carrierName: string;
  carrierNameEn: string;
}

/** Every rule in the order they are tried, with its carrier's names. */
export async function listCarrierRules(db: Database): Promise<CarrierRuleView[]> {
  return db
    .select({
      id: carrierRules.id,
      position: carrierRules.position,
      name: carrierRules.name,
      conditions: carrierRules.conditions,
      carrierId: carrierRules.carrierId,
      isActive: carrierRules.isActive,
      carrierName: carriers.name,
      carrierNameEn: carriers.nameEn,
    })
    .from(carrierRules)
    .innerJoin(carriers, eq(carriers.id, carrierRules.carrierId))
    .orderBy(asc(carrierRules.position), asc(carrierRules.id));
}

export interface SaveCarrierRuleInput {
  /** omitted: a new rule, tried last */
  id?: number;
  name: string;
  carrierId: number;
  conditions: TCarrierRuleConditions;
  isActive: boolean;
  staffId: number;
}

/** Failure codes: `not_found` (no such rule), `unknown_carrier`. */
export async function saveCarrierRule(
  db: Database,
  input: SaveCarrierRuleInput,
): Promise<Result<CarrierRule, 'not_found' | 'unknown_carrier'>> {
  const conditions = ZCarrierRuleConditions.parse(input.conditions);
  return inTransaction(db, async (tx) => {
    const [carrier] = await tx.select({ id: carriers.id }).from(carriers).where(eq(carriers.id, input.carrierId));
    if (!carrier)
      return fail('unknown_carrier', `carrier ${input.carrierId} does not exist`, { carrierId: ['unknown_carrier'] });
    // rules are few and edited by hand: one lock on the table keeps positions unique without a constraint
    await tx.execute(sql`lock table carrier_rules in share row exclusive mode`);
    let rule: CarrierRule | undefined;
    if (input.id === undefined) {
      [rule] = await tx
        .insert(carrierRules)
        .values({
          name: input.name.trim(),
          carrierId: input.carrierId,
          conditions,
          isActive: input.isActive,
          position: sql`coalesce((select max(position) from carrier_rules), 0) + 1`,
        })
        .returning();
    } else {
      [rule] = await tx
        .update(carrierRules)
        .set({ name: input.name.trim(), carrierId: input.carrierId, conditions, isActive: input.isActive })
        .where(eq(carrierRules.id, input.id))
        .returning();
      if (!rule) return fail('not_found', `carrier rule ${input.id} does not exist`);
    }
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: input.staffId,
      action: input.id === undefined ? 'carrier_rule.create' : 'carrier_rule.update',
      targetType: 'carrier_rule',
      targetId: rule.id,
      details: { name: rule.name, carrierId: rule.carrierId, conditions, isActive: rule.isActive },
    });
    return ok(rule);
  });
}

/** Moves a rule one place earlier or later in the order rules are tried. Failure code: `not_found`. */
export async function moveCarrierRule(
  db: Database,
  input: { id: number; direction: 'up' | 'down'; staffId: number },
): Promise<Result<void, 'not_found'>> {
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`lock table carrier_rules in share row exclusive mode`);
    const rules = await tx
      .select({ id: carrierRules.id, position: carrierRules.position })
      .from(carrierRules)
      .orderBy(asc(carrierRules.position), asc(carrierRules.id));
    const index = rules.findIndex((r) => r.id === input.id);
    if (index < 0) return fail('not_found', `carrier rule ${input.id} does not exist`);
    const other = input.direction === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= rules.length) return ok(undefined);
    [rules[index], rules[other]] = [rules[other], rules[index]];
    // renumber 1..n, which also repairs ties left by older data
    for (const [i, rule] of rules.entries())
      await tx
        .update(carrierRules)
        .set({ position: i + 1 })
        .where(eq(carrierRules.id, rule.id));
    await recordAudit(tx, {
      actorType: 'staff',
      actorId: input.staffId,
      action: 'carrier_rule.move',
      targetType: 'carrier_rule',
      targetId: input.id,
      details: { direction: input.direction },
    });
    return ok(undefined);
  });
}
