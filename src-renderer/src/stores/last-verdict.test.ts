// The remembered verdict (ids only) in the tab's storage: given back to the operator who saw it,
// forgotten for anyone else, and an unreadable or incomplete entry is dropped, never trusted.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetVerdict, recallVerdict, rememberVerdict } from './last-verdict';

const memory = new Map<string, string>();
const KEY = 'faceauth.desk.lastVerdict';

describe('last verdict', () => {
  beforeEach(() => {
    memory.clear();
    vi.stubGlobal('sessionStorage', {
      getItem: (key: string) => memory.get(key) ?? null,
      setItem: (key: string, value: string) => memory.set(key, value),
      removeItem: (key: string) => memory.delete(key),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  const verdict = { operatorId: 'op-a', submissionId: 'SUB-1', authenticationId: 'auth-1' };

  it('gives the verdict back to its operator only, and forgets it for anyone else', () => {
    rememberVerdict(verdict);
    expect(recallVerdict('op-a')).toEqual(verdict);
    expect(recallVerdict('op-b')).toBeNull();
    expect(recallVerdict('op-a')).toBeNull();
  });

  it('keeps ids only: no photo, no score', () => {
    rememberVerdict(verdict);
    expect(Object.keys(JSON.parse(memory.get(KEY)!) as object).sort()).toEqual([
      'authenticationId',
      'operatorId',
      'submissionId',
    ]);
    forgetVerdict();
    expect(memory.has(KEY)).toBe(false);
  });

  it.each(['{not json', JSON.stringify({ operatorId: 'op-a', submissionId: 'SUB-1' })])(
    'drops an unreadable entry %s',
    (text) => {
      memory.set(KEY, text);
      expect(recallVerdict('op-a')).toBeNull();
      expect(memory.has(KEY)).toBe(false);
    },
  );
});
