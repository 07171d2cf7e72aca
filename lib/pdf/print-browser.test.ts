import { afterAll, describe, expect, it } from 'vitest';
import { closePrintBrowser, getPrintBrowser, htmlToPdf } from './print-browser';

afterAll(() => closePrintBrowser());

/** The [width, height] in points of every page of a PDF. */
function mediaBoxes(pdf: Buffer): number[][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
}

const doc = (
  pageCss: string,
  pages: number,
) => `<!DOCTYPE html><html><head><style>${pageCss} .p { break-before: page; }</style></head>
<body>${Array.from({ length: pages }, (_, i) => `<div class="p">第 ${i + 1} 页</div>`).join('')}</body></html>`;

describe('PDF printing in the shared headless Chromium', () => {
  it('takes the page size from the CSS: 100 x 150 mm labels and A4 sheets', async () => {
    const labels = await htmlToPdf(doc('@page { size: 100mm 150mm; margin: 0 }', 3));
    expect(labels.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // 100 mm = 283.5 pt, 150 mm = 425.2 pt
    expect(mediaBoxes(labels)).toEqual([
      [283, 425],
      [283, 425],
      [283, 425],
    ]);
    const a4 = await htmlToPdf(doc('@page { size: A4; margin: 12mm }', 2));
    expect(mediaBoxes(a4)).toEqual([
      [595, 842],
      [595, 842],
    ]);
  });

  it('reuses one browser for every PDF', async () => {
    const first = await getPrintBrowser();
    await htmlToPdf(doc('@page { size: A4 }', 1));
    expect(await getPrintBrowser()).toBe(first);
    expect(first.isConnected()).toBe(true);
  });
});
