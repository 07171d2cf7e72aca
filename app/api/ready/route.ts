import { getDb } from '@/db/client';
import { checkDatabaseReady } from '@/db/readiness';
import { getLogger } from '@/lib/log/logger';

// Readiness for load balancers: the database answers and every migration is applied.
// The reason stays in the server log; the answer reveals nothing but the verdict.
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const readiness = await checkDatabaseReady(getDb());
  if (readiness.ready) return Response.json({ status: 'ready' }, { headers: { 'Cache-Control': 'no-store' } });
  getLogger().error({ route: 'GET /api/ready', reason: readiness.reason }, 'readiness check failed');
  return Response.json({ status: 'unavailable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
}
