import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { PageHeader } from '@/components/layout/page-header';
import { getPaymentMethods, viewPaymentMethods } from '@/domain/payments/get-payment-methods';
import { isSandboxAllowed } from '@/domain/payments/payment-methods-config';
import { requirePermission } from '@/lib/auth/current-staff';
import { PaymentMethodsForm } from './payment-methods-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('payments.settings');
  return { title: t('title') };
}

/** 支付方式 / Payment methods: which methods the store takes and each provider's mode, ids and keys (masked). */
export default async function PaymentMethodsPage() {
  await requirePermission('settings.write');
  const t = await getTranslations('payments.settings');
  const view = viewPaymentMethods(await getPaymentMethods(getDb(), process.env), process.env);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="px-4 py-4 sm:px-6 sm:py-5">
        <PaymentMethodsForm view={view} isSandboxAllowed={isSandboxAllowed(process.env)} />
      </div>
    </>
  );
}
