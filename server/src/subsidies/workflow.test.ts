import { describe, expect, it } from 'vitest';
import { allowedTransitions } from './workflow.js';

const facts = (state: Parameters<typeof allowedTransitions>[0]['state'], proposal?: string) => ({
  state,
  proposedCents: proposal ? 100 : null,
  proposedById: proposal ?? null,
});

describe('the application state machine', () => {
  it('follows DOMAIN.md from draft to closure', () => {
    expect(allowedTransitions(facts('DRAFT'))).toEqual(['submit', 'withdraw']);
    expect(allowedTransitions(facts('SUBMITTED'))).toEqual(['startReview', 'withdraw']);
    expect(allowedTransitions(facts('IN_REVIEW'))).toEqual([
      'requestInformation',
      'proposeGrant',
      'grant',
      'reject',
      'withdraw',
    ]);
    expect(allowedTransitions(facts('INFORMATION_REQUESTED'))).toEqual(['receiveInformation', 'withdraw']);
    expect(allowedTransitions(facts('GRANTED'))).toEqual(['payAdvance']);
    expect(allowedTransitions(facts('ADVANCE_PAID'))).toEqual(['receiveAccountability']);
    expect(allowedTransitions(facts('ACCOUNTABILITY_SUBMITTED'))).toEqual(['setFinalAmount']);
    expect(allowedTransitions(facts('FINAL_AMOUNT_SET'))).toEqual(['close']);
    for (const end of ['REJECTED', 'WITHDRAWN', 'CLOSED'] as const) expect(allowedTransitions(facts(end))).toEqual([]);
  });

  it('offers approval of a proposal only to another officer', () => {
    expect(allowedTransitions(facts('IN_REVIEW', 'officer-a'), 'officer-b')).toContain('approveGrant');
    expect(allowedTransitions(facts('IN_REVIEW', 'officer-a'), 'officer-a')).not.toContain('approveGrant');
  });
});
