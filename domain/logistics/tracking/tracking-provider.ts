import type { Result } from '@/domain/shared/result';
import type { TrackingEventInput } from '../kuaidi100';

/** A parcel as a tracking aggregator knows it: the carrier's aggregator code and the waybill number. */
export interface TrackedParcel {
  carrierCode: string;
  trackingNumber: string;
  /** the recipient's phone; some carriers (SF) only answer with its last digits */
  phone?: string | null;
}

/** What an aggregator says about a parcel now: its overall state and every event, newest first. */
export interface TrackingSnapshot {
  carrierCode: string;
  trackingNumber: string;
  /** the aggregator's state code of the newest event, null when it has none yet */
  state: number | null;
  events: TrackingEventInput[];
}

/**
 * Failure codes: `subscribe_failed` / `query_failed` (the aggregator refused or could not be
 * reached; the message says which and why), and the push codes of {@link TrackingProvider.parsePush}.
 */
export type TrackingProviderError = 'subscribe_failed' | 'query_failed';

/**
 * One tracking aggregator, however it is reached. The console subscribes a parcel when it ships,
 * takes the aggregator's pushes at its webhook and may query a parcel on demand; all three feed
 * the same tracking events (domain/logistics/tracking/apply-tracking-events.ts).
 */
export interface TrackingProvider {
  readonly name: string;
  /** asks the aggregator to push this parcel's events to our webhook; a repeated subscription is fine */
  subscribe(parcel: TrackedParcel): Promise<Result<void, TrackingProviderError>>;
  /** the parcel's events as the aggregator has them now */
  query(parcel: TrackedParcel): Promise<Result<TrackingSnapshot, TrackingProviderError>>;
  /** checks a push's signature and reads it; never throws */
  parsePush(form: { param?: unknown; sign?: unknown }): Result<TrackingSnapshot & { isFinal: boolean }>;
}
