// The verdict on screen survives a page reload, for the operator who saw it and no one else:
// the tab's sessionStorage keeps which result it was (ids only, never a photo or a score), and
// every deliberate clear (next person, tab change, sign-out, idle lock) forgets it.
const KEY = 'faceauth.desk.lastVerdict';

export interface LastVerdict {
  operatorId: string;
  submissionId: string;
  authenticationId: string;
}

function storage(): Storage | null {
  return typeof sessionStorage === 'undefined' ? null : sessionStorage;
}

export function rememberVerdict(verdict: LastVerdict): void {
  storage()?.setItem(KEY, JSON.stringify(verdict));
}

export function forgetVerdict(): void {
  storage()?.removeItem(KEY);
}

/** The remembered verdict when it belongs to this operator; anyone else's is forgotten. */
export function recallVerdict(operatorId: string): LastVerdict | null {
  const text = storage()?.getItem(KEY);
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as Partial<LastVerdict>;
    if (
      parsed.operatorId === operatorId &&
      typeof parsed.submissionId === 'string' &&
      typeof parsed.authenticationId === 'string'
    )
      return parsed as LastVerdict;
  } catch {
    // Unreadable: treat as nothing remembered.
  }
  forgetVerdict();
  return null;
}
