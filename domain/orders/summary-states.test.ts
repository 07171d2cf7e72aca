import { describe, expect, it } from 'vitest';
import { deriveFulfillmentState, derivePaymentState } from './summary-states';

describe('derivePaymentState', () => {
  const base = { status: 'paid' as const, isCashOnDelivery: false, paidCents: 0, refundedCents: 0 };

  it('is unpaid before any money arrived', () => {
    expect(derivePaymentState({ ...base, status: 'pending_payment' })).toBe('unpaid');
  });

  it('is paid, partially refunded, refunded as money comes back', () => {
    expect(derivePaymentState({ ...base, paidCents: 10000 })).toBe('paid');
    expect(derivePaymentState({ ...base, paidCents: 10000, refundedCents: 2500 })).toBe('partially_refunded');
    expect(derivePaymentState({ ...base, paidCents: 10000, refundedCents: 10000 })).toBe('refunded');
  });

  it('is cod_due for cash on delivery until the courier collects', () => {
    expect(derivePaymentState({ ...base, status: 'shipped', isCashOnDelivery: true })).toBe('cod_due');
    expect(derivePaymentState({ ...base, status: 'completed', isCashOnDelivery: true, paidCents: 5000 })).toBe('paid');
    expect(derivePaymentState({ ...base, status: 'cancelled', isCashOnDelivery: true })).toBe('unpaid');
  });
});

describe('deriveFulfillmentState', () => {
  const base = { orderedQuantity: 3, shippedQuantity: 0, shipmentCount: 0, deliveredShipmentCount: 0 };

  it('follows shipped units against ordered units', () => {
    expect(deriveFulfillmentState(base)).toBe('unfulfilled');
    expect(deriveFulfillmentState({ ...base, shippedQuantity: 2, shipmentCount: 1 })).toBe('partial');
    expect(deriveFulfillmentState({ ...base, shippedQuantity: 3, shipmentCount: 2, deliveredShipmentCount: 1 })).toBe(
      'fulfilled',
    );
    expect(deriveFulfillmentState({ ...base, shippedQuantity: 3, shipmentCount: 2, deliveredShipmentCount: 2 })).toBe(
      'delivered',
    );
  });

  it('is partial, not delivered, while units are still to ship even if a parcel arrived', () => {
    expect(deriveFulfillmentState({ ...base, shippedQuantity: 1, shipmentCount: 1, deliveredShipmentCount: 1 })).toBe(
      'partial',
    );
  });
});
