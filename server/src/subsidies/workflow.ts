// The subsidy application's state machine: which transition is allowed from which state.
// Pure, so the schema, the console's buttons and the tests read the same table.
import type { SubsidyApplicationState as State } from '@welkom/db';

export const TRANSITIONS = {
  submit: { from: ['DRAFT'], to: 'SUBMITTED', label: 'Indienen | Submit' },
  startReview: { from: ['SUBMITTED'], to: 'IN_REVIEW', label: 'In behandeling nemen | Start review' },
  requestInformation: { from: ['IN_REVIEW'], to: 'INFORMATION_REQUESTED', label: 'Informatie opvragen | Request information' },
  receiveInformation: { from: ['INFORMATION_REQUESTED'], to: 'IN_REVIEW', label: 'Informatie ontvangen | Information received' },
  proposeGrant: { from: ['IN_REVIEW'], to: 'IN_REVIEW', label: 'Verlening voorstellen | Propose grant' },
  approveGrant: { from: ['IN_REVIEW'], to: 'GRANTED', label: 'Voorstel goedkeuren | Approve proposal' },
  grant: { from: ['IN_REVIEW'], to: 'GRANTED', label: 'Verlenen | Grant' },
  reject: { from: ['IN_REVIEW'], to: 'REJECTED', label: 'Afwijzen | Reject' },
  withdraw: {
    from: ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'INFORMATION_REQUESTED'],
    to: 'WITHDRAWN',
    label: 'Intrekken | Withdraw',
  },
  payAdvance: { from: ['GRANTED'], to: 'ADVANCE_PAID', label: 'Voorschot betalen | Pay advance' },
  receiveAccountability: { from: ['ADVANCE_PAID'], to: 'ACCOUNTABILITY_SUBMITTED', label: 'Verantwoording ontvangen | Accountability received' },
  setFinalAmount: { from: ['ACCOUNTABILITY_SUBMITTED'], to: 'FINAL_AMOUNT_SET', label: 'Vaststellen | Set final amount' },
  close: { from: ['FINAL_AMOUNT_SET'], to: 'CLOSED', label: 'Afsluiten | Close' },
} as const satisfies Record<string, { from: readonly State[]; to: State; label: string }>;

export type Transition = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as Transition[];

export interface TransitionFacts {
  state: State;
  /** A grant proposal awaits a second officer. */
  proposedCents: number | null;
  proposedById: string | null;
}

/** The transitions allowed now; `actorId` leaves out approving one's own proposal. */
export function allowedTransitions(facts: TransitionFacts, actorId?: string | null): Transition[] {
  return TRANSITION_NAMES.filter((name) => {
    if (!(TRANSITIONS[name].from as readonly State[]).includes(facts.state)) return false;
    if (name === 'approveGrant') return facts.proposedCents !== null && (!actorId || facts.proposedById !== actorId);
    return true;
  });
}
