import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { CARRIERS } from '@/domain/logistics/carriers';
import { code128Png, code128Svg } from './code128';

// the decoder's wasm comes from node_modules, not from a CDN: these tests run offline
beforeAll(async () => {
  const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const wasm = readFileSync(wasmPath);
  await prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
    fireImmediately: true,
  });
});

async function decode(png: Buffer) {
  const results = await readBarcodes(new Uint8Array(png), { formats: ['Code128'], tryHarder: false });
  return results.map((r) => ({ format: r.format, text: r.text, isValid: r.isValid }));
}

describe('Code 128 barcodes', () => {
  // one tracking number of every carrier in the registry, in its own shape (SF..., JDVA..., 78..., DPK...)
  const trackingNumbers = CARRIERS.map(
    (carrier, i) => [carrier.code, carrier.sampleNumber(90_000 + i * 7_919)] as const,
  );

  it.each(trackingNumbers)('a %s tracking number scans back to itself', async (_code, number) => {
    expect(await decode(await code128Png(number))).toEqual([{ format: 'Code128', text: number, isValid: true }]);
  });

  it('an order number scans back to itself, at the label size too', async () => {
    expect(await decode(await code128Png('SO26112600123', 10, 2))).toEqual([
      { format: 'Code128', text: 'SO26112600123', isValid: true },
    ]);
  });

  it('draws the SVG for the print page with a white quiet zone', () => {
    const svg = code128Svg('YT0000000000001');
    expect(svg.startsWith('<svg preserveAspectRatio="xMidYMid meet" viewBox=')).toBe(true);
    expect(svg).toContain('fill="#FFFFFF"');
    expect(svg).not.toContain('<text');
  });
});
