import type { ApologySlip, Dossier } from './types';

/** How often the page asks again while a signed slip is being issued, and for how long. */
export const ISSUE_POLL_MS = 1_000;
export const ISSUE_WAIT_MS = 30_000;

type Slips = Pick<Dossier, 'apologyPending' | 'apologies'>;

/**
 * Whether `slip` was signed but the worker has not issued it yet: the head's signature closes
 * the pending round at once, the number and documents follow a moment later.
 */
export function awaitingIssue(dossier: Slips, slip: ApologySlip): boolean {
  return slip.status === 'draft' && dossier.apologyPending?.round !== slip.round;
}

/**
 * The round of the signed slip the worker has not issued yet (the latest, if ever several), or
 * null: the page waits for it whether it was signed there or before the page was opened.
 */
export function roundAwaitingIssue(dossier: Slips | undefined): number | null {
  const rounds = (dossier?.apologies ?? [])
    .filter((slip) => awaitingIssue(dossier as Slips, slip))
    .map((slip) => slip.round);
  return rounds.length > 0 ? Math.max(...rounds) : null;
}

/**
 * TanStack Query's refetchInterval for the dossier: every second while a signed slip is still a
 * draft, for at most ISSUE_WAIT_MS after `since` (the signature, or when the page saw it).
 */
export function issuePollInterval(
  dossier: Slips | undefined,
  since: number | null,
  now: number,
): number | false {
  if (!dossier || since === null || now - since > ISSUE_WAIT_MS) return false;
  return (dossier.apologies ?? []).some((slip) => awaitingIssue(dossier, slip))
    ? ISSUE_POLL_MS
    : false;
}
