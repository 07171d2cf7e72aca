/**
 * How the console talks to a provider's API: a plain HTTP exchange. Live providers are reached
 * with fetch; the built-in sandbox answers the same requests in-process (sandbox/sandbox-api.ts),
 * so a server never has to call itself to create a WeChat Pay QR code or query a status.
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
    method: request.method, headers: request.headers, body: request.method === 'GET' ? undefined : request.body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => { headers[key.toLowerCase()] = value; });
  return { status: response.status, headers, body: await response.text() };
};
