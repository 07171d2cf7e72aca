import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { PageHeader } from '@/components/layout/page-header';
import { ZCarrierRuleConditions } from '@/domain/logistics/carrier-rules';
import { listActiveCarriers } from '@/domain/logistics/list-shipments';
import { listCarrierRules } from '@/domain/logistics/manage-carrier-rules';
import { listCarriers } from '@/domain/logistics/manage-carriers';
import {
  getKuaidi100Settings,
  maskedKuaidi100Settings,
  pushUrlOf,
} from '@/domain/logistics/tracking/tracking-settings';
import { minorUnitsToDecimal } from '@/domain/shared/money';
import { can } from '@/domain/staff/permissions';
import { requirePermission } from '@/lib/auth/current-staff';
import { CarrierForm } from './carrier-form';
import { CarrierRuleForm, Kuaidi100Form, MoveRuleButtons, type RuleRow } from './logistics-forms';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shipping.settings');
  return { title: t('title') };
}

/** Settings > Logistics: the tracking aggregator account, the carriers, and the carrier auto-assignment rules. */
export default async function LogisticsSettingsPage() {
  const staff = await requirePermission('settings.read');
  const db = getDb();
  const [config, rules, carrierRows, allCarriers, t, locale] = await Promise.all([
    getKuaidi100Settings(db),
    listCarrierRules(db),
    listActiveCarriers(db),
    listCarriers(db),
    getTranslations('shipping'),
    getLocale(),
  ]);
  const canEdit = can(staff, 'settings.write');
  const isChinese = locale.startsWith('zh');
  const carriers = carrierRows.map((c) => ({ id: c.id, name: isChinese ? c.name : c.nameEn }));
  const toRow = (rule: (typeof rules)[number]): RuleRow => {
    const c = ZCarrierRuleConditions.safeParse(rule.conditions);
    const v = c.success ? c.data : {};
    const yuan = (fen: number | undefined) => (fen === undefined ? '' : minorUnitsToDecimal(fen, 2));
    return {
      id: rule.id,
      name: rule.name,
      carrierId: rule.carrierId,
      isActive: rule.isActive,
      provinces: (v.provinces ?? []).join(', '),
      minWeightGrams: v.minWeightGrams?.toString() ?? '',
      maxWeightGrams: v.maxWeightGrams?.toString() ?? '',
      minTotalYuan: yuan(v.minTotalCents),
      maxTotalYuan: yuan(v.maxTotalCents),
      tag: v.tag ?? '',
    };
  };
  const card = 'rounded-lg border border-slate-200 bg-white p-5 shadow-xs';
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <div className="space-y-5 px-4 py-4 sm:px-6 sm:py-5">
        {!canEdit && <p className="text-sm text-slate-500">{t('settings.readOnly')}</p>}
        <section className={card}>
          <h2 className="mb-3 text-sm font-semibold text-slate-900">{t('settings.aggregator')}</h2>
          <Kuaidi100Form
            settings={maskedKuaidi100Settings(config)}
            defaultPushUrl={pushUrlOf({ ...config, callbackUrl: '' })}
            canEdit={canEdit}
          />
        </section>
        <section className={card} data-testid="carriers">
          <h2 className="text-sm font-semibold text-slate-900">{t('carriers.title')}</h2>
          <p className="mb-3 text-xs text-slate-500">{t('carriers.description')}</p>
          <ul className="divide-y divide-slate-100">
            {allCarriers.map((carrier) => (
              <li key={carrier.id} className="py-2">
                <details>
                  <summary className="flex cursor-pointer items-center gap-3 text-sm">
                    <span
                      className={
                        carrier.isActive ? 'font-medium text-slate-900' : 'font-medium text-slate-400 line-through'
                      }
                    >
                      {isChinese ? carrier.name : carrier.nameEn}
                    </span>
                    <code className="text-xs text-slate-500">{carrier.code}</code>
                    <code className="ml-auto truncate text-xs text-slate-400">
                      {carrier.trackingPattern ?? t('carriers.anyNumber')}
                    </code>
                  </summary>
                  <div className="mt-2">
                    <CarrierForm carrier={carrier} canEdit={canEdit} />
                  </div>
                </details>
              </li>
            ))}
          </ul>
          {canEdit && (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
                {t('carriers.addTitle')}
              </h3>
              <CarrierForm carrier={null} canEdit />
            </div>
          )}
        </section>
        <section className={card} data-testid="carrier-rules">
          <h2 className="text-sm font-semibold text-slate-900">{t('rules.title')}</h2>
          <p className="mb-3 text-xs text-slate-500">{t('rules.description')}</p>
          <ol className="space-y-4">
            {rules.map((rule, index) => (
              <li
                key={rule.id}
                className={`rounded-md border p-3 ${rule.isActive ? 'border-slate-200' : 'border-dashed border-slate-300 bg-slate-50'}`}
              >
                <div className="mb-2 flex items-center gap-2 text-xs text-slate-500">
                  <span className="font-semibold text-slate-700">#{index + 1}</span>
                  {!rule.isActive && <span>{t('rules.disabled')}</span>}
                  {canEdit && (
                    <span className="ml-auto">
                      <MoveRuleButtons id={rule.id} isFirst={index === 0} isLast={index === rules.length - 1} />
                    </span>
                  )}
                </div>
                <CarrierRuleForm rule={toRow(rule)} carriers={carriers} canEdit={canEdit} />
              </li>
            ))}
          </ol>
          {rules.length === 0 && <p className="text-sm text-slate-500">{t('rules.none')}</p>}
          {canEdit && (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
                {t('rules.addTitle')}
              </h3>
              <CarrierRuleForm rule={null} carriers={carriers} canEdit />
            </div>
          )}
        </section>
      </div>
    </>
  );
}
