import { getTranslations } from 'next-intl/server';

export default async function Home() {
  const t = await getTranslations('common');
  return <main className="p-8 text-xl">{t('appName')}</main>;
}
