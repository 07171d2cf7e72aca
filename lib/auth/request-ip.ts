import { headers } from 'next/headers';
import { clientIpFromHeaders } from './client-ip';

/** The current request's client address, for the audit log of server actions. */
export async function getRequestIp(): Promise<string> {
  return clientIpFromHeaders(await headers());
}
