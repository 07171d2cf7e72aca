import { Batcher } from 'promise-batcher';
import { transaction, type Database } from '@/db/client';
import { commitTimeShortage } from '@/domain/inventory/reserve-at-commit';
import { certainlyRolledBack } from '@/domain/shared/database-errors';
import { placeOrders, type PlacementOutcome, type PlacementRequest } from './place-orders';
import { shortOfStock } from './price-order';

/**
 * Group commit for order placement: orders placed at the same moment share one transaction.
 *
 * Why: in a flash sale every order reserves the same stock row, and a row takes one COMMIT at a
 * time (its lock is held until the commit record is on disk). One order per transaction caps the
 * whole store at that single-row rate however many app instances run. Placements that arrive
 * while earlier ones are in flight wait (promise-batcher) and then go together through
 * placeOrders: one read, one write, and one COMMIT that applies all their reservations, so the
 * hot row is locked once for the whole group and served in arrival order. With nothing else in
 * flight a placement runs at once, alone.
 *
 * If the group's COMMIT fails because stock ran short (a concurrent transaction took what the
 * group read as available) or the database aborted it (deadlock, serialization), it changed
 * nothing, and each order is placed again alone, one after another, so every order gets its exact
 * answer. Any other error (a connection lost during COMMIT, a server shutting down) may hide a
 * commit, so it is not retried: every order of the group gets the error, as a lone order would.
 */

/**
 * Most placement transactions in flight per database handle; more placements wait and join the
 * next group. Two: one group commits while the next runs its statements; more only splits the
 * same orders into smaller groups (bench:place-order, hot SKU, 64 clients, 2 cores: 2 in flight
 * 1345 orders/s, 4 in flight 1224, 8 in flight 877). Leaves the rest of the pool to everything else.
 */
const GROUPS_IN_FLIGHT = 2;
/** Orders per group at most: the stock rows stay locked while the COMMIT applies them all. */
const MAX_GROUP = 50;

/** Placements grouped so far in this process: groups run, and orders in them (for benchmarks and logs). */
export const placementGroups = { groups: 0, orders: 0 };

/**
 * The grouping, given what runs a group: a group starts as soon as fewer than GROUPS_IN_FLIGHT
 * run, with everything queued by then (up to MAX_GROUP); past that, placements queue.
 */
export function groupConcurrentCalls<I, O>(
  runGroup: (items: readonly I[]) => Promise<(O | Error)[]>,
): (item: I) => Promise<O> {
  const batcher = new Batcher<I, O>({
    batchingFunction: (items) => {
      placementGroups.groups += 1;
      placementGroups.orders += items.length;
      return runGroup(items);
    },
    maxBatchSize: MAX_GROUP,
    queuingThresholds: [...Array<number>(GROUPS_IN_FLIGHT).fill(1), Infinity],
  });
  return (item) => {
    const outcome = batcher.getResult(item);
    batcher.send(); // no queuing delay: with a group slot free, go now
    return outcome;
  };
}

const placers = new WeakMap<Database, (request: PlacementRequest) => Promise<PlacementOutcome>>();

/** Places the order in a transaction, together with the placements made at the same moment on `db`. */
export async function placeWithOthers(db: Database, request: PlacementRequest): Promise<PlacementOutcome> {
  let place = placers.get(db);
  if (!place) {
    place = groupConcurrentCalls<PlacementRequest, PlacementOutcome>((requests) => placeGroup(db, requests));
    placers.set(db, place);
  }
  return place(request);
}

/** Runs one group now: one transaction, or each alone after a COMMIT the database refused (exported for tests). */
export async function placeGroup(
  db: Database,
  requests: readonly PlacementRequest[],
): Promise<(PlacementOutcome | Error)[]> {
  if (requests.length === 1) return [await placeAlone(db, requests[0]).catch(asError)];
  try {
    return await transaction(db, (tx) => placeOrders(tx, requests));
  } catch (error) {
    if (!certainlyRolledBack(error)) throw error;
    const outcomes: (PlacementOutcome | Error)[] = [];
    for (const request of requests) outcomes.push(await placeAlone(db, request).catch(asError));
    return outcomes;
  }
}

async function placeAlone(db: Database, request: PlacementRequest): Promise<PlacementOutcome> {
  try {
    return (await transaction(db, (tx) => placeOrders(tx, [request])))[0];
  } catch (error) {
    const short = commitTimeShortage(error);
    if (!short) throw error;
    return shortOfStock(short);
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
