import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStaticFile } from '../../../src-main/browser-host/static-files';
import { useTempDirs } from '../../support/temp-dir';

// Temp folders, removed after the file's last test (after any station using them has stopped).
const tempDir = useTempDirs();

describe('static files', () => {
  const parent = tempDir('static-');
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
