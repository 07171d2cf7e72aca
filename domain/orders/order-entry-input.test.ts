import { describe, expect, it } from 'vitest';
import { ZOrderEntryForm, ZYuanAmount } from './order-entry-input';

const V = 'orders.entry.validation';

function errorsOf(input: unknown): Record<string, string[]> {
  const parsed = ZOrderEntryForm.safeParse(input);
  if (parsed.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
}

const valid = {
  customer: { kind: 'new', name: '林小雨', phone: '138 0013 8000' },
  shipTo: {
    name: '林小雨',
    phone: '13800138000',
    province: '浙江省',
    city: '杭州市',
    district: '',
    street: '文三路 90 号',
    postalCode: '',
  },
  lines: [{ skuId: 1, quantity: 2 }],
  discount: '5.5',
  shipping: '',
  isCashOnDelivery: false,
  buyerNote: '',
};

describe('the new-order form input', () => {
  it("turns typed yuan into fen and a quick-created customer into createOrder's shape", () => {
    const parsed = ZOrderEntryForm.parse(valid);
    expect(parsed.discount).toBe(550);
    expect(parsed.shipping).toBe(0);
    expect(parsed.customer).toEqual({ name: '林小雨', phone: '13800138000' });
    expect(parsed.shipTo.district).toBeNull();
    expect(parsed.buyerNote).toBeNull();
    expect(ZOrderEntryForm.parse({ ...valid, customer: { kind: 'existing', id: 42 } }).customer).toEqual({ id: 42 });
  });

  it('reports every field of an empty form at once', () => {
    const errors = errorsOf({
      customer: { kind: 'existing' },
      shipTo: { name: '', phone: '', province: '', city: '', district: '', street: '', postalCode: '' },
      lines: [],
      discount: '',
      shipping: '',
      isCashOnDelivery: false,
      buyerNote: '',
    });
    expect(Object.keys(errors).sort()).toEqual([
      'customer.id',
      'lines',
      'shipTo.city',
      'shipTo.name',
      'shipTo.phone',
      'shipTo.province',
      'shipTo.street',
    ]);
    expect(errors['customer.id']).toEqual([`${V}.customerRequired`]);
    expect(errors.lines).toEqual([`${V}.linesRequired`]);
  });

  it('asks a quick-created customer for name and mobile number', () => {
    const errors = errorsOf({ ...valid, customer: { kind: 'new', name: '', phone: '' } });
    expect(errors['customer.name']).toEqual([`${V}.customerNameRequired`]);
    expect(errors['customer.phone']).toEqual([`${V}.phoneRequired`]);
  });

  it('refuses amounts with fractions of a fen and quantities that are not whole numbers', () => {
    const errors = errorsOf({
      ...valid,
      discount: '1.005',
      shipping: 'abc',
      lines: [
        { skuId: 1, quantity: Number.NaN },
        { skuId: 2, quantity: 0 },
      ],
    });
    expect(errors.discount).toEqual([`${V}.amountTooPrecise`]);
    expect(errors.shipping).toEqual([`${V}.amountInvalid`]);
    expect(errors['lines.0.quantity']).toEqual([`${V}.quantityInvalid`]);
    expect(errors['lines.1.quantity']).toEqual([`${V}.quantityTooSmall`]);
  });

  it('caps typed amounts well inside the database integers', () => {
    expect(ZYuanAmount.safeParse('10000000').success).toBe(true);
    expect(ZYuanAmount.safeParse('10000000.01').error?.issues[0].message).toBe(`${V}.moneyTooLarge`);
  });
});
