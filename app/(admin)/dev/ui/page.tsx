import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { RowCountLabel } from '@/components/data-table/row-count-label';
import { KeysetPagination } from '@/components/data-table/keyset-pagination';
import { PageHeader } from '@/components/layout/page-header';
import { Badge, STATUS_TONES, StatusBadge, type StatusKind, type StatusOf } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { KeyValueList } from '@/components/ui/key-value-list';
import { SectionCard } from '@/components/ui/section-card';
import { Timeline } from '@/components/ui/timeline';
import { requireStaff } from '@/lib/auth/current-staff';
import { ShowcaseInteractive, ShowcaseTables } from './showcase-client';

/**
 * Every shared UI piece on one page, for whoever builds the next screen (development only: a
 * production build answers 404). The sample values are made up and never leave this page.
 */
export default async function UiShowcasePage() {
  if (process.env.NODE_ENV === 'production') notFound();
  await requireStaff();
  const locale = await getLocale();
  const kinds = Object.keys(STATUS_TONES) as StatusKind[];

  return (
    <div>
      <PageHeader
        title="UI pieces"
        description="components/ui and components/data-table"
        actions={
          <ButtonLink href="/orders" variant="secondary">
            Orders
          </ButtonLink>
        }
      />
      <div className="space-y-4 px-4 py-4 sm:px-6 sm:py-5">
        <SectionCard title="Buttons" description="one primary colour; secondary, danger, ghost and link">
          <div className="flex flex-wrap items-center gap-2">
            <Button>Primary</Button>
            <Button variant="secondary">Secondary</Button>
            <Button variant="danger">Danger</Button>
            <Button variant="ghost">Ghost</Button>
            <Button variant="link">Link</Button>
            <Button size="sm">Small</Button>
            <Button disabled>Disabled</Button>
          </div>
        </SectionCard>
        <SectionCard title="Status badges" description="one colour map (STATUS_TONES) for every aggregate">
          <div className="space-y-2">
            {kinds.map((kind) => (
              <div key={kind} className="flex flex-wrap items-center gap-1.5">
                <span className="w-32 text-xs text-slate-500">{kind}</span>
                {(Object.keys(STATUS_TONES[kind]) as StatusOf<typeof kind>[]).map((status) => (
                  <StatusBadge key={status} kind={kind} status={status} />
                ))}
              </div>
            ))}
            <div className="flex gap-1.5">
              <Badge>neutral</Badge>
              <Badge tone="attention">attention</Badge>
              <Badge tone="danger">danger</Badge>
            </div>
          </div>
        </SectionCard>
        <div className="grid gap-4 lg:grid-cols-2">
          <SectionCard title="Key-value list">
            <KeyValueList
              columns={2}
              items={[
                { key: 'a', label: 'Order', value: 'SO261207000001' },
                { key: 'b', label: 'Placed', value: '2026-12-07 10:00' },
                { key: 'c', label: 'Customer', value: '张三 138****5678' },
                { key: 'd', label: 'Total', value: '¥1,280.00' },
              ]}
            />
          </SectionCard>
          <SectionCard title="Timeline">
            <Timeline
              items={[
                { key: 3, title: 'Delivered', meta: '12-07 14:02 · Chengdu' },
                { key: 2, title: 'In transit', meta: '12-06 20:15 · Wuhan' },
                { key: 1, title: 'Picked up', meta: '12-06 09:40 · Shanghai' },
              ]}
            />
          </SectionCard>
        </div>
        <ShowcaseInteractive />
        <SectionCard
          title="Data table"
          description="sorting, selection with bulk actions, columns, density, states"
          flush
        >
          <ShowcaseTables locale={locale} />
          <KeysetPagination links={{ first: '/dev/ui', prev: null, next: '/dev/ui?cursor=x' }} />
        </SectionCard>
        <SectionCard title="Counts">
          <div className="flex flex-wrap gap-4 text-sm">
            <RowCountLabel count={{ kind: 'exact', value: 1234 }} noun="orders" />
            <RowCountLabel count={{ kind: 'about', value: 1_200_000 }} noun="orders" />
            <RowCountLabel count={{ kind: 'atLeast', value: 10_000 }} noun="orders" />
          </div>
        </SectionCard>
      </div>
    </div>
  );
}
