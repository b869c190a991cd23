// Which central API addresses the station will send API keys and faces to: https:// only,
// except a loopback address (the local simulator in tests and demo mode never leaves the
// machine). Shared by the settings contract's callers, the environment loader, the store and
// the HTTP client, so each refuses the same addresses with the same plain reason.

export const INSECURE_CENTRAL_URL = 'insecure_central_url';

export type CentralUrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/** 127.0.0.0/8 and ::1 as IP literals. A name such as `localhost` is refused over http: it
 *  goes through the resolver, which a hosts file or DNS can point anywhere. */
function isLoopbackLiteral(hostname: string): boolean {
  if (hostname === '[::1]') return true;
  const octets = hostname.split('.');
  return (
    octets.length === 4 &&
    octets[0] === '127' &&
    octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)
  );
}

export function checkCentralUrl(raw: string): CentralUrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: `The central API address is not a valid URL: ${raw}` };
  }
  if (url.username !== '' || url.password !== '') {
    // Credentials in the address would be logged and shown; the keys have their own fields.
    return {
      ok: false,
      reason: `The central API address must not carry a user name or password: ${url.origin}`,
    };
  }
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && isLoopbackLiteral(url.hostname)) return { ok: true, url };
  return {
    ok: false,
    reason:
      `The central API address must start with https:// (http:// only for 127.0.0.1 or [::1] ` +
      `on this computer): ${raw}`,
  };
}

/** Thrown where an address is about to be used; the message names the address. */
export class CentralUrlRefused extends Error {
  readonly code = INSECURE_CENTRAL_URL;
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'CentralUrlRefused';
  }
}

export function requireCentralUrl(raw: string): URL {
  const check = checkCentralUrl(raw);
  if (!check.ok) throw new CentralUrlRefused(raw, check.reason);
  return check.url;
}

/** Whether two addresses are the same central API (scheme, host and port). */
export function sameCentralOrigin(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
