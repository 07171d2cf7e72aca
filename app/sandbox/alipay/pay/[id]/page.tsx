import { SandboxPayPage, sandboxPayMetadata } from '@/testing/sandboxes/payments/pay-page';

export const generateMetadata = () => sandboxPayMetadata('alipay');

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <SandboxPayPage provider="alipay" id={(await params).id} />;
}
