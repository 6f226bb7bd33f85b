// The subsidy application's state machine: which transition is allowed from which state.
// Pure, so the schema, the console's buttons and the tests read the same table.
import type { SubsidyApplicationState as State } from '@welkom/db';

// The one table of the workflow: the schema builds one mutation per row from it and publishes it
// as the `subsidyTransitions` query, and the console builds its buttons and dialogs from that.
// `amount`: whether the mutation takes an amount in euro cents; `expectsVersion`: it names the
// application's version (and amount) the caller read, so a changed proposal is not approved.
export const TRANSITIONS = {
  submit: { from: ['DRAFT'], to: 'SUBMITTED', mutation: 'submitSubsidyApplication', label: 'Indienen | Submit' },
  startReview: {
    from: ['SUBMITTED'],
    to: 'IN_REVIEW',
    mutation: 'startSubsidyReview',
    label: 'In behandeling nemen | Start review',
  },
  requestInformation: {
    from: ['IN_REVIEW'],
    to: 'INFORMATION_REQUESTED',
    mutation: 'requestSubsidyInformation',
    label: 'Informatie opvragen | Request information',
  },
  receiveInformation: {
    from: ['INFORMATION_REQUESTED'],
    to: 'IN_REVIEW',
    mutation: 'receiveSubsidyInformation',
    label: 'Informatie ontvangen | Information received',
  },
  proposeGrant: {
    from: ['IN_REVIEW'],
    to: 'IN_REVIEW',
    mutation: 'proposeSubsidyGrant',
    amount: 'required',
    label: 'Verlening voorstellen | Propose grant',
  },
  approveGrant: {
    from: ['IN_REVIEW'],
    to: 'GRANTED',
    mutation: 'approveSubsidyGrant',
    amount: 'required',
    expectsVersion: true,
    label: 'Voorstel goedkeuren | Approve proposal',
  },
  grant: {
    from: ['IN_REVIEW'],
    to: 'GRANTED',
    mutation: 'grantSubsidy',
    amount: 'required',
    label: 'Verlenen | Grant',
  },
  reject: { from: ['IN_REVIEW'], to: 'REJECTED', mutation: 'rejectSubsidyApplication', label: 'Afwijzen | Reject' },
  withdraw: {
    from: ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'INFORMATION_REQUESTED'],
    to: 'WITHDRAWN',
    mutation: 'withdrawSubsidyApplication',
    label: 'Intrekken | Withdraw',
  },
  payAdvance: {
    from: ['GRANTED'],
    to: 'ADVANCE_PAID',
    mutation: 'paySubsidyAdvance',
    amount: 'required',
    label: 'Voorschot betalen | Pay advance',
  },
  receiveAccountability: {
    from: ['ADVANCE_PAID'],
    to: 'ACCOUNTABILITY_SUBMITTED',
    mutation: 'receiveSubsidyAccountability',
    amount: 'optional',
    label: 'Verantwoording ontvangen | Accountability received',
  },
  setFinalAmount: {
    from: ['ACCOUNTABILITY_SUBMITTED'],
    to: 'FINAL_AMOUNT_SET',
    mutation: 'setSubsidyFinalAmount',
    amount: 'required',
    label: 'Vaststellen | Set final amount',
  },
  close: { from: ['FINAL_AMOUNT_SET'], to: 'CLOSED', mutation: 'closeSubsidyApplication', label: 'Afsluiten | Close' },
} as const satisfies Record<string, TransitionRule>;

export interface TransitionRule {
  from: readonly State[];
  to: State;
  mutation: string;
  amount?: 'required' | 'optional';
  expectsVersion?: true;
  label: string;
}

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
