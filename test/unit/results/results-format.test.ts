import { describe, expect, it } from 'vitest';
import {
  formatOverrideReason,
  parseOverrideReason,
} from '../../../src-main/results/override-reason';
import { resultsToCsv } from '../../../src-main/results/results-csv';
import { toResultView } from '../../../src-main/results/result-view';
import type { StoredResult } from '../../../src-main/store/services/result-reads';

function stored(overrides: Partial<StoredResult> = {}): StoredResult {
  return {
    authenticationId: 'a-1',
    submissionId: '=HYPERLINK("http://x")',
    result: {
      authentication_id: 'a-1',
      auth_status: 'rejected',
      create_time: '2026-01-01T00:00:00.000Z',
      score: { face_similarity_score: 40 },
      fail_code: ['face_compare_underscore'],
      rejected_comment: ['Face compare similarity score is lower than the threshold'],
    },
    resultJson: '{}',
    requestFields: {},
    modelVersion: 'm',
    policyVersion: 'p',
    stationId: 's',
    operatorId: 'op-1',
    operatorName: 'Dana Desk',
    hasCapturedImage: true,
    imagePurgedAt: null,
    recordedAt: Date.parse('2026-01-01T00:00:01.000Z'),
    syncedAt: null,
    centralVerdict: null,
    overrides: [],
    ...overrides,
  };
}

describe('override reasons', () => {
  it.each([
    [
      'identity_confirmed_by_document',
      'Passport',
      'desk1',
      { code: 'identity_confirmed_by_document', text: 'Passport [desk: desk1]' },
    ],
    ['other', '', 'desk2', { code: 'other', text: '[desk: desk2]' }],
  ] as const)('%s / %s round-trips', (code, text, desk, expected) => {
    expect(parseOverrideReason(formatOverrideReason(code, text, desk))).toEqual(expected);
  });

  it('treats a free-form legacy reason as other', () => {
    expect(parseOverrideReason('looked fine to me')).toEqual({
      code: 'other',
      text: 'looked fine to me',
    });
  });
});

describe('result view', () => {
  it('takes the last override as the decision that stands', () => {
    const view = toResultView(
      stored({
        overrides: [
          {
            decision: 'approved',
            reason: 'other: first',
            supervisorId: 's1',
            supervisorName: 'Sam Supervisor',
            createdAt: 1,
          },
          {
            decision: 'rejected',
            reason: 'suspected_impostor: second',
            supervisorId: 's2',
            supervisorName: null,
            createdAt: 2,
          },
        ],
      }),
    );
    expect(view.finalStatus).toBe('rejected');
    expect(view.overrides.map((o) => o.reasonCode)).toEqual(['other', 'suspected_impostor']);
    expect(view.overrides.map((o) => o.byOperatorName)).toEqual(['Sam Supervisor', null]);
    expect(view.operatorName).toBe('Dana Desk');
  });

  it('flags a central verdict that disagrees with the station', () => {
    const central = {
      source: 'post',
      authentication_id: 'c-1',
      auth_status: 'approved',
      face_similarity_score: 91,
      fail_code: [],
    };
    const view = toResultView(stored({ centralVerdict: central, syncedAt: 5 }));
    expect(view.central).toMatchObject({ authStatus: 'approved', faceSimilarityScore: 91 });
    expect(view.disagreement).toBe(true);
    expect(toResultView(stored({ centralVerdict: { auth_status: 'rejected' } })).disagreement).toBe(
      false,
    );
    expect(toResultView(stored({ centralVerdict: { unexpected: true } })).central).toBeNull();
  });
});

describe('CSV export', () => {
  it('neutralises formula cells and quotes separators', () => {
    const csv = resultsToCsv([toResultView(stored())]);
    const [, row] = csv.split('\r\n');
    expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(row).toContain('face_compare_underscore');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('names the supervisor who approved the override that stands', () => {
    const override = {
      decision: 'approved',
      reason: 'identity_confirmed_by_document: Passport',
      supervisorId: 'op-super',
      supervisorName: 'Sam Supervisor',
      createdAt: 2,
    };
    const [header, row] = resultsToCsv([toResultView(stored({ overrides: [override] }))]).split(
      '\r\n',
    );
    // Every cell is quoted (CSV injection rules); none of these cells holds a comma.
    const at = header!.split(',').indexOf('"override_by"');
    expect(at).toBeGreaterThan(0);
    expect(row!.split(',')[at]).toBe('"Sam Supervisor"');
  });
});
