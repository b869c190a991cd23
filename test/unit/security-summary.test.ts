import { describe, expect, it } from 'vitest';
import { summariseAttacks } from '../../scripts/security/attack-summary';

describe('attack summary', () => {
  it('counts only attack cases, and only passed ones as blocked', () => {
    const summary = summariseAttacks({
      testResults: [
        {
          assertionResults: [
            { title: 'attack: cross-origin redirect', status: 'passed' },
            { title: 'attack: oversized frame', status: 'failed' },
            { title: 'attack: skipped one', status: 'skipped' },
            { title: 'a helper case', status: 'passed' },
          ],
        },
      ],
    });
    expect(summary).toEqual({
      attacks: 3,
      blocked: 1,
      cases: [
        { name: 'cross-origin redirect', blocked: true },
        { name: 'oversized frame', blocked: false },
        { name: 'skipped one', blocked: false },
      ],
    });
  });
});
