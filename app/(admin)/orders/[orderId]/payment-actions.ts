'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createPaymentAttempt } from '@/domain/payments/attempts';
import { PROVIDER_METHODS } from '@/domain/payments/payment-methods-config';
import { queryPaymentStatus } from '@/domain/payments/query-payment-status';
import { staffActor } from '@/domain/shared/actor';
import { ok } from '@/domain/shared/result';
import { staffAction } from '@/lib/actions/staff-action';
import { paymentsContext } from '@/lib/payments/context';

const ZId = z.coerce.number().int().positive();

export const createPaymentAttemptAction = staffAction(
  'payments.collect',
  z.object({ orderId: ZId, method: z.enum(PROVIDER_METHODS) }),
  async (input, staff) => {
    const result = await createPaymentAttempt(await paymentsContext(), {
      orderId: input.orderId,
      method: input.method,
      actor: staffActor(staff),
    });
    revalidatePath(`/orders/${input.orderId}`);
    return result.ok ? ok({ paymentId: result.data.id }) : result;
  },
  { errorMessages: 'payments.order' },
);

export const queryPaymentStatusAction = staffAction(
  'payments.collect',
  z.object({ orderId: ZId, paymentId: ZId }),
  async (input) => {
    const result = await queryPaymentStatus(await paymentsContext(), { paymentId: input.paymentId });
    revalidatePath(`/orders/${input.orderId}`);
    revalidatePath('/orders');
    return result;
  },
  { errorMessages: 'payments.order' },
);
