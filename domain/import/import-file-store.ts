import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { importFileChunks } from '@/db/schema/system';
import type { ImportSource } from './read-import-file';

export const CHUNK_BYTES = 1024 * 1024;

export type StoreOutcome = { ok: true; bytes: number; sha256: string } | { ok: false; code: 'too_large' | 'empty' };

/**
 * Writes an upload into import_file_chunks as it arrives (1 MB rows), never holding the file in
 * memory; stops reading at `maxBytes`. The caller deletes the batch when the answer is not ok.
 */
export async function storeImportFile(
  db: Database,
  target: { batchId: number; fileNo: number },
  body: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<StoreOutcome> {
  const hash = createHash('sha256');
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let total = 0;
  let seq = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const bytes = Buffer.concat(pending);
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
      await db.insert(importFileChunks).values({ ...target, seq: seq++, bytes: bytes.subarray(at, at + CHUNK_BYTES) });
    }
    pending = [];
    pendingBytes = 0;
  };
  for await (const piece of body) {
    total += piece.byteLength;
    if (total > maxBytes) return { ok: false, code: 'too_large' };
    hash.update(piece);
    pending.push(Buffer.from(piece));
    pendingBytes += piece.byteLength;
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  await flush();
  if (total === 0) return { ok: false, code: 'empty' };
  return { ok: true, bytes: total, sha256: hash.digest('hex') };
}

/** A stored upload as an ImportSource: read back chunk by chunk, in order. */
export function chunkSource(db: Database, target: { batchId: number; fileNo: number }): ImportSource {
  const where = (after: number) =>
    and(
      eq(importFileChunks.batchId, target.batchId),
      eq(importFileChunks.fileNo, target.fileNo),
      gt(importFileChunks.seq, after),
    );
  const readAfter = async (after: number) =>
    (
      await db
        .select({ seq: importFileChunks.seq, bytes: importFileChunks.bytes })
        .from(importFileChunks)
        .where(where(after))
        .orderBy(asc(importFileChunks.seq))
        .limit(1)
    )[0];
  return {
    async head(bytes) {
      const first = await readAfter(-1);
      return first ? Buffer.from(first.bytes).subarray(0, bytes) : Buffer.alloc(0);
    },
    stream() {
      return Readable.from(
        (async function* () {
          for (let chunk = await readAfter(-1); chunk; chunk = await readAfter(chunk.seq))
            yield Buffer.from(chunk.bytes);
        })(),
      );
    },
  };
}
