// One CSP: the meta tag in src-renderer/index.html must be exactly what the hosts send as a
// header (less the header-only directives), so changing one without the other fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  metaContentSecurityPolicy,
} from '../../../src-main/host/content-security-policy';

const INDEX_HTML = join(import.meta.dirname, '../../../src-renderer/index.html');

function metaPolicy(html: string): string | undefined {
  const tag = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
  return tag?.[1];
}

describe('content security policy', () => {
  it("index.html's meta tag is the hosts' policy", () => {
    expect(metaPolicy(readFileSync(INDEX_HTML, 'utf8'))).toBe(metaContentSecurityPolicy());
  });

  it('the header keeps what a meta tag cannot carry, and adds the bridge the host names', () => {
    expect(contentSecurityPolicy()).toContain("frame-ancestors 'none'");
    expect(metaContentSecurityPolicy()).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy(['ws://127.0.0.1:4000'])).toContain(
      "connect-src 'self' ws://127.0.0.1:4000;",
    );
  });

  it('would notice a drift (a changed directive in the page)', () => {
    const drifted = readFileSync(INDEX_HTML, 'utf8').replace("script-src 'self'", 'script-src *');
    expect(metaPolicy(drifted)).not.toBe(metaContentSecurityPolicy());
  });
});
