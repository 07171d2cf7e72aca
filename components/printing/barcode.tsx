import { code128Svg } from '@/lib/barcodes/code128';

/** A Code 128 barcode drawn inline as SVG; its box (CSS) sets the printed size. */
export function Barcode({ value, label }: { value: string; label: string }) {
  // bwip-js draws bars as paths from the encoded value; no text of ours reaches the markup
  return (
    <div
      className="barcode"
      role="img"
      aria-label={label}
      data-barcode={value}
      dangerouslySetInnerHTML={{ __html: code128Svg(value) }}
    />
  );
}
