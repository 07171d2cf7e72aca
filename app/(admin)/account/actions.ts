'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { fail, ok } from '@/domain/shared/result';
import { changeOwnPassword, ZChangeOwnPassword } from '@/domain/staff/change-own-password';
import { endOwnSession, ZEndOwnSession } from '@/domain/staff/own-sessions';
import { regenerateRecoveryCodes, ZRegenerateRecoveryCodes } from '@/domain/staff/regenerate-recovery-codes';
import {
  confirmTotpEnrolment,
  disableTotp,
  startTotpEnrolment,
  ZConfirmTotp,
  ZDisableTotp,
} from '@/domain/staff/two-factor-setup';
import { staffAction } from '@/lib/actions/staff-action';
import { getCurrentSession } from '@/lib/auth/current-staff';
import { getRequestIp } from '@/lib/auth/request-ip';
import { getAuthSecret } from '@/lib/auth/secret';
import { z } from 'zod';
import QRCode from 'qrcode';

const ACCOUNT_PAGE = '/account';
// open to someone who must first change their password or set up two-factor sign-in
const options = { errorMessages: 'staff', allowPending: true };

async function currentSessionId(): Promise<string> {
  return (await getCurrentSession())?.sessionId ?? '';
}

export const changeOwnPasswordAction = staffAction(
  null,
  ZChangeOwnPassword,
  async (input, staff) => {
    const result = await changeOwnPassword(getDb(), {
      ...input,
      staffId: staff.id,
      sessionId: await currentSessionId(),
      ip: await getRequestIp(),
    });
    if (result.ok) revalidatePath('/', 'layout');
    return result;
  },
  options,
);

/** Starts two-factor setup: the secret (for typing in) and its QR code as an SVG, shown once. */
export const startTotpAction = staffAction(
  null,
  z.object({}),
  async (_input, staff) => {
    const result = await startTotpEnrolment(getDb(), { staffId: staff.id, authSecret: getAuthSecret() });
    if (!result.ok) return result;
    const qrSvg = await QRCode.toString(result.data.uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return ok({ secret: result.data.secret, qrSvg });
  },
  options,
);

export const confirmTotpAction = staffAction(
  null,
  ZConfirmTotp,
  async (input, staff) => {
    const result = await confirmTotpEnrolment(getDb(), {
      staffId: staff.id,
      code: input.code,
      authSecret: getAuthSecret(),
      ip: await getRequestIp(),
    });
    if (result.ok) revalidatePath('/', 'layout');
    return result;
  },
  options,
);

export const disableTotpAction = staffAction(
  null,
  ZDisableTotp,
  async (input, staff) => {
    const result = await disableTotp(getDb(), {
      staffId: staff.id,
      currentPassword: input.currentPassword,
      ip: await getRequestIp(),
    });
    if (result.ok) revalidatePath(ACCOUNT_PAGE);
    return result;
  },
  options,
);

/** New recovery codes for the signed-in person (current password required), shown once. */
export const regenerateRecoveryCodesAction = staffAction(
  null,
  ZRegenerateRecoveryCodes,
  async (input, staff) => {
    const result = await regenerateRecoveryCodes(getDb(), {
      staffId: staff.id,
      currentPassword: input.currentPassword,
      ip: await getRequestIp(),
    });
    if (result.ok) revalidatePath(ACCOUNT_PAGE);
    return result;
  },
  options,
);

export const endOwnSessionAction = staffAction(
  null,
  ZEndOwnSession,
  async (input, staff) => {
    if (input.sessionId === (await currentSessionId()))
      return fail('current_session', 'Use Sign out to end this session.');
    const result = await endOwnSession(getDb(), {
      staffId: staff.id,
      sessionId: input.sessionId,
      ip: await getRequestIp(),
    });
    if (result.ok) revalidatePath(ACCOUNT_PAGE);
    return result;
  },
  options,
);
