// Retry timing: capped exponential backoff with full jitter (AWS Architecture Blog, "Exponential
// Backoff And Jitter": sleep = random(0, min(cap, base * 2^attempt))), and Retry-After as
// RFC 9110 §10.2.3 defines it (delay-seconds or an HTTP-date). Pure functions: the caller
// passes the random source and the clock, so tests are exact.
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 5 * 60_000 };

/** Delay before retry number `attempt` (0 = first retry). Never negative, never above the cap. */
export function fullJitterDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(0, Math.trunc(attempt)), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}

/** Milliseconds the server asked us to wait, or null when the header is absent or unusable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

/** The wait before the next try: the server's Retry-After wins when it asks for longer. */
export function retryDelay(
  attempt: number,
  policy: BackoffPolicy,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number {
  const jittered = fullJitterDelay(attempt, policy, random);
  return retryAfterMs === null ? jittered : Math.max(retryAfterMs, jittered);
}
