'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { addSku, ZAddSkuInput } from '@/domain/catalog/add-sku';
import { archiveSku, ZArchiveSkuInput } from '@/domain/catalog/archive-sku';
import { createCategory, ZCreateCategoryInput } from '@/domain/catalog/categories';
import { createProduct, ZCreateProductInput } from '@/domain/catalog/create-product';
import { updateProduct, ZUpdateProductInput } from '@/domain/catalog/update-product';
import { updateSku, ZUpdateSkuInput } from '@/domain/catalog/update-sku';
import { staffActor } from '@/domain/shared/actor';
import { staffAction } from '@/lib/actions/staff-action';

const options = { errorMessages: 'catalog' };

// SKU names, prices and stock show on the inventory pages and the order form too
const refresh = () => revalidatePath('/', 'layout');

export const createProductAction = staffAction(
  'catalog.write',
  ZCreateProductInput,
  async (input, staff) => {
    const result = await createProduct(getDb(), { ...input, actor: staffActor(staff) });
    if (result.ok) refresh();
    return result;
  },
  options,
);

export const updateProductAction = staffAction(
  'catalog.write',
  ZUpdateProductInput,
  async (input, staff) => {
    const result = await updateProduct(getDb(), { ...input, actor: staffActor(staff) });
    if (result.ok) refresh();
    return result;
  },
  options,
);

export const addSkuAction = staffAction(
  'catalog.write',
  ZAddSkuInput,
  async (input, staff) => {
    const result = await addSku(getDb(), { ...input, actor: staffActor(staff) });
    if (result.ok) refresh();
    return result;
  },
  options,
);

export const updateSkuAction = staffAction(
  'catalog.write',
  ZUpdateSkuInput,
  async (input, staff) => {
    const result = await updateSku(getDb(), { ...input, actor: staffActor(staff) });
    if (result.ok) refresh();
    return result;
  },
  options,
);

export const archiveSkuAction = staffAction(
  'catalog.write',
  ZArchiveSkuInput,
  async (input, staff) => {
    const result = await archiveSku(getDb(), { ...input, actor: staffActor(staff) });
    if (result.ok) refresh();
    return result;
  },
  options,
);

export const createCategoryAction = staffAction(
  'catalog.write',
  ZCreateCategoryInput,
  async (input, staff) => {
    const result = await createCategory(getDb(), { ...input, actor: staffActor(staff) });
    if (result.ok) revalidatePath('/catalog', 'layout');
    return result;
  },
  options,
);
