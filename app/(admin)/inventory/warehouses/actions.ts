'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { saveWarehouse, ZSaveWarehouseInput } from '@/domain/inventory/save-warehouse';
import { setBinLocation, ZSetBinLocationInput } from '@/domain/inventory/set-bin-location';
import { setWarehouseActive, ZSetWarehouseActiveInput } from '@/domain/inventory/set-warehouse-active';
import { staffActor } from '@/domain/shared/actor';
import { ok } from '@/domain/shared/result';
import { staffAction } from '@/lib/actions/staff-action';

const options = { errorMessages: 'inventory.warehouses' };

// warehouses appear in filters, the order form and pick lists: refresh every staff page
const refreshAll = () => revalidatePath('/', 'layout');

export const saveWarehouseAction = staffAction(
  'inventory.write',
  ZSaveWarehouseInput,
  async (input, staff) => {
    const result = await saveWarehouse(getDb(), { ...input, actor: staffActor(staff) });
    if (!result.ok) return result;
    refreshAll();
    return ok({ id: result.data.id });
  },
  options,
);

export const setWarehouseActiveAction = staffAction(
  'inventory.write',
  ZSetWarehouseActiveInput,
  async (input, staff) => {
    const result = await setWarehouseActive(getDb(), { ...input, actor: staffActor(staff) });
    if (result.ok) refreshAll();
    return result;
  },
  options,
);

export const setBinLocationAction = staffAction(
  'inventory.write',
  ZSetBinLocationInput,
  async (input, staff) => {
    const result = await setBinLocation(getDb(), { ...input, actor: staffActor(staff) });
    if (result.ok) revalidatePath('/inventory', 'layout');
    return result;
  },
  options,
);
