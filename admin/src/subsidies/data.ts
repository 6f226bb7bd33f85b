// The grant officer's screens talk to the API through the data provider: lists and records with
// useGetList/useGetOne (the `meta.select` below adds the nested parts a screen shows), and the
// domain operations as custom methods (transitionSubsidy, countSubsidyApplications,
// uploadSubsidyDocument). Which transitions exist, what they are called and what they take is
// the server's table (`subsidyTransitions`); their words are the schema's enum labels.
import type { Request } from '../data/request';
import { translateError } from '../data/errors';

export const APPLICATIONS = 'subsidyApplications';
export const SCHEMES = 'subsidySchemes';

/** States in which an application awaits a decision (the officer's open work). */
export const OPEN_STATES = ['SUBMITTED', 'IN_REVIEW', 'INFORMATION_REQUESTED'];

export interface TransitionRule {
  operation: string;
  mutation: string;
  from: string[];
  to: string;
  takesAmount: boolean;
  amountRequired: boolean;
  /** Names the proposal read: sends its amount and the application's version (the server refuses a changed one). */
  expectsVersion: boolean;
}

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

/** Added to the generated selection of an application: the names a queue row shows. */
export const QUEUE_SELECT = 'applicant { name } scheme { id name }';

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
  transitions: {
    id: string;
    operation: string;
    fromState: string | null;
    toState: string;
    reason: string;
    actorLabel: string | null;
    amountCents: number | null;
    at: string;
  }[];
  payments: { id: string; kind: string; amountCents: number; paidOn: string }[];
  documents: {
    id: string;
    kind: string;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    createdAt: string;
    uploadedBy: string | null;
  }[];
}

/** Added to the generated selection of an application on its own page. */
export const APPLICATION_SELECT = `${QUEUE_SELECT} allowedTransitions
  budgetLines { description amountCents }
  transitions { id operation fromState toState reason actorLabel amountCents at }
  payments { id kind amountCents paidOn }
  documents { id kind fileName contentType sizeBytes sha256 createdAt uploadedBy }`;

export interface Scheme {
  id: string;
  name: string;
  year: number;
  description: string | null;
  ceilingCents: number | null;
  grantedCents: number | null;
  remainingCents: number | null;
  maxPerApplicationCents: number | null;
  fourEyesThresholdCents: number | null;
  decisionTermWeeks: number;
  opensOn: string | null;
  closesOn: string | null;
}

export interface TransitionInput {
  reason: string;
  /** One key per opened dialog: a double click or a retry after a lost answer acts once. */
  idempotencyKey: string;
  amountCents?: number | null;
  /** For a rule that expectsVersion: the version read (the amount is then the proposal read). */
  expectedVersion?: number;
}

export interface SubsidyMethods {
  getSubsidyTransitions(): Promise<TransitionRule[]>;
  transitionSubsidy(
    id: string,
    operation: string,
    input: TransitionInput,
  ): Promise<{ id: string; state: string; version: number }>;
  /** One request: the number of applications per named API filter (the queue's tabs). */
  countSubsidyApplications<K extends string>(filters: Record<K, Record<string, unknown>>): Promise<Record<K, number>>;
  uploadSubsidyDocument(applicationId: string, file: File, kind: string): Promise<void>;
}

export function subsidyMethods(request: Request): SubsidyMethods {
  // The workflow does not change while the console runs: asked once.
  let rules: Promise<TransitionRule[]> | undefined;
  const getSubsidyTransitions = () => {
    rules ??= request<{ subsidyTransitions: TransitionRule[] }>(
      '{ subsidyTransitions { operation mutation from to takesAmount amountRequired expectsVersion } }',
    )
      .then((data) => data.subsidyTransitions)
      .catch((error) => {
        rules = undefined;
        throw error;
      });
    return rules;
  };
  return {
    getSubsidyTransitions,
    async transitionSubsidy(id, operation, input) {
      const rule = (await getSubsidyTransitions()).find((candidate) => candidate.operation === operation);
      if (!rule) throw new Error(`Unknown transition ${operation}`);
      const declarations = ['$id: ID!', '$reason: String!', '$key: String'];
      const args = ['id: $id', 'reason: $reason', 'idempotencyKey: $key'];
      if (rule.takesAmount) {
        declarations.push(`$amount: Int${rule.amountRequired ? '!' : ''}`);
        args.push('amountCents: $amount');
      }
      if (rule.expectsVersion) {
        declarations.push('$version: Int!');
        args.push('expectedVersion: $version');
      }
      const data = await request<Record<string, { id: string; state: string; version: number }>>(
        `mutation (${declarations.join(', ')}) { result: ${rule.mutation}(${args.join(', ')}) { id state version } }`,
        {
          id,
          reason: input.reason,
          key: input.idempotencyKey,
          ...(rule.takesAmount ? { amount: input.amountCents ?? null } : {}),
          ...(rule.expectsVersion ? { version: input.expectedVersion } : {}),
        },
      );
      return data.result!;
    },
    async countSubsidyApplications(filters) {
      const names = Object.keys(filters);
      if (!names.length) return {} as never;
      const data = await request<Record<string, { totalCount: number }>>(
        `query (${names.map((_, index) => `$f${index}: SubsidyApplicationFilter`).join(', ')}) {
          ${names.map((_, index) => `c${index}: subsidyApplications(filter: $f${index}) { totalCount }`).join('\n')}
        }`,
        Object.fromEntries(names.map((name, index) => [`f${index}`, filters[name as keyof typeof filters]])),
      );
      return Object.fromEntries(names.map((name, index) => [name, data[`c${index}`]!.totalCount])) as never;
    },
    async uploadSubsidyDocument(applicationId, file, kind) {
      const response = await fetch(
        `/files/applications/${applicationId}?${new URLSearchParams({ kind, name: file.name })}`,
        {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': file.type || 'application/octet-stream' },
          body: file,
        },
      );
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as {
          errors?: { message: string; extensions?: Record<string, unknown> }[];
        };
        throw translateError({
          body: { graphQLErrors: body.errors?.length ? body.errors : [{ message: `HTTP ${response.status}` }] },
        });
      }
    },
  };
}
