'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { RowsTable } from '@/components/data-table/rows-table';
import { Badge } from '@/components/ui/badge';
import { endOwnSessionAction } from './actions';
import { secondaryButton } from './form-bits';

export interface SessionRow {
  id: string;
  isCurrent: boolean;
  ip: string | null;
  device: string;
  lastSeen: string;
  signedIn: string;
}

/** A person's open sessions; each one but this browser's can be ended (this one: Sign out). */
export function SessionsList({ sessions }: { sessions: SessionRow[] }) {
  const t = useTranslations('staff.account.sessions');
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const end = (id: string) =>
    startTransition(async () => {
      const result = await endOwnSessionAction({ sessionId: id });
      setError(result.ok ? null : result.message);
    });

  return (
    <div className="space-y-3">
      {error ? (
        <p
          data-testid="end-session-error"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700"
        >
          {error}
        </p>
      ) : null}
      <RowsTable
        id="sessions-table"
        columns={[
          { id: 'device', header: t('device'), sticky: true, className: 'text-slate-900' },
          { id: 'address', header: t('address'), className: 'whitespace-nowrap tabular-nums' },
          { id: 'lastSeen', header: t('lastSeen'), className: 'whitespace-nowrap tabular-nums' },
          { id: 'signedIn', header: t('signedIn'), className: 'whitespace-nowrap tabular-nums' },
          { id: 'actions', header: t('actions'), isHeaderHidden: true, align: 'right' },
        ]}
        rows={sessions.map((session) => ({
          id: session.id,
          attributes: { 'data-testid': session.isCurrent ? 'session-current' : 'session-other' },
          cells: {
            device: (
              <>
                {session.device}
                {session.isCurrent ? (
                  <Badge tone="info" className="ml-2">
                    {t('current')}
                  </Badge>
                ) : null}
              </>
            ),
            address: session.ip ?? '—',
            lastSeen: session.lastSeen,
            signedIn: session.signedIn,
            actions: session.isCurrent ? null : (
              <button type="button" disabled={isPending} onClick={() => end(session.id)} className={secondaryButton}>
                {t('end')}
              </button>
            ),
          },
        }))}
      />
    </div>
  );
}
