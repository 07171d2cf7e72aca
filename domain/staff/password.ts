import { hash, verify } from '@node-rs/argon2';

/** Argon2id with the library's defaults (19 MiB, 2 passes), the OWASP baseline. */
export function hashPassword(plain: string): Promise<string> {
  return hash(plain);
}

export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}

/** The demo accounts the seed creates, one per role; printed by `npm run demo`. */
export const DEMO_PASSWORD = 'Demo#2026';
export const DEMO_STAFF = [
  { email: 'admin@example.com', name: '管理员 Admin', role: 'admin' },
  { email: 'ops@example.com', name: '运营 Ops', role: 'operations' },
  { email: 'warehouse@example.com', name: '仓库 Warehouse', role: 'warehouse' },
  { email: 'finance@example.com', name: '财务 Finance', role: 'finance' },
  { email: 'viewer@example.com', name: '访客 Viewer', role: 'viewer' },
] as const;
