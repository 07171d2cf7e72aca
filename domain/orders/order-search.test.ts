import { describe, expect, it } from 'vitest';
import { isOrderNumberSearch, normalizePhoneQuery } from './order-search';

describe('isOrderNumberSearch', () => {
  it('takes SO followed by digits as an order number prefix', () => {
    expect(isOrderNumberSearch('SO2611260001')).toBe(true);
    expect(isOrderNumberSearch('so261126')).toBe(true);
  });

  it('leaves names that start with "So" to the name search', () => {
    expect(isOrderNumberSearch('Sophie')).toBe(false);
    expect(isOrderNumberSearch('Sorter12')).toBe(false);
    expect(isOrderNumberSearch('SO')).toBe(false);
  });
});

describe('normalizePhoneQuery', () => {
  it('strips spaces, dashes and the +86 prefix from mobile numbers', () => {
    expect(normalizePhoneQuery('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizePhoneQuery('张伟')).toBe('张伟');
  });
});
