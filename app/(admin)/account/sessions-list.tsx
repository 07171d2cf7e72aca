'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
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
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="sessions-table">
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2">
                {t('device')}
              </th>
              <th scope="col" className="px-4 py-2">
                {t('address')}
              </th>
              <th scope="col" className="px-4 py-2">
                {t('lastSeen')}
              </th>
              <th scope="col" className="px-4 py-2">
                {t('signedIn')}
              </th>
              <th scope="col" className="px-4 py-2 text-right">
                <span className="sr-only">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sessions.map((session) => (
              <tr key={session.id} data-testid={session.isCurrent ? 'session-current' : 'session-other'}>
                <td className="px-4 py-2 text-slate-900">
                  {session.device}
                  {session.isCurrent ? (
                    <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-700">
                      {t('current')}
                    </span>
                  ) : null}
                </td>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">{session.ip ?? '—'}</td>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">{session.lastSeen}</td>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">{session.signedIn}</td>
                <td className="px-4 py-2 text-right">
                  {session.isCurrent ? null : (
                    <button
                      type="button"
                      disabled={isPending}
                      onClick={() => end(session.id)}
                      className={secondaryButton}
                    >
                      {t('end')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
