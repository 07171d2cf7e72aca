'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { moveCarrierRule, saveCarrierRule } from '@/domain/logistics/manage-carrier-rules';
import { saveCarrier } from '@/domain/logistics/manage-carriers';
import { maskedKuaidi100Settings, updateKuaidi100Settings } from '@/domain/logistics/tracking/tracking-settings';
import { ok } from '@/domain/shared/result';
import { staffAction } from '@/lib/actions/staff-action';
import { ZCarrierForm, ZCarrierRuleForm, ZKuaidi100Form } from './logistics-input';

export const updateKuaidi100Action = staffAction(
  'settings.write',
  ZKuaidi100Form,
  async (input, staff) => {
    const result = await updateKuaidi100Settings(getDb(), { ...input, staffId: staff.id });
    revalidatePath('/settings/logistics');
    // never send a secret back to the browser
    return result.ok ? ok(maskedKuaidi100Settings(result.data)) : result;
  },
  { errorMessages: 'shipping.settings' },
);

export const saveCarrierRuleAction = staffAction(
  'settings.write',
  ZCarrierRuleForm,
  async (input, staff) => {
    const result = await saveCarrierRule(getDb(), {
      id: input.id,
      name: input.name,
      carrierId: input.carrierId,
      isActive: input.isActive,
      staffId: staff.id,
      conditions: {
        ...(input.provinces.length ? { provinces: input.provinces } : {}),
        minWeightGrams: input.minWeightGrams,
        maxWeightGrams: input.maxWeightGrams,
        minTotalCents: input.minTotalYuan,
        maxTotalCents: input.maxTotalYuan,
        tag: input.tag,
      },
    });
    revalidatePath('/settings/logistics');
    return result.ok ? ok({ id: result.data.id }) : result;
  },
  { errorMessages: 'shipping.rules' },
);

export const moveCarrierRuleAction = staffAction(
  'settings.write',
  z.object({ id: z.coerce.number().int().positive(), direction: z.enum(['up', 'down']) }),
  async (input, staff) => {
    const result = await moveCarrierRule(getDb(), { ...input, staffId: staff.id });
    revalidatePath('/settings/logistics');
    return result;
  },
  { errorMessages: 'shipping.rules' },
);

/** Adds a carrier or changes one; the code of an existing carrier is never changed. */
export const saveCarrierAction = staffAction(
  'settings.write',
  ZCarrierForm,
  async (input, staff) => {
    const result = await saveCarrier(getDb(), {
      id: input.id,
      code: input.code,
      name: input.name,
      nameEn: input.nameEn,
      isActive: input.isActive,
      trackingPattern: input.trackingPattern ?? '',
      trackingUrlTemplate: input.trackingUrlTemplate ?? '',
      staffId: staff.id,
    });
    revalidatePath('/settings/logistics');
    return result.ok ? ok({ id: result.data.id }) : result;
  },
  { errorMessages: 'shipping.carriers' },
);
