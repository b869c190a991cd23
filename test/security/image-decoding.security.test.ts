// Attacks aimed at the main process's image decoding. Main holds the data keys and the operator
// sessions, so a decoder exploit there would reach them; every decode of bytes from the renderer
// (or from the central API) runs in the engine's worker pool instead (issue 11).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type WebSocket from 'ws';
import {
  FIRST_ADMIN,
  startTestBrowserHost,
  type HostFixture,
} from '../support/browser-host-fixture';
import { syntheticJpeg, syntheticPng } from '../support/images';
import { call, openBridge } from '../support/ws-client';
import { pngBomb } from '../support/hostile-images';

// Every call into sharp made on this thread (the main process in this test) is counted; the
// engine's workers load their own copy and are not counted (and no engine runs here).
const sharpCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('sharp', async (importOriginal) => {
  const actual = (await importOriginal<{ default: (...args: unknown[]) => unknown }>()).default;
  const counted = Object.assign((...args: unknown[]) => {
    sharpCalls.count += 1;
    return actual(...args);
  }, actual);
  return { default: counted };
});

let fixture: HostFixture;
let desk: WebSocket;
beforeAll(async () => {
  fixture = await startTestBrowserHost();
  desk = await openBridge(fixture.host.origin, fixture.host.token);
  await call(desk, 'session:createFirstAdmin', FIRST_ADMIN);
});
afterAll(async () => {
  desk?.close();
  await fixture?.close();
});

describe('image decoding stays out of the main process', () => {
  it('attack: image decoded in the main process', async () => {
    const jpeg = await syntheticJpeg(320, 240);
    const png = await syntheticPng(64, 48);
    const hostile = [pngBomb(30_001 * 8), jpeg.subarray(0, 40)];
    sharpCalls.count = 0;
    for (const image of hostile) {
      const answer = await call(desk, 'frame:analyze', {
        image,
        mime: image[0] === 0x89 ? 'image/png' : 'image/jpeg',
      });
      expect(answer).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    // Ordinary frames are still answered (their size, read from the header) …
    expect(await call(desk, 'frame:analyze', { image: jpeg, mime: 'image/jpeg' })).toMatchObject({
      ok: true,
      value: { width: 320, height: 240, faces: null },
    });
    expect(await call(desk, 'frame:analyze', { image: png, mime: 'image/png' })).toMatchObject({
      ok: true,
      value: { width: 64, height: 48 },
    });
    // … and not one of the four frames reached a decoder in main.
    expect(sharpCalls.count).toBe(0);
  });

  // The bridge's own domains never import a decoder; the engine's image modules are the only
  // users of sharp the station has, and they run in its worker pool.
  it.each(['frame', 'demo', 'host', 'bridge', 'browser-host', 'electron', 'station', 'results'])(
    'no module in src-main/%s imports an image decoder',
    (folder) => {
      const dir = join(import.meta.dirname, '../../src-main', folder);
      for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
        const source = readFileSync(join(dir, file), 'utf8');
        expect(source, `${folder}/${file}`).not.toMatch(/from ['"](sharp|jimp|canvas)['"]/);
      }
    },
  );
});
