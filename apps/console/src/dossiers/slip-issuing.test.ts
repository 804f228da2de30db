import type { ApologySlip, Dossier } from './types';
import {
  awaitingIssue,
  ISSUE_POLL_MS,
  issuePollInterval,
  roundAwaitingIssue,
} from './slip-issuing';

const slip = (round: number, status: ApologySlip['status']) =>
  ({ round, status, number: status === 'issued' ? `0${round}/PXL-VHXH` : null }) as ApologySlip;
const pending = (round: number) => ({ round }) as NonNullable<Dossier['apologyPending']>;

describe('waiting for a signed apology slip to be issued', () => {
  it('tells a signed draft from one still waiting for the head', () => {
    expect(awaitingIssue({ apologyPending: pending(1) }, slip(1, 'draft'))).toBe(false);
    expect(awaitingIssue({ apologyPending: null }, slip(1, 'draft'))).toBe(true);
    expect(awaitingIssue({ apologyPending: pending(2) }, slip(1, 'draft'))).toBe(true);
    expect(awaitingIssue({ apologyPending: null }, slip(1, 'issued'))).toBe(false);
  });

  it('asks again every second while a signed slip is a draft, for 30 s at most', () => {
    const signed = { apologyPending: null, apologies: [slip(1, 'draft')] };
    expect(issuePollInterval(signed, 1_000, 2_000)).toBe(ISSUE_POLL_MS);
    expect(issuePollInterval(signed, 1_000, 31_000)).toBe(ISSUE_POLL_MS);
    expect(issuePollInterval(signed, 1_000, 31_001)).toBe(false);
    expect(issuePollInterval(signed, null, 2_000)).toBe(false);
    expect(issuePollInterval(undefined, 1_000, 2_000)).toBe(false);
  });

  it('stops once the slip is issued, and does not poll for a draft awaiting the head', () => {
    const issued = { apologyPending: null, apologies: [slip(1, 'issued')] };
    expect(issuePollInterval(issued, 1_000, 2_000)).toBe(false);
    const unsigned = { apologyPending: pending(1), apologies: [slip(1, 'draft')] };
    expect(issuePollInterval(unsigned, 1_000, 2_000)).toBe(false);
  });

  it('finds a slip signed before the page opened, so that the page waits for it too', () => {
    expect(roundAwaitingIssue({ apologyPending: null, apologies: [slip(1, 'draft')] })).toBe(1);
    expect(
      roundAwaitingIssue({
        apologyPending: null,
        apologies: [slip(1, 'issued'), slip(2, 'draft')],
      }),
    ).toBe(2);
    // Still waiting for the head's signature, issued already, or nothing loaded: nothing to wait for.
    expect(roundAwaitingIssue({ apologyPending: pending(1), apologies: [slip(1, 'draft')] })).toBe(
      null,
    );
    expect(roundAwaitingIssue({ apologyPending: null, apologies: [slip(1, 'issued')] })).toBe(null);
    expect(roundAwaitingIssue(undefined)).toBe(null);
  });
});
