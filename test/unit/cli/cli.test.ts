import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../tools/shared/args';
import { UsageError } from '../../../tools/cli/command';
import { runCli } from '../../../tools/cli/run-cli';
import { parseCsvLine } from '../../../tools/shared/labels-csv';

function capture() {
  const io = {
    outText: '',
    errText: '',
    out: (t: string) => void (io.outText += t),
    err: (t: string) => void (io.errText += t),
  };
  return io;
}

describe('cli arguments', () => {
  it('parses value options and flags, inline or separate', () => {
    const args = parseArgs(['--data', 'd', '--json', '--workers=2'], ['data', 'workers']);
    expect(args.values).toEqual(
      new Map([
        ['data', 'd'],
        ['workers', '2'],
      ]),
    );
    expect(args.flags).toEqual(new Set(['json']));
  });

  it('refuses stray words, missing values and values on flags', () => {
    expect(() => parseArgs(['x'], [])).toThrow(UsageError);
    expect(() => parseArgs(['--data'], ['data'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--data', '--json'], ['data'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--json=1'], [])).toThrow(/takes no value/);
  });

  it('reads quoted CSV cells', () => {
    expect(parseCsvLine('a,"b, c","say ""hi""",')).toEqual(['a', 'b, c', 'say "hi"', '']);
  });
});

describe('cli dispatch', () => {
  it('lists the commands and exits 2 without arguments', async () => {
    const io = capture();
    expect(await runCli([], io)).toBe(2);
    for (const usage of [
      'verify --reference',
      'eval verify --data',
      'eval negative',
      'bench engine',
    ]) {
      expect(io.outText).toContain(usage);
    }
  });

  it('exits 2 on an unknown command or a usage error, before loading any model', async () => {
    const io = capture();
    expect(await runCli(['eval', 'nothing'], io)).toBe(2);
    expect(io.errText).toContain('unknown command');
    expect(await runCli(['verify', '--face', 'x.jpg'], io)).toBe(2);
    expect(io.errText).toContain('--reference is required');
    expect(await runCli(['bench', 'engine', '--frames', '4'], io)).toBe(2);
    // eval checks: another CV fold assignment only makes sense with --cv, and must be a number.
    expect(await runCli(['eval', 'checks', '--data', '/nonexistent', '--seed', '3'], io)).toBe(2);
    expect(io.errText).toContain('--seed needs --cv');
    expect(await runCli(['eval', 'checks', '--data', '/x', '--cv', '--seed', 'x'], io)).toBe(2);
    expect(io.errText).toContain('--seed must be a positive integer');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faceauth-cli-'));
    try {
      fs.writeFileSync(path.join(dir, 'labels.csv'), 'path,identity\n');
      expect(await runCli(['eval', 'verify', '--data', dir, '--timeout-ms', '0'], io)).toBe(2);
      expect(io.errText).toContain('--timeout-ms must be a positive integer');
      for (const folder of ['masks', 'head_cover', 'occlusion']) {
        fs.mkdirSync(path.join(dir, folder));
        fs.writeFileSync(path.join(dir, folder, 'labels.csv'), 'path,label\n');
      }
      io.errText = '';
      expect(await runCli(['eval', 'checks', '--data', dir, '--timeout-ms', '-5'], io)).toBe(2);
      expect(io.errText).toContain('--timeout-ms must be a positive integer');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('verify prints a FaceAuth error object (exit 0) when an image file cannot be read', async () => {
    const io = capture();
    const code = await runCli(
      ['verify', '--reference', '/nonexistent/a.jpg', '--face', '/nonexistent/b.jpg', '--json'],
      io,
    );
    expect(code).toBe(0);
    expect(JSON.parse(io.outText)).toEqual({
      errorCode: 'required_field_missing',
      message: 'Required field is missing',
    });
  });
});
