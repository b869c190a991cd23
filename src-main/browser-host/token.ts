import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret per run: 32 random bytes as hex (valid in a WebSocket subprotocol). */
export function createSessionToken(): string {
  return randomBytes(32).toString('hex');
}

export function tokensMatch(expected: string, offered: string | undefined): boolean {
  if (offered === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(offered);
  return a.length === b.length && timingSafeEqual(a, b);
}
