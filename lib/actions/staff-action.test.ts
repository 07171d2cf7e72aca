import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createTranslator } from 'next-intl';
import { z } from 'zod';
import { fail, ok } from '@/domain/shared/result';
import { ZCreateStaff } from '@/domain/staff/staff-input';
import { loadMessages } from '@/lib/i18n/messages';
import type { CurrentStaff } from '@/lib/auth/current-staff';

// The wrapper's collaborators outside Node: the session and the request's language.
const session = vi.hoisted(() => ({ staff: null as CurrentStaff | null, locale: 'zh-CN' as 'zh-CN' | 'en' }));
vi.mock('@/lib/auth/current-staff', () => ({ getCurrentStaff: async () => session.staff }));
vi.mock('next-intl/server', () => ({
  getLocale: async () => session.locale,
  getTranslations: async () =>
    createTranslator({ locale: session.locale, messages: await loadMessages(session.locale) }),
}));

vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-oms-peer-address': '203.0.113.7', 'x-forwarded-for': '10.9.9.9' }),
}));

const { staffAction } = await import('./staff-action');
const { currentAuditContext } = await import('@/domain/shared/audit-context');
const { markPeerAddressStamped } = await import('@/lib/auth/client-ip');

const admin: CurrentStaff = { id: 1, name: 'Boss', email: 'boss@example.com', role: 'admin' };
const viewer: CurrentStaff = { id: 2, name: 'Guest', email: 'guest@example.com', role: 'viewer' };

describe('staffAction', () => {
  const handler = vi.fn(async (input: z.output<typeof ZCreateStaff>) => ok({ email: input.email }));
  const action = staffAction('staff.manage', ZCreateStaff, handler, { errorMessages: 'staff' });
  beforeEach(() => {
    handler.mockClear();
    session.staff = admin;
    session.locale = 'zh-CN';
  });

  it('refuses without a session and without the permission, before looking at the input', async () => {
    session.staff = null;
    expect(await action({} as never)).toEqual({ ok: false, code: 'unauthenticated', message: '请先登录。' });
    session.staff = viewer;
    expect(await action({} as never)).toEqual({
      ok: false,
      code: 'forbidden',
      message: '您的角色没有执行此操作的权限。',
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("runs the handler with the request's client address for the audit log (the peer, not a forged header)", async () => {
    markPeerAddressStamped();
    const seen: (string | null | undefined)[] = [];
    const audited = staffAction('staff.manage', z.object({}), async () => {
      seen.push(currentAuditContext()?.ip);
      return ok(null);
    });
    expect(await audited({})).toEqual({ ok: true, data: null });
    expect(seen).toEqual(['203.0.113.7']);
    expect(currentAuditContext()).toBeUndefined();
  });

  it("returns every field error in the user's language", async () => {
    const form = new FormData();
    form.set('name', '');
    form.set('email', 'nope');
    form.set('role', 'owner');
    form.set('password', 'short');
    const zh = await action(form);
    expect(zh).toEqual({
      ok: false,
      code: 'invalid',
      message: '请修改标出的字段。',
      fieldErrors: {
        name: ['请输入姓名。'],
        email: ['请输入有效的邮箱地址。'],
        role: ['请选择一个角色。'],
        password: ['至少 10 个字符。'],
      },
    });
    session.locale = 'en';
    const en = await action(form);
    expect(en).toMatchObject({
      fieldErrors: { password: ['Use at least 10 characters.'], email: ['Enter a valid email address.'] },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("falls back to zod's localized wording for checks without a message key", async () => {
    const bare = staffAction('orders.read', z.object({ quantity: z.coerce.number().int().min(1) }), async () =>
      ok(null),
    );
    const result = await bare({ quantity: '0' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.quantity?.[0]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('passes parsed FormData to the handler and returns its data', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      name: 'Wang',
      email: 'wang@example.com',
      role: 'finance',
      password: 'long enough pw',
      $ACTION_ID_x: '',
    }))
      form.set(k, v);
    expect(await action(form)).toEqual({ ok: true, data: { email: 'wang@example.com' } });
    expect(handler).toHaveBeenCalledWith(
      { name: 'Wang', email: 'wang@example.com', role: 'finance', password: 'long enough pw' },
      admin,
    );
  });

  it('translates domain failure codes, field errors included', async () => {
    const taken = staffAction(
      'staff.manage',
      z.object({}),
      async () => fail('email_taken', 'English text', { email: ['English text'] }),
      { errorMessages: 'staff' },
    );
    expect(await taken({})).toEqual({
      ok: false,
      code: 'email_taken',
      message: '该邮箱已有员工账号。',
      fieldErrors: { email: ['该邮箱已有员工账号。'] },
    });
    const unknown = staffAction('staff.manage', z.object({}), async () => fail('weird', 'Kept as is'), {
      errorMessages: 'staff',
    });
    expect(await unknown({})).toEqual({ ok: false, code: 'weird', message: 'Kept as is' });
  });
});
