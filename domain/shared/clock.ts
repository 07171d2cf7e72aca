/** Time and waiting, injected so tests can run throttling and expiry without real delays. */
export interface Clock {
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
