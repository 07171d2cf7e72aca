'use server';

import { paymentsContext } from '@/lib/payments/context';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { approveAfterSalesRequest, ZApproveAfterSalesRequest } from '@/domain/after-sales/approve-after-sales-request';
import { cancelAfterSalesRequest, ZCancelAfterSalesRequest } from '@/domain/after-sales/cancel-after-sales-request';
import { completeReplacement } from '@/domain/after-sales/complete-replacement';
import { createAfterSalesRequest, ZCreateAfterSalesRequest } from '@/domain/after-sales/create-after-sales-request';
import { proposeRefund, ZProposeRefund } from '@/domain/after-sales/propose-refund';
import { receiveAndInspect, ZReceiveAndInspect } from '@/domain/after-sales/receive-and-inspect';
import { recordReturnParcel, ZRecordReturnParcel } from '@/domain/after-sales/record-return-parcel';
import { rejectAfterSalesRequest, ZRejectAfterSalesRequest } from '@/domain/after-sales/reject-after-sales-request';
import { sendRefund, ZSendRefund } from '@/domain/after-sales/send-refund';
import { shipReplacement, ZShipReplacement } from '@/domain/after-sales/ship-replacement';
import { getTrackingProvider } from '@/domain/logistics/tracking/tracking-settings';
import { staffActor } from '@/domain/shared/actor';
import { staffAction } from '@/lib/actions/staff-action';

// each action: the operation's own schema -> permission -> the one domain function -> revalidate
const OPTIONS = { errorMessages: 'after-sales' };

function revalidate(requestId: number, orderId?: number) {
  revalidatePath('/after-sales');
  revalidatePath(`/after-sales/${requestId}`);
  if (orderId) revalidatePath(`/orders/${orderId}`);
}

export const createAfterSalesAction = staffAction(
  'after_sales.write',
  ZCreateAfterSalesRequest,
  async (input, staff) => {
    const result = await createAfterSalesRequest(getDb(), { ...input, actor: staffActor(staff) });
    if (result.ok) revalidate(result.data.id, input.orderId);
    return result.ok ? { ok: true, data: { id: result.data.id } } : result;
  },
  OPTIONS,
);

export const approveAfterSalesAction = staffAction(
  'after_sales.write',
  ZApproveAfterSalesRequest,
  async (input, staff) => {
    const result = await approveAfterSalesRequest(getDb(), { ...input, actor: staffActor(staff) });
    revalidate(input.requestId);
    return result.ok ? { ok: true, data: null } : result;
  },
  OPTIONS,
);

export const rejectAfterSalesAction = staffAction(
  'after_sales.write',
  ZRejectAfterSalesRequest,
  async (input, staff) => {
    const result = await rejectAfterSalesRequest(getDb(), { ...input, actor: staffActor(staff) });
    revalidate(input.requestId);
    return result.ok ? { ok: true, data: null } : result;
  },
  OPTIONS,
);

export const cancelAfterSalesAction = staffAction(
  'after_sales.write',
  ZCancelAfterSalesRequest,
  async (input, staff) => {
    const result = await cancelAfterSalesRequest(getDb(), { ...input, actor: staffActor(staff) });
    revalidate(input.requestId);
    return result.ok ? { ok: true, data: null } : result;
  },
  OPTIONS,
);

export const recordReturnParcelAction = staffAction(
  'after_sales.write',
  ZRecordReturnParcel,
  async (input, staff) => {
    const db = getDb();
    const result = await recordReturnParcel(db, {
      ...input,
      actor: staffActor(staff),
      tracking: await getTrackingProvider(db),
    });
    revalidate(input.requestId);
    return result.ok ? { ok: true, data: null } : result;
  },
  OPTIONS,
);

export const receiveAndInspectAction = staffAction(
  'after_sales.receive',
  ZReceiveAndInspect,
  async (input, staff) => {
    const result = await receiveAndInspect(getDb(), { ...input, actor: staffActor(staff) });
    revalidate(input.requestId);
    return result.ok ? { ok: true, data: null } : result;
  },
  OPTIONS,
);

export const proposeRefundAction = staffAction(
  'after_sales.refund',
  ZProposeRefund,
  async (input, staff) => {
    const result = await proposeRefund(getDb(), { ...input, actor: staffActor(staff) });
    revalidate(input.requestId);
    return result.ok ? { ok: true, data: { totalCents: result.data.totalCents } } : result;
  },
  OPTIONS,
);

export const sendRefundAction = staffAction(
  'after_sales.refund',
  ZSendRefund,
  async (input, staff) => {
    const result = await sendRefund(getDb(), { ...input, actor: staffActor(staff), payments: paymentsContext() });
    revalidate(input.requestId);
    return result.ok ? { ok: true, data: null } : result;
  },
  OPTIONS,
);

export const shipReplacementAction = staffAction(
  'shipping.write',
  ZShipReplacement,
  async (input, staff) => {
    const db = getDb();
    const result = await shipReplacement(db, {
      ...input,
      actor: staffActor(staff),
      tracking: await getTrackingProvider(db),
    });
    revalidate(input.requestId);
    return result.ok ? { ok: true, data: null } : result;
  },
  OPTIONS,
);

export const completeReplacementAction = staffAction(
  'shipping.write',
  z.object({ requestId: z.number().int().positive() }),
  async (input, staff) => {
    const result = await completeReplacement(getDb(), { requestId: input.requestId, actor: staffActor(staff) });
    revalidate(input.requestId);
    return result.ok ? { ok: true, data: null } : result;
  },
  OPTIONS,
);
