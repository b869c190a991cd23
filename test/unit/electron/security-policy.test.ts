// The pure parts of the Electron shell's hardening, tested as tables of cases.
import { describe, expect, it } from 'vitest';
import { isAppUrl, originOf } from '../../../src-main/electron/app-origin';
import { isPermissionGranted } from '../../../src-main/electron/permission-policy';
import { ELECTRON_CSP } from '../../../src-main/electron/content-security';

describe('app origin', () => {
  it.each([
    ['station://app/index.html', null, true],
    ['station://app/assets/x.js', null, true],
    ['station://other/index.html', null, false],
    ['file:///etc/passwd', null, false],
    ['https://evil.example/', null, false],
    ['http://localhost:5173/', 'http://localhost:5173', true],
    ['http://localhost:5174/', 'http://localhost:5173', false],
    ['not a url', null, false],
  ])('%s (dev %s) is app: %s', (url, dev, expected) => {
    expect(isAppUrl(url, dev)).toBe(expected);
  });

  it('rebuilds the origin of the custom scheme', () => {
    expect(originOf('station://app/x')).toBe('station://app');
  });
});

describe('permission policy', () => {
  it.each([
    ['media', 'station://app/index.html', ['video'], true],
    ['media', 'station://app/index.html', ['video', 'audio'], false],
    ['media', 'station://app/index.html', ['audio'], false],
    ['media', 'station://app/index.html', [], false],
    ['media', 'https://evil.example/', ['video'], false],
    ['notifications', 'station://app/index.html', undefined, false],
    ['geolocation', 'station://app/index.html', undefined, false],
    ['openExternal', 'station://app/index.html', undefined, false],
  ])('%s from %s %j → %s', (permission, requestingUrl, mediaTypes, expected) => {
    expect(isPermissionGranted({ permission, requestingUrl, mediaTypes }, null)).toBe(expected);
  });
});

describe('content security policy', () => {
  it('allows scripts only from the app and forbids inline code and plugins', () => {
    expect(ELECTRON_CSP).toContain("script-src 'self'");
    expect(ELECTRON_CSP).not.toContain('unsafe-inline');
    expect(ELECTRON_CSP).not.toContain('unsafe-eval');
    expect(ELECTRON_CSP).toContain("object-src 'none'");
    expect(ELECTRON_CSP).toContain("default-src 'none'");
  });
});
