// The temp-folder helpers really remove what they made: after each test (useTempDir, even when
// the test fails) and after the block's last test (useTempDirs), files inside included.
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTempDir, useTempDirs } from '../../support/temp-dir';

const perTest: string[] = [];
const perBlock: string[] = [];

describe('useTempDir', () => {
  const dir = useTempDir('faceauth-temp-dir-test-');

  it('gives each test a fresh folder under the system temp folder', () => {
    perTest.push(dir());
    writeFileSync(join(dir(), 'kept.txt'), 'a file inside');
    expect(dir().startsWith(tmpdir())).toBe(true);
    expect(existsSync(join(dir(), 'kept.txt'))).toBe(true);
  });

  it('gives another test another folder', () => {
    perTest.push(dir());
    expect(existsSync(dir())).toBe(true);
  });

  it.fails('removes the folder of a test that fails too', () => {
    perTest.push(dir());
    writeFileSync(join(dir(), 'kept.txt'), 'a file inside');
    throw new Error('this test fails on purpose');
  });

  afterAll(() => {
    expect(() => dir()).toThrow(/no test is running/);
  });
});

describe('useTempDirs', () => {
  const tempDir = useTempDirs();
  const atImport = tempDir('faceauth-temp-dirs-test-');
  perBlock.push(atImport);

  it('keeps every folder it made until the block ends', () => {
    const another = tempDir('faceauth-temp-dirs-test-');
    perBlock.push(another);
    writeFileSync(join(another, 'kept.txt'), 'a file inside');
    expect(existsSync(atImport)).toBe(true);
  });

  it('still has them in the block’s later tests', () => {
    expect(perBlock.every((dir) => existsSync(dir))).toBe(true);
  });
});

afterAll(() => {
  // Both blocks' after-hooks have run by now (in any test order): nothing they made is left.
  expect(new Set(perTest).size).toBe(3);
  expect(perBlock).toHaveLength(2);
  for (const dir of [...perTest, ...perBlock]) expect(existsSync(dir), dir).toBe(false);
});
