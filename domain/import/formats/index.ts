import { headerKey, type ImportFormat } from './format';
import { pinduoduoFormat } from './pinduoduo';
import { shopifyFormat } from './shopify';
import { taobaoFormat } from './taobao';
import { templateFormat } from './template';

export const IMPORT_FORMATS: readonly ImportFormat[] = [templateFormat, shopifyFormat, taobaoFormat, pinduoduoFormat];

/** The format whose signature headers all appear in this header row; null goes to column mapping. */
export function recogniseFormat(headers: readonly string[]): ImportFormat | null {
  const present = new Set(headers.map(headerKey));
  return IMPORT_FORMATS.find((f) => f.signature.every((h) => present.has(headerKey(h)))) ?? null;
}
