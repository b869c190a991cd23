// Which central API addresses are accepted: https anywhere, http only to a loopback IP literal.
import { describe, expect, it } from 'vitest';
import { checkCentralUrl, sameCentralOrigin } from '../../../src-shared/central-url';

describe('checkCentralUrl', () => {
  it.each([
    ['https://rest-api.argosidentity.com', true],
    ['https://10.0.0.5:8443/base/', true],
    ['http://127.0.0.1:5173', true],
    ['http://127.8.9.10', true],
    ['http://[::1]:8080/', true],
    ['http://rest-api.argosidentity.com', false],
    ['http://localhost:8080', false],
    ['http://127.0.0.1.nip.io', false],
    ['http://10.0.0.5', false],
    ['http://[::ffff:127.0.0.1]', false],
    ['https://user:secret@central.example', false],
    ['ftp://central.example', false],
    ['not a url', false],
  ])('%s → %s', (url, accepted) => {
    const check = checkCentralUrl(url);
    expect(check.ok).toBe(accepted);
    if (!check.ok) expect(check.reason).not.toContain('secret');
  });

  it('names the refused address in its reason', () => {
    const check = checkCentralUrl('http://central.example.com/v3');
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toContain('http://central.example.com/v3');
  });
});

describe('sameCentralOrigin', () => {
  it('compares scheme, host and port only', () => {
    expect(sameCentralOrigin('https://a.example/x', 'https://a.example/y')).toBe(true);
    expect(sameCentralOrigin('https://a.example', 'https://a.example:444')).toBe(false);
    expect(sameCentralOrigin('https://a.example', 'https://b.example')).toBe(false);
    expect(sameCentralOrigin(null, 'https://a.example')).toBe(false);
    expect(sameCentralOrigin(null, null)).toBe(true);
  });
});
