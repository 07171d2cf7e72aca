import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_CLIENT_MESSAGES } from './client-messages';
import { LOCALES } from './locales';
import { loadMessages } from './messages';
import { pickMessages } from './pick-messages';

const messages = {
  common: { save: 'Save', table: { empty: 'Nothing here' } },
  orders: { list: { title: 'Orders', columns: { total: 'Total' } }, entry: { title: 'New order' } },
  nav: { orders: 'Orders' },
};

describe('pickMessages', () => {
  it('keeps only the named subtrees, at their own paths', () => {
    expect(pickMessages(messages, ['common.table', 'orders.list.columns'])).toEqual({
      common: { table: { empty: 'Nothing here' } },
      orders: { list: { columns: { total: 'Total' } } },
    });
  });

  it('merges overlapping paths and skips missing ones', () => {
    expect(pickMessages(messages, ['orders.list.columns', 'orders.list', 'orders.nope', 'nope.at.all'])).toEqual({
      orders: { list: { title: 'Orders', columns: { total: 'Total' } } },
    });
    expect(pickMessages(messages, ['orders.entry.title', 'nav'])).toEqual({
      orders: { entry: { title: 'New order' } },
      nav: { orders: 'Orders' },
    });
  });

  it('does not change the messages it picks from', () => {
    const before = JSON.stringify(messages);
    const picked = pickMessages(messages, ['orders.list', 'orders.entry']);
    (picked.orders as Record<string, unknown>).extra = 1;
    expect(JSON.stringify(messages)).toBe(before);
  });

  it('shares no object with the messages, so two providers never point into each other', () => {
    const picked = pickMessages(messages, ['common', 'orders.list']);
    expect(picked.common).toEqual(messages.common);
    expect(picked.common).not.toBe(messages.common);
    expect((picked.common as typeof messages.common).table).not.toBe(messages.common.table);
    expect((picked.orders as typeof messages.orders).list).not.toBe(messages.orders.list);
  });
});

/** Every `<ClientMessages namespaces={[...]}>` in app/ (layouts and pages), with its file. */
function namespacesInApp(dir = 'app'): [string, string][] {
  const found: [string, string][] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...namespacesInApp(path));
    else if (path.endsWith('.tsx'))
      for (const match of readFileSync(path, 'utf8').matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g))
        for (const name of match[1].matchAll(/'([^']+)'/g)) found.push([path, name[1]]);
  }
  return found;
}

describe('the namespaces handed to client components exist in both languages', () => {
  const paths = [...SHARED_CLIENT_MESSAGES.map((p) => ['shared', p] as [string, string]), ...namespacesInApp()];

  it('finds the layouts and pages that name them (the scan itself works)', () => {
    expect(paths.map(([file]) => file)).toEqual(expect.arrayContaining([join('app', '(admin)', 'page.tsx')]));
  });

  it.each(LOCALES)('%s', async (locale) => {
    const all = await loadMessages(locale);
    const missing = paths.filter(([, path]) => Object.keys(pickMessages(all, [path])).length === 0);
    expect(missing).toEqual([]);
  });
});
