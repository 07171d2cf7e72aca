import { after, NextResponse } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { splitBody } from '@/domain/import/split-body';
import { runPendingImports } from '@/domain/import/run-pending-imports';
import { uploadImport } from '@/domain/import/upload-import';
import { staffActor } from '@/domain/shared/actor';
import { can } from '@/domain/staff/permissions';
import { getCurrentStaff } from '@/lib/auth/current-staff';
import { clientIpFromHeaders } from '@/lib/auth/client-ip';

/**
 * The import page's upload: the order file as the raw request body, streamed into the database
 * (never a 200 MB form in memory); a Taobao item file follows it in the same body, split off at
 * x-order-file-bytes. Names come in x-file-name / x-item-file-name (URI-encoded). The dry run
 * starts as soon as the answer is sent.
 */
export async function POST(request: Request) {
  const [staff, t] = await Promise.all([getCurrentStaff(), getTranslations('import')]);
  const tCommon = await getTranslations('common');
  if (!staff) return NextResponse.json({ code: 'unauthenticated', message: tCommon('signedOut') }, { status: 401 });
  if (!can(staff, 'orders.import'))
    return NextResponse.json({ code: 'forbidden', message: tCommon('forbidden') }, { status: 403 });
  const header = (name: string) => {
    const value = request.headers.get(name);
    try {
      return value === null ? undefined : decodeURIComponent(value);
    } catch {
      return value;
    }
  };
  const itemFileName = header('x-item-file-name');
  const orderBytes = Number(request.headers.get('x-order-file-bytes') ?? NaN);
  if (!request.body || (itemFileName !== undefined && !(Number.isSafeInteger(orderBytes) && orderBytes > 0)))
    return NextResponse.json({ code: 'invalid', message: t('upload.chooseFile') }, { status: 400 });
  const parts = itemFileName !== undefined ? splitBody(request.body, orderBytes) : null;
  const db = getDb();
  const result = await uploadImport(db, {
    fileName: header('x-file-name'),
    itemFileName,
    body: parts ? parts.first : request.body,
    itemBody: parts?.rest,
    actor: staffActor(staff),
    ip: clientIpFromHeaders(request.headers),
  });
  if (!result.ok) {
    const key = result.code === 'invalid' ? Object.values(result.fieldErrors ?? {})[0]?.[0] : `errors.${result.code}`;
    const message =
      key && t.has(key.replace(/^import\./, '')) ? t(key.replace(/^import\./, ''), result.params) : result.message;
    return NextResponse.json(
      { code: result.code, message, ...(result.params ? { params: result.params } : {}) },
      { status: result.code === 'too_large' ? 413 : result.code === 'duplicate_running' ? 409 : 422 },
    );
  }
  after(() => runPendingImports(db));
  return NextResponse.json({ batchId: result.data.batchId }, { status: 201 });
}
