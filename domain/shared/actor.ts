/**
 * Who did something, as the order timeline, the stock ledger and the audit log record it: a staff
 * member, the system (timers, sweeps), an API key or an integration (a marketplace, a provider).
 */
export interface Actor {
  type: 'staff' | 'system' | 'api_key' | 'integration';
  /** staff id or API key id; null for the system and for integrations without a row */
  id: number | null;
  /** the display name at the time, kept on timeline rows so renamed staff still read true */
  name: string;
}

/** The actor of automatic transitions and sweeps. */
export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'system' };

/** The actor for a signed-in staff member (structurally a lib/auth CurrentStaff; domain/ does not import lib/). */
export function staffActor(staff: { id: number; name: string }): Actor {
  return { type: 'staff', id: staff.id, name: staff.name };
}
