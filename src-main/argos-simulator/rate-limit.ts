// A token bucket, so tests can make the simulator answer 429 with Retry-After.
export interface RateLimit {
  capacity: number;
  refillPerSecond: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = limit.capacity;
    this.last = now();
  }

  /** Seconds to wait, or 0 when the request may go ahead now. */
  take(): number {
    const current = this.now();
    this.tokens = Math.min(
      this.limit.capacity,
      this.tokens + ((current - this.last) / 1000) * this.limit.refillPerSecond,
    );
    this.last = current;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.limit.refillPerSecond));
  }
}
