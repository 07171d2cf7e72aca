import bwipjs from 'bwip-js/node';

/**
 * Code 128 barcodes for order and tracking numbers, drawn by bwip-js. Scanners need a quiet zone
 * of at least ten module widths on each side and dark bars on a light ground, so every barcode
 * carries its own white margin rather than trusting the page around it.
 */
const QUIET_ZONE_MODULES = 10;

function options(text: string, heightMm: number) {
  return {
    bcid: 'code128',
    text,
    height: heightMm,
    includetext: false,
    paddingwidth: QUIET_ZONE_MODULES,
    paddingheight: 1,
    backgroundcolor: 'FFFFFF',
    barcolor: '000000',
  };
}

/** A Code 128 barcode as an SVG document to place inline in a print page (scales to its box). */
export function code128Svg(text: string, heightMm = 12): string {
  // a fixed aspect would squash bars when the box is narrower than the code: keep the ratio
  return bwipjs.toSVG(options(text, heightMm)).replace('<svg ', '<svg preserveAspectRatio="xMidYMid meet" ');
}

/** The same barcode as a PNG at `scale` pixels per module (bwip-js's raster output). */
export function code128Png(text: string, heightMm = 12, scale = 3): Promise<Buffer> {
  return bwipjs.toBuffer({ ...options(text, heightMm), scale });
}
