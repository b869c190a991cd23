// The packaged shell: no environment-chosen page, no DevTools, no default menu; and the packaging
// configuration flips the Electron fuses a station binary must ship with.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shellPolicy } from '../../../src-main/electron/shell-policy';

describe('shell policy', () => {
  it.each([
    [true, 'http://localhost:5173', { devServerUrl: null, devTools: false, defaultMenu: false }],
    [true, 'https://evil.example/', { devServerUrl: null, devTools: false, defaultMenu: false }],
    [true, undefined, { devServerUrl: null, devTools: false, defaultMenu: false }],
    [
      false,
      'http://localhost:5173/',
      { devServerUrl: 'http://localhost:5173', devTools: true, defaultMenu: true },
    ],
    [
      false,
      'http://127.0.0.1:5173',
      { devServerUrl: 'http://127.0.0.1:5173', devTools: true, defaultMenu: true },
    ],
    [false, 'https://evil.example/', { devServerUrl: null, devTools: true, defaultMenu: true }],
    [false, 'file:///tmp/page.html', { devServerUrl: null, devTools: true, defaultMenu: true }],
    [false, 'not a url', { devServerUrl: null, devTools: true, defaultMenu: true }],
    [false, undefined, { devServerUrl: null, devTools: true, defaultMenu: true }],
  ])('packaged %s, ELECTRON_RENDERER_URL %s → %j', (isPackaged, url, expected) => {
    const env = url === undefined ? {} : { ELECTRON_RENDERER_URL: url };
    expect(shellPolicy(isPackaged, env)).toEqual(expected);
  });

  // The Electron binary cannot run here, so the entry is checked for using the policy: the
  // environment variable is read nowhere else, and the window takes its DevTools setting.
  it('is the only reader of ELECTRON_RENDERER_URL in the Electron entry', () => {
    const main = readFileSync('src-main/electron/main.ts', 'utf8');
    expect(main).not.toContain('ELECTRON_RENDERER_URL');
    expect(main).toContain('shellPolicy(app.isPackaged, process.env)');
    expect(main).toContain('devTools: policy.devTools');
    expect(main).toMatch(/if \(!policy\.defaultMenu\) Menu\.setApplicationMenu\(null\)/);
  });
});

describe('packaging configuration (electron-builder)', () => {
  const config = JSON.parse(readFileSync('electron-builder.json', 'utf8')) as {
    asar?: boolean;
    electronFuses?: Record<string, boolean>;
  };

  // https://www.electronjs.org/docs/latest/tutorial/fuses
  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableCookieEncryption', true],
    ['onlyLoadAppFromAsar', true],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['grantFileProtocolExtraPrivileges', false],
  ])('fuse %s is %s', (fuse, expected) => {
    expect(config.electronFuses?.[fuse]).toBe(expected);
  });

  it('packs the app into an ASAR, which the two ASAR fuses need', () => {
    expect(config.asar).toBe(true);
  });

  it('is the only packaging configuration, so no other one overrides it', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown>;
    expect(pkg['build']).toBeUndefined();
    for (const other of ['electron-builder.yml', 'electron-builder.yaml', 'electron-builder.json5'])
      expect(() => readFileSync(other)).toThrow();
  });
});
