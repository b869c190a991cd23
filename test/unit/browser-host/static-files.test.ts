import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStaticFile } from '../../../src-main/browser-host/static-files';

describe('static files', () => {
  const parent = mkdtempSync(join(tmpdir(), 'static-'));
  const root = join(parent, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), 'index');
  writeFileSync(join(root, 'assets', 'a.js'), 'js');
  writeFileSync(join(parent, 'secret.txt'), 'secret');

  it('serves index.html for / and files below the root with their type', async () => {
    expect((await readStaticFile(root, '/'))?.body.toString()).toBe('index');
    expect(await readStaticFile(root, '/assets/a.js')).toMatchObject({
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/assets/../../secret.txt',
    '/%00',
    '/%E0%A4%A',
    '/assets',
  ])('refuses %s', async (path) => {
    expect(await readStaticFile(root, path)).toBeNull();
  });
});
