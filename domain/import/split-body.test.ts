import { describe, expect, it } from 'vitest';
import { splitBody } from './split-body';

async function* pieces(...parts: string[]) {
  for (const part of parts) yield new TextEncoder().encode(part);
}
async function text(stream: AsyncIterable<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks).toString();
}

describe('splitBody', () => {
  it('splits two files sent back to back, inside a piece or on its edge', async () => {
    for (const parts of [
      ['order-file', 'items'],
      ['order-fileit', 'ems'],
      ['ord', 'er-', 'file', 'items'],
    ]) {
      const { first, rest } = splitBody(pieces(...parts), 'order-file'.length);
      expect(await text(first)).toBe('order-file');
      expect(await text(rest)).toBe('items');
    }
  });
});
