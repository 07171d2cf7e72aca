import type { Faker } from '@faker-js/faker';
import type { ShipTo } from '@/testing/fixtures/order-plan';
import { randomChineseName, randomMobile, randomShipTo } from '@/testing/fixtures/people';

export interface CustomerSeed {
  name: string;
  phone: string;
  email: string | null;
  isFlagged: boolean;
  note: string | null;
  addresses: ShipTo[];
  /** how many orders they tend to place compared with others */
  loyalty: number;
}

const EMAIL_DOMAINS = ['qq.com', '163.com', '126.com', 'foxmail.com', 'sina.com', 'outlook.com'];
const FLAG_NOTES = ['多次拒收到付订单', '疑似职业差评师，需人工审核', '地址频繁变更'];

export function planCustomers(rng: Faker, count: number): CustomerSeed[] {
  const customers: CustomerSeed[] = [];
  for (let i = 0; i < count; i++) {
    const name = randomChineseName(rng);
    const phone = randomMobile(rng);
    const home = randomShipTo(rng, name, phone);
    const addresses = [home];
    // some ship to the office or to family as well
    if (rng.number.int({ min: 1, max: 100 }) <= 15) {
      const other = randomShipTo(
        rng,
        rng.number.int({ min: 0, max: 1 }) ? name : randomChineseName(rng),
        rng.number.int({ min: 0, max: 1 }) ? phone : randomMobile(rng),
      );
      addresses.push(other);
    }
    const isFlagged = rng.number.int({ min: 1, max: 100 }) === 1;
    customers.push({
      name,
      phone,
      email:
        rng.number.int({ min: 1, max: 100 }) <= 30
          ? `${phone.slice(3)}@${rng.helpers.arrayElement(EMAIL_DOMAINS)}`
          : null,
      isFlagged,
      note: isFlagged ? rng.helpers.arrayElement(FLAG_NOTES) : null,
      addresses,
      loyalty: rng.number.int({ min: 1, max: 100 }) <= 15 ? 6 : 1,
    });
  }
  return customers;
}
