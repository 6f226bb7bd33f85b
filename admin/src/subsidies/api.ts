// Data for the grant officer's screens: plain GraphQL calls against /graphql (the session
// cookie goes along), the Dutch labels of states and transitions, and money in euros.
import { GraphQLRequestError as ApiError } from '../data/graphql';

export { graphql, GraphQLRequestError as ApiError } from '../data/graphql';

export const STATE_LABELS: Record<string, string> = {
  DRAFT: 'Concept',
  SUBMITTED: 'Ingediend',
  IN_REVIEW: 'In behandeling',
  INFORMATION_REQUESTED: 'Informatie gevraagd',
  GRANTED: 'Verleend',
  REJECTED: 'Afgewezen',
  WITHDRAWN: 'Ingetrokken',
  ADVANCE_PAID: 'Voorschot betaald',
  ACCOUNTABILITY_SUBMITTED: 'Verantwoording ontvangen',
  FINAL_AMOUNT_SET: 'Vastgesteld',
  CLOSED: 'Afgesloten',
};
export const OPEN_STATES = ['SUBMITTED', 'IN_REVIEW', 'INFORMATION_REQUESTED'];

export interface TransitionSpec {
  mutation: string;
  label: string;
  amount?: { label: string; required: boolean };
  tone?: 'primary' | 'error';
  /** Approves the proposal as read: sends its amount and the application's version (the server refuses a changed one). */
  approvesProposal?: boolean;
}

export const TRANSITIONS: Record<string, TransitionSpec> = {
  submit: { mutation: 'submitSubsidyApplication', label: 'Indienen' },
  startReview: { mutation: 'startSubsidyReview', label: 'In behandeling nemen' },
  requestInformation: { mutation: 'requestSubsidyInformation', label: 'Informatie opvragen' },
  receiveInformation: { mutation: 'receiveSubsidyInformation', label: 'Informatie ontvangen' },
  proposeGrant: { mutation: 'proposeSubsidyGrant', label: 'Verlening voorstellen', amount: { label: 'Voorgesteld bedrag (€)', required: true } },
  approveGrant: { mutation: 'approveSubsidyGrant', label: 'Voorstel goedkeuren', approvesProposal: true },
  grant: { mutation: 'grantSubsidy', label: 'Verlenen', amount: { label: 'Te verlenen bedrag (€)', required: true } },
  reject: { mutation: 'rejectSubsidyApplication', label: 'Afwijzen', tone: 'error' },
  withdraw: { mutation: 'withdrawSubsidyApplication', label: 'Intrekken', tone: 'error' },
  payAdvance: { mutation: 'paySubsidyAdvance', label: 'Voorschot betalen', amount: { label: 'Voorschot (€)', required: true } },
  receiveAccountability: { mutation: 'receiveSubsidyAccountability', label: 'Verantwoording ontvangen', amount: { label: 'Werkelijke kosten (€)', required: false } },
  setFinalAmount: { mutation: 'setSubsidyFinalAmount', label: 'Vaststellen', amount: { label: 'Vastgesteld bedrag (€)', required: true } },
  close: { mutation: 'closeSubsidyApplication', label: 'Afsluiten' },
};

export const OPERATION_LABELS: Record<string, string> = Object.fromEntries(Object.entries(TRANSITIONS).map(([name, spec]) => [name, spec.label]));

const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
export const euro = (cents: number | null | undefined) => (cents === null || cents === undefined ? '–' : EURO.format(cents / 100));

/** "1.234,56" or "1234.56" -> cents; null when not a amount. */
export function parseEuros(text: string): number | null {
  const clean = text.trim().replace(/^€\s*/, '');
  if (!clean) return null;
  const normalised = clean.includes(',') ? clean.replace(/\./g, '').replace(',', '.') : clean;
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return null;
  return Math.round(Number(normalised) * 100);
}

export const dateText = (iso: string | null | undefined) =>
  iso ? new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso)) : '–';
export const dateTimeText = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

export interface QueueRow {
  id: string;
  reference: string;
  activity: string;
  state: string;
  requestedCents: number;
  grantedCents: number | null;
  proposedCents: number | null;
  decisionDueOn: string | null;
  daysLeft: number | null;
  overdue: boolean;
  clockPaused: boolean;
  assignedToId: string | null;
  applicant: { name: string };
  scheme: { id: string; name: string };
}

export const QUEUE_FIELDS = 'id reference activity state requestedCents grantedCents proposedCents decisionDueOn daysLeft overdue clockPaused assignedToId applicant { name } scheme { id name }';

export interface Application extends QueueRow {
  version: number;
  description: string | null;
  contactName: string | null;
  contactEmail: string | null;
  plannedStartOn: string | null;
  plannedEndOn: string | null;
  advancePaidCents: number | null;
  finalCents: number | null;
  reclaimCents: number | null;
  actualCostsCents: number | null;
  receivedOn: string | null;
  pausedDays: number;
  decidedOn: string | null;
  decisionGrounds: string | null;
  allowedTransitions: string[];
  budgetLines: { description: string; amountCents: number }[];
  transitions: { id: string; operation: string; fromState: string | null; toState: string; reason: string; actorLabel: string | null; amountCents: number | null; at: string }[];
  payments: { id: string; kind: string; amountCents: number; paidOn: string }[];
  documents: { id: string; kind: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; createdAt: string; uploadedBy: string | null }[];
}

export const APPLICATION_QUERY = `query ($id: ID!) { subsidyApplication(id: $id) {
  ${QUEUE_FIELDS} version description contactName contactEmail plannedStartOn plannedEndOn advancePaidCents finalCents
  reclaimCents actualCostsCents receivedOn pausedDays decidedOn decisionGrounds allowedTransitions
  budgetLines { description amountCents }
  transitions { id operation fromState toState reason actorLabel amountCents at }
  payments { id kind amountCents paidOn }
  documents { id kind fileName contentType sizeBytes sha256 createdAt uploadedBy }
} }`;

export async function uploadDocument(applicationId: string, file: File, kind: string): Promise<void> {
  const response = await fetch(`/files/applications/${applicationId}?${new URLSearchParams({ kind, name: file.name })}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { errors?: { message: string }[] };
    throw new ApiError(body.errors?.[0]?.message ?? `Uploaden mislukt (${response.status})`);
  }
}
