import { SandboxPayPage, sandboxPayMetadata } from '@/testing/sandboxes/payments/pay-page';

export const generateMetadata = () => sandboxPayMetadata('unionpay');

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <SandboxPayPage provider="unionpay" id={(await params).id} />;
}
