// Turns vitest's JSON report into the attack summary `npm run test:security -- --json` prints.
// Only cases titled `attack: …` count; a case that failed, was skipped or never ran is not
// blocked (an attack nobody tried proves nothing).

export interface VitestJsonReport {
  testResults: { assertionResults: { title: string; status: string }[] }[];
}

export interface AttackCase {
  name: string;
  blocked: boolean;
}

export interface AttackSummary {
  attacks: number;
  blocked: number;
  cases: AttackCase[];
}

const ATTACK_PREFIX = 'attack: ';

export function summariseAttacks(report: VitestJsonReport): AttackSummary {
  const cases: AttackCase[] = [];
  for (const file of report.testResults) {
    for (const assertion of file.assertionResults) {
      if (!assertion.title.startsWith(ATTACK_PREFIX)) continue;
      cases.push({
        name: assertion.title.slice(ATTACK_PREFIX.length),
        blocked: assertion.status === 'passed',
      });
    }
  }
  return { attacks: cases.length, blocked: cases.filter((c) => c.blocked).length, cases };
}
