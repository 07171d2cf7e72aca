import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listSandboxParcels } from '@/testing/sandboxes/kuaidi100/send-sandbox-pushes';
import { isSandboxTrackingRegistered } from '@/domain/logistics/tracking/sandbox-slot';
import { getKuaidi100Settings } from '@/domain/logistics/tracking/tracking-settings';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { ShippingHeader } from '../../shipping/shipping-tabs';
import { SendNextPushButton } from './send-next-push-button';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shipping');
  return { title: t('sandbox.title') };
}

/**
 * The offline tracking aggregator: the parcels subscribed to it and the pushes it owes. Pushes go
 * out when due (the sandbox_tracking_pushes job), or at once with "send next push now".
 */
export default async function Kuaidi100SandboxPage() {
  const staff = await requirePermission('shipping.read');
  // a server without the sandbox (production unless TRACKING_SANDBOX=1) has no such page
  if (!isSandboxTrackingRegistered()) notFound();
  const db = getDb();
  const [config, parcels, t, format] = await Promise.all([
    getKuaidi100Settings(db),
    listSandboxParcels(db),
    getTranslations('shipping'),
    getFormatter(),
  ]);
  const canWrite = can(staff, 'shipping.write');
  const when = (value: Date) =>
    format.dateTime(value, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <>
      <ShippingHeader current="sandbox" title={t('sandbox.title')} />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        <p className="text-sm text-slate-600">{t('sandbox.description')}</p>
        {config.mode !== 'sandbox' && (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t('sandbox.notSandbox')}
          </p>
        )}
        {parcels.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-500">
            {t('sandbox.empty')}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-xs">
            {parcels.map((parcel) => {
              const left = parcel.pushes.filter((p) => !p.sentAt).length;
              return (
                <li
                  key={parcel.id}
                  className="space-y-1.5 px-4 py-3 text-sm"
                  data-testid="sandbox-parcel"
                  data-tracking-number={parcel.number}
                >
                  <div className="flex flex-wrap items-center gap-3">
                    <span className="font-mono text-xs text-slate-900">
                      {parcel.company} {parcel.number}
                    </span>
                    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
                      {t(`sandbox.script.${parcel.script}` as 'sandbox.script.delivered')}
                    </span>
                    <span className="text-xs text-slate-500">{t('sandbox.left', { count: left })}</span>
                    {canWrite && (
                      <span className="ml-auto">
                        <SendNextPushButton parcelId={parcel.id} disabled={left === 0} />
                      </span>
                    )}
                  </div>
                  <ol className="flex flex-wrap gap-2 text-xs">
                    {parcel.pushes.map((p) => (
                      <li
                        key={p.id}
                        className={`rounded px-1.5 py-0.5 ${p.sentAt ? 'bg-emerald-50 text-emerald-700' : p.lastError ? 'bg-rose-50 text-rose-700' : 'bg-slate-50 text-slate-500'}`}
                        title={p.lastError ?? undefined}
                      >
                        {t(`sandbox.state.${p.stateCode}` as 'sandbox.state.0')} ·{' '}
                        {p.sentAt
                          ? t('sandbox.sentAt', { at: when(p.sentAt) })
                          : t('sandbox.dueAt', { at: when(p.dueAt) })}
                      </li>
                    ))}
                  </ol>
                </li>
              );
            })}
          </ul>
        )}
        <p className="text-xs text-slate-500">
          <Link href="/settings/logistics" className="text-sky-700 hover:underline">
            {t('sandbox.settingsLink')}
          </Link>
        </p>
      </div>
    </>
  );
}
