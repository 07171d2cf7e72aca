import { SandboxPayPage, sandboxPayMetadata } from '@/testing/sandboxes/payments/pay-page';

export const generateMetadata = () => sandboxPayMetadata('wechat_pay');

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <SandboxPayPage provider="wechat_pay" id={(await params).id} />;
}
