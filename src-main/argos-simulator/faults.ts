// Fault injection, chosen per request from a seeded generator so a chaos run can be replayed.
// Probabilities are independent fractions 0-1 of all fault-eligible requests.
export interface FaultRates {
  /** Answer 503 before doing anything. */
  unavailable: number;
  /** Destroy the connection before the request is committed. */
  resetBeforeCommit: number;
  /** Commit the request, then destroy the connection without answering. */
  commitThenDrop: number;
  /** Commit, then answer only after `slowMs` (past a sane client timeout). */
  slow: number;
  /** Commit, then send a truncated body and close. */
  truncated: number;
}

export const NO_FAULTS: FaultRates = {
  unavailable: 0,
  resetBeforeCommit: 0,
  commitThenDrop: 0,
  slow: 0,
  truncated: 0,
};

export type Fault = keyof FaultRates | 'none';

export function pickFault(rates: FaultRates, random: () => number): Fault {
  let roll = random();
  for (const fault of [
    'unavailable',
    'resetBeforeCommit',
    'commitThenDrop',
    'slow',
    'truncated',
  ] as const) {
    if (roll < rates[fault]) return fault;
    roll -= rates[fault];
  }
  return 'none';
}
