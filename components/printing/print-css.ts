/**
 * The print documents' own stylesheet, plain CSS rather than Tailwind so the PDF (rendered from the
 * same components outside the app's stylesheet) looks exactly like the page the browser prints.
 * Sizes are in millimetres: they are sheets of paper.
 */
const BASE = `
.print-doc, .print-doc * { box-sizing: border-box; }
.print-doc {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans", system-ui, sans-serif;
  color: #000; font-size: 10pt; line-height: 1.35; -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.print-doc h1 { font-size: 16pt; margin: 0; }
.print-doc h2 { font-size: 12pt; margin: 0; }
.print-doc table { width: 100%; border-collapse: collapse; }
.print-doc th, .print-doc td { border: 0.3mm solid #444; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
.print-doc th { background: #eee; font-weight: 600; }
.print-doc .num { text-align: right; font-variant-numeric: tabular-nums; }
.print-doc .mono { font-family: "DejaVu Sans Mono", "Menlo", "Consolas", monospace; }
.print-doc .muted { color: #444; }
.print-doc .barcode svg { display: block; width: 100%; height: 100%; }
.print-doc .sheet { background: #fff; }
@media screen {
  body { background: #e5e7eb !important; }
  .print-doc { padding: 16px 0 32px; }
  .print-doc .sheet { margin: 0 auto 16px; box-shadow: 0 1px 4px rgba(0,0,0,.25); }
}
@media print {
  html, body { background: #fff !important; }
  .print-toolbar { display: none !important; }
}
`;

const A4_DOCUMENT = `
@page { size: A4; margin: 12mm; }
@media screen { .print-doc .sheet { width: 210mm; min-height: 297mm; padding: 12mm; } }
`;

const PICK_LIST = `
.pick-header { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 0.6mm solid #000; padding-bottom: 2mm; margin-bottom: 4mm; }
.pick-warehouse { margin-bottom: 6mm; }
.pick-warehouse h2 { margin-bottom: 2mm; }
.pick-warehouse tr { break-inside: avoid; }
.pick-warehouse thead { display: table-header-group; }
.pick-location { font-weight: 700; white-space: nowrap; }
.pick-qty { font-size: 13pt; font-weight: 700; }
.pick-orders { font-size: 8.5pt; }
.pick-orders span { display: inline-block; margin-right: 2.5mm; }
.pick-check { width: 8mm; }
`;

const PACKING_SLIPS = `
.slip { break-before: page; page-break-before: always; }
.slip-header { display: flex; justify-content: space-between; align-items: flex-start; gap: 6mm; border-bottom: 0.6mm solid #000; padding-bottom: 3mm; margin-bottom: 4mm; }
.slip-barcode { width: 70mm; text-align: center; }
.slip-barcode .barcode { height: 14mm; }
.slip-parties { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; margin-bottom: 4mm; }
.slip-parties dt { font-weight: 600; margin-bottom: 1mm; }
.slip-parties dd { margin: 0; }
.slip-note { border: 0.3mm dashed #444; padding: 2mm 3mm; margin-bottom: 4mm; }
.slip-items tfoot td { font-weight: 700; }
.slip-sign { display: flex; gap: 20mm; margin-top: 10mm; }
`;

const LABEL = `
.label { width: 100mm; height: 150mm; padding: 3mm; overflow: hidden; display: flex; flex-direction: column; font-size: 9pt; border: 0.3mm solid #000; }
.label-row { border-bottom: 0.4mm solid #000; padding: 1.5mm 0; }
.label-head { display: flex; justify-content: space-between; align-items: center; }
.label-carrier { font-size: 18pt; font-weight: 800; letter-spacing: 0.5mm; }
.label-carrier.is-blank { font-size: 11pt; font-weight: 400; }
.label-tracking .barcode { height: 20mm; }
.label-sorting { display: flex; justify-content: space-between; align-items: baseline; gap: 2mm; }
.label-sorting-code { font-size: 20pt; font-weight: 900; }
.label-package-center { font-size: 9pt; }
.label-extras { display: flex; justify-content: space-between; align-items: center; gap: 2mm; }
.label-parcel { font-size: 13pt; font-weight: 800; border: 0.4mm solid #000; padding: 0 1.5mm; }
.label-cod { font-size: 12pt; font-weight: 800; border: 0.8mm double #000; padding: 0 1.5mm; }
.label-tracking-number { text-align: center; font-size: 13pt; font-weight: 700; letter-spacing: 0.8mm; }
.label-blank { border: 0.4mm dashed #000; height: 20mm; display: flex; align-items: flex-end; padding: 1mm 2mm; font-size: 9pt; }
.label-party { display: flex; gap: 2mm; }
.label-badge { flex: none; min-width: 7mm; height: 7mm; padding: 0 1mm; border: 0.5mm solid #000; border-radius: 3.5mm; display: flex; align-items: center; justify-content: center; font-weight: 800; font-size: 11pt; }
.label-party-text { min-width: 0; }
.label-recipient { padding: 3mm 0; }
.label-recipient .label-person { font-size: 14pt; font-weight: 700; }
.label-recipient .label-address { font-size: 14pt; font-weight: 600; line-height: 1.35; }
.label-sender { font-size: 8.5pt; }
.label-sign { margin-top: auto; padding: 2mm 0; font-size: 8.5pt; display: flex; gap: 8mm; border-bottom: 0.4mm solid #000; }
.label-foot { display: flex; gap: 3mm; align-items: flex-end; padding-top: 1.5mm; }
.label-foot .label-order { flex: 1; min-width: 0; }
.label-foot .barcode { height: 11mm; }
.label-foot .label-order-number { text-align: center; font-size: 8pt; }
.label-foot-meta { font-size: 8pt; text-align: right; white-space: nowrap; }
`;

const THERMAL_LABELS = `
@page { size: 100mm 150mm; margin: 0; }
.label { break-before: page; page-break-before: always; border: none; }
@media screen { .print-doc .label { margin: 0 auto 16px; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.25); } }
`;

const A4_LABELS = `
@page { size: A4; margin: 8mm; }
.label-sheet { width: 194mm; height: 281mm; display: grid; grid-template-columns: repeat(2, 97mm); grid-template-rows: repeat(2, 140.5mm); break-before: page; page-break-before: always; }
.label-sheet .label { width: 97mm; height: 140.5mm; border: 0.3mm dashed #666; }
@media screen { .print-doc .label-sheet { margin: 0 auto 16px; padding: 8mm; width: 210mm; height: 297mm; box-sizing: border-box; } }
`;

export type PrintDocumentKind = 'pick-list' | 'packing-slips' | 'labels-thermal' | 'labels-a4';

/** The stylesheet of one kind of document, with its page size. */
export function printCss(kind: PrintDocumentKind): string {
  switch (kind) {
    case 'pick-list':
      return BASE + A4_DOCUMENT + PICK_LIST;
    case 'packing-slips':
      return BASE + A4_DOCUMENT + PACKING_SLIPS;
    case 'labels-thermal':
      return BASE + LABEL + THERMAL_LABELS;
    case 'labels-a4':
      return BASE + LABEL + A4_LABELS;
  }
}
