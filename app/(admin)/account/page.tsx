import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { getDb } from '@/db/client';
import { getAccountSecurity } from '@/domain/staff/get-account-security';
import { listOwnSessions } from '@/domain/staff/own-sessions';
import { MIN_PASSWORD_LENGTH } from '@/domain/staff/password-policy';
import { getCurrentSession, requireStaff } from '@/lib/auth/current-staff';
import { ChangePasswordForm } from './change-password-form';
import { SessionsList } from './sessions-list';
import { TwoFactorSection } from './two-factor-section';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff.account');
  return { title: t('metaTitle') };
}

/** My account: one's own password, two-factor sign-in and sessions. Also the only page open while something is pending. */
export default async function AccountPage() {
  const staff = await requireStaff({ allowPending: true });
  const session = await getCurrentSession();
  const db = getDb();
  const [t, format, security, sessions] = await Promise.all([
    getTranslations('staff.account'),
    getFormatter(),
    getAccountSecurity(db, staff.id),
    listOwnSessions(db, staff.id, session?.sessionId ?? ''),
  ]);
  if (!security) notFound();
  const pending = session?.pending ?? null;

  return (
    <div>
      <PageHeader title={t('title')} description={t('subtitle', { email: staff.email })} />
      <div className="mx-auto max-w-4xl space-y-6 px-6 py-6">
        {pending ? (
          <p
            data-testid="account-pending"
            className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
          >
            {pending === 'change_password' ? t('pending.changePassword') : t('pending.enrolTotp')}
          </p>
        ) : null}

        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="password-title">
          <h2 id="password-title" className="text-base font-semibold text-slate-900">
            {t('password.title')}
          </h2>
          <p className="mb-4 mt-1 text-sm text-slate-500">
            {security.passwordChangedAt
              ? t('password.changedAt', {
                  at: format.dateTime(security.passwordChangedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                })
              : t('password.description')}
          </p>
          <ChangePasswordForm minLength={MIN_PASSWORD_LENGTH} />
        </section>

        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="totp-title">
          <h2 id="totp-title" className="text-base font-semibold text-slate-900">
            {t('totp.title')}
          </h2>
          <p className="mb-4 mt-1 text-sm text-slate-500">{t('totp.description')}</p>
          <TwoFactorSection
            enabled={security.totpEnabled}
            required={security.totpRequired}
            unusedRecoveryCodes={security.unusedRecoveryCodes}
          />
        </section>

        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="sessions-title">
          <h2 id="sessions-title" className="text-base font-semibold text-slate-900">
            {t('sessions.title')}
          </h2>
          <p className="mb-4 mt-1 text-sm text-slate-500">
            {t('sessions.description', {
              idleHours: Math.round((security.sessionIdleMinutes / 60) * 10) / 10,
              days: security.sessionAbsoluteDays,
            })}
          </p>
          <SessionsList
            sessions={sessions.map((s) => ({
              id: s.id,
              isCurrent: s.isCurrent,
              ip: s.ip,
              device: describeUserAgent(s.userAgent),
              lastSeen: format.dateTime(s.lastSeenAt, { dateStyle: 'medium', timeStyle: 'short' }),
              signedIn: format.dateTime(s.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
            }))}
          />
        </section>
      </div>
    </div>
  );
}

/** "Chrome on Windows" from a user-agent string; the raw string when nothing is recognised. */
function describeUserAgent(ua: string | null): string {
  if (!ua) return '—';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Android/.test(ua)
        ? 'Android'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  return browser && os ? `${browser} · ${os}` : ua.slice(0, 80);
}
