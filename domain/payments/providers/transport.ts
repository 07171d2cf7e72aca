/**
 * THE way the console talks to a provider's API: one plain HTTP exchange, for payments, refunds
 * and reconciliation alike. Live providers are reached with fetch; the sandbox plugs in its own
 * transport of the same type (testing/sandboxes/payments), so no adapter knows which it talks to.
 */
export interface ProviderHttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface ProviderHttpResponse {
  status: number;
  /** header names lower-case */
  headers: Record<string, string>;
  body: string;
}

export type ProviderTransport = (request: ProviderHttpRequest) => Promise<ProviderHttpResponse>;

const TIMEOUT_MS = 10_000;

export const fetchTransport: ProviderTransport = async (request) => {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.method === 'GET' ? undefined : request.body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  return { status: response.status, headers, body: await response.text() };
};

/** Calls the transport; a network failure is a value, never a throw. Header names come back lower-case. */
export async function exchange(
  transport: ProviderTransport,
  request: ProviderHttpRequest,
): Promise<ProviderHttpResponse | { error: string }> {
  try {
    const response = await transport(request);
    return {
      ...response,
      headers: Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v])),
    };
  } catch (error) {
    return { error: `gateway unreachable: ${error instanceof Error ? error.message : String(error)}` };
  }
}
