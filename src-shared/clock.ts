// Time as a dependency: code whose behaviour depends on time takes a Clock, so tests drive it
// with a manual clock (test/support/manual-clock.ts) instead of sleeping or reading the wall.
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /**
   * Calls `callback` once after `ms`; the returned function cancels it. `unref` timers never
   * keep a Node process alive (background probes), the others do (work a caller waits for).
   */
  after(ms: number, callback: () => void, options?: { unref?: boolean }): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, callback, options) {
    const timer: unknown = setTimeout(callback, Math.max(0, ms));
    if (options?.unref) (timer as { unref?: () => void }).unref?.();
    return () => clearTimeout(timer as Parameters<typeof clearTimeout>[0]);
  },
};
