// Supervisor exports: results and audit log as JSON lines and CSV, never biometrics, and cells
// that a spreadsheet would run as formulas are neutralised.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrapAdmin, createOperator, login } from '../../../src-main/operators/service';
import { csvCell } from '../../../src-main/store/csv';
import { exportAudit, exportResults } from '../../../src-main/store/services/export';
import { recordResult } from '../../../src-main/store/services/results';
import { openTestStore, type TestStore } from '../../support/store/context';
import { approvedResult, rejectedResult } from '../../support/store/fixtures';

let store: TestStore | undefined;
afterEach(() => store?.close());

async function supervisorAndOperator(
  s: TestStore,
): Promise<{ supervisor: string; operator: string }> {
  await bootstrapAdmin(s.ctx, {
    username: 'admin',
    displayName: 'Admin',
    password: 'admin password 1',
  });
  const admin = await login(s.ctx, 'admin', 'admin password 1');
  if (!admin.ok) throw new Error('admin login failed');
  await createOperator(s.ctx, admin.token, {
    username: 'sup',
    displayName: 'Sup',
    role: 'supervisor',
    password: 'supervisor pw 1',
  });
  await createOperator(s.ctx, admin.token, {
    username: 'olga',
    displayName: 'Olga',
    role: 'operator',
    password: 'operator pw 12',
  });
  const sup = await login(s.ctx, 'sup', 'supervisor pw 1');
  const op = await login(s.ctx, 'olga', 'operator pw 12');
  if (!sup.ok || !op.ok) throw new Error('login failed');
  return { supervisor: sup.token, operator: op.token };
}

function seedResults(s: TestStore): void {
  for (const result of [approvedResult('a-1'), rejectedResult('r-1')]) {
    recordResult(s.ctx, {
      submissionId: '=HYPERLINK("http://x")',
      result,
      modelVersion: 'face-api-1.7.15',
      policyVersion: 'p85',
      operatorId: 'op',
      capturedImage: Buffer.from('IMAGE-BYTES-MUST-NOT-BE-EXPORTED'),
    });
  }
}

describe('exports', () => {
  it('writes results as JSON lines with the exact FaceAuth result and no image', async () => {
    store = openTestStore();
    const { supervisor } = await supervisorAndOperator(store);
    seedResults(store);
    const path = join(store.dir, 'results.jsonl');
    expect(exportResults(store.ctx, { sessionToken: supervisor, format: 'jsonl', path })).toEqual({
      rows: 2,
      path,
    });
    const text = readFileSync(path, 'utf8');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { result: unknown });
    expect(lines.map((l) => l.result)).toEqual([approvedResult('a-1'), rejectedResult('r-1')]);
    expect(text).not.toContain('IMAGE-BYTES');
  });

  it('audits each results export: who, how many rows, which file (issue 11)', async () => {
    store = openTestStore();
    const { supervisor } = await supervisorAndOperator(store);
    seedResults(store);
    const path = join(store.dir, 'results.csv');
    exportResults(store.ctx, { sessionToken: supervisor, format: 'csv', path });
    const last = store.db
      .prepare(`SELECT kind, actor, payload_json FROM audit_log ORDER BY seq DESC LIMIT 1`)
      .get() as { kind: string; actor: string; payload_json: string };
    expect(last).toMatchObject({ kind: 'access', actor: 'sup' });
    expect(JSON.parse(last.payload_json)).toMatchObject({
      what: 'results_file',
      rows: 2,
      filter: { format: 'csv', path },
    });
  });

  it('writes results and the audit log as CSV with formula injection neutralised', async () => {
    store = openTestStore();
    const { supervisor } = await supervisorAndOperator(store);
    seedResults(store);
    const results = join(store.dir, 'results.csv');
    exportResults(store.ctx, { sessionToken: supervisor, format: 'csv', path: results });
    const [header, first, second] = readFileSync(results, 'utf8').split('\r\n');
    expect(header?.split(',').slice(0, 4)).toEqual([
      '"authentication_id"',
      '"submission_id"',
      '"auth_status"',
      '"create_time"',
    ]);
    expect(first).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(second).toContain('face_compare_underscore');
    const audit = join(store.dir, 'audit.csv');
    const { rows } = exportAudit(store.ctx, {
      sessionToken: supervisor,
      format: 'csv',
      path: audit,
    });
    expect(readFileSync(audit, 'utf8').trim().split('\r\n')).toHaveLength(rows + 1);
  });

  it('is refused to an operator and needs an absolute path', async () => {
    store = openTestStore();
    const { supervisor, operator } = await supervisorAndOperator(store);
    expect(() =>
      exportAudit(store!.ctx, {
        sessionToken: operator,
        format: 'jsonl',
        path: join(store!.dir, 'a'),
      }),
    ).toThrow(/supervisor/);
    expect(() =>
      exportAudit(store!.ctx, {
        sessionToken: supervisor,
        format: 'jsonl',
        path: 'relative.jsonl',
      }),
    ).toThrow(/absolute/);
  });

  // Every cell is quoted (issue 11): a reader splitting on any separator still sees text.
  it.each([
    ['=1+1', `"'=1+1"`],
    ['-2', `"'-2"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['plain', '"plain"'],
    ['a;=1+1', `"a;'=1+1"`],
    ['a,@SUM(1)', `"a,'@SUM(1)"`],
    ['a|+1', `"a|'+1"`],
    ['a\t-1', `"a\t'-1"`],
    ['a\n=1', `"a\n'=1"`],
    ['\r=1', `"'\r'=1"`],
    ['e-mail a-b', '"e-mail a-b"'],
    ['a; =1', `"a;' =1"`],
    [' +1', `"' +1"`],
    ['x;"=1', `"x;""'=1"`],
  ])('csvCell(%j) is %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    [85, '"85"'],
    [true, '"true"'],
    [null, '""'],
  ] as const)('csvCell(%j) quotes the station’s own values too', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});
