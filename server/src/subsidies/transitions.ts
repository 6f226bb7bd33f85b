// The subsidy workflow as a service: each transition checks the state, its own rules and the
// idempotency key, and writes the application, the timeline row, payments and the audit event in
// one transaction. No GraphQL wiring here: schema/subsidies.ts exposes it as mutations.
import { createHash } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { Prisma, type PrismaClient, type SubsidyApplication, type SubsidyApplicationState } from '@welkom/db';
import type { Context } from '../context.js';
import { type FieldError, badUserInput, conflict, notFound } from '../crud/errors.js';
import { getEnum } from '../crud/dmmf.js';
import { checkId } from '../crud/validation.js';
import { updateAudited } from '../crud/write.js';
import { db } from '../db.js';
import { identityId } from './access.js';
import { decisionDueOn, deadlineStatus, formatDate, pauseLength, todayInAmsterdam } from './calendar.js';
import { TRANSITIONS, type Transition, allowedTransitions } from './workflow.js';
import { apiError } from '../api-error.js';

export type Tx = Prisma.TransactionClient;

export /** What a scheme has committed: the final amount where set, else the granted amount. */
async function committedCents(client: Tx | ReturnType<typeof db>, schemeId: string): Promise<number> {
  const [row] = await client.$queryRaw<{ cents: bigint | null }[]>`
    SELECT SUM(COALESCE("finalCents", "grantedCents"))::bigint AS cents
    FROM "SubsidyApplication" WHERE "schemeId" = ${schemeId}::uuid AND "grantedCents" IS NOT NULL`;
  return Number(row?.cents ?? 0);
}

/** The decision clock of an application, for the daysLeft and overdue fields. */
export function clockOf(application: Pick<SubsidyApplication, 'state' | 'decisionDueOn' | 'pausedSince'>) {
  const undecided = ['SUBMITTED', 'IN_REVIEW', 'INFORMATION_REQUESTED'].includes(application.state);
  if (!undecided) return { daysLeft: null, overdue: false };
  return deadlineStatus(application.decisionDueOn, application.pausedSince, todayInAmsterdam());
}

// ---- errors (shared with the budget and limits operations) --------------------------------------------------------------------------------
export function transitionNotAllowed(transition: Transition, application: SubsidyApplication, actorId: string | null) {
  const allowed = allowedTransitions(application, actorId);
  // In words the reader uses (the step's and state's labels), not the API's names; those are in the extensions.
  const half = (label: string, index: 0 | 1) => label.split(' | ')[index] ?? label;
  const stateLabel =
    getEnum('SubsidyApplicationState')
      .values.find((value) => value.name === application.state)
      ?.documentation?.split('\n')[0] ?? application.state;
  const steps = (index: 0 | 1) => allowed.map((name) => half(TRANSITIONS[name].label, index).toLowerCase()).join(', ');
  return apiError(
    'TRANSITION_NOT_ALLOWED',
    `${half(TRANSITIONS[transition].label, 0)} kan niet in de status "${half(stateLabel, 0).toLowerCase()}". Nu toegestaan: ${steps(0) || 'niets'}.`,
    `${half(TRANSITIONS[transition].label, 1)} is not possible in the state "${half(stateLabel, 1).toLowerCase()}". Allowed now: ${steps(1) || 'nothing'}.`,
    { transition, state: application.state, allowed },
  );
}

export function amountError(field: string, reason: string, message: string, messageEn: string): GraphQLError {
  return badUserInput([{ field, reason, message, messageEn }]);
}

export const euro = (cents: number) =>
  new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);

// ---- the transition machinery -------------------------------------------------------------
export interface TransitionArgs {
  id: string;
  reason: string;
  idempotencyKey?: string | null;
  amountCents?: number | null;
  on?: Date | null;
  /** The version of the application the caller read (approveGrant: the proposal it approves). */
  expectedVersion?: number | null;
}

interface Step {
  /** Changes to the application (state comes from the table). */
  data?: Prisma.SubsidyApplicationUncheckedUpdateInput;
  /** Amount shown in the timeline. */
  amountCents?: number | null;
  payments?: { kind: 'ADVANCE' | 'SETTLEMENT' | 'RECLAIM'; amountCents: number }[];
  /** The state to move to, when not the table's (a proposal stays in review). */
  to?: SubsidyApplicationState;
}

type StepFn = (
  application: SubsidyApplication,
  args: TransitionArgs & { on: Date },
  tx: Tx,
  context: Pick<Context, 'identity' | 'requestId'>,
) => Promise<Step>;

export function checkReason(reason: string): string {
  const trimmed = reason.trim();
  const errors: FieldError[] = [];
  if (!trimmed)
    errors.push({
      field: 'reason',
      reason: 'required',
      message: 'Een reden is verplicht.',
      messageEn: 'A reason is required.',
    });
  if (trimmed.length > 5000)
    errors.push({
      field: 'reason',
      reason: 'too_long',
      message: 'De reden is te lang (max. 5000 tekens).',
      messageEn: 'The reason is too long (max 5000 characters).',
    });
  if (errors.length) throw badUserInput(errors);
  return trimmed;
}

export function checkKey(key: string | null | undefined): string | null {
  if (key === null || key === undefined) return null;
  if (!/^[A-Za-z0-9_.:-]{8,100}$/.test(key)) {
    throw amountError(
      'idempotencyKey',
      'invalid_format',
      'De idempotentiesleutel moet 8 tot 100 letters, cijfers of _.:- zijn.',
      'The idempotency key must be 8 to 100 letters, digits or _.:-.',
    );
  }
  return key;
}

export function positiveAmount(amount: number | null | undefined, allowZero = false): number {
  if (amount === null || amount === undefined)
    throw amountError('amountCents', 'required', 'Een bedrag is verplicht.', 'An amount is required.');
  if (!Number.isInteger(amount) || amount < 0 || (!allowZero && amount === 0)) {
    throw amountError(
      'amountCents',
      'out_of_range',
      'Het bedrag moet een positief aantal eurocent zijn.',
      'The amount must be a positive number of euro cents.',
    );
  }
  return amount;
}

/** Locks the scheme and checks that `amount` fits under its ceiling and per-application maximum. */
async function checkCeiling(tx: Tx, application: SubsidyApplication, amount: number): Promise<void> {
  if (amount > application.requestedCents) {
    throw amountError(
      'amountCents',
      'exceeds_requested',
      `Het bedrag (${euro(amount)}) is hoger dan het aangevraagde bedrag (${euro(application.requestedCents)}).`,
      `The amount exceeds the amount requested (${application.requestedCents} cents).`,
    );
  }
  // Serialises grants within one scheme: the sum below cannot change until this commits.
  const [scheme] = await tx.$queryRaw<{ ceilingCents: number | null; maxPerApplicationCents: number | null }[]>`
    SELECT "ceilingCents", "maxPerApplicationCents" FROM "SubsidyScheme" WHERE id = ${application.schemeId}::uuid FOR UPDATE`;
  if (!scheme) throw notFound('SubsidyScheme', application.schemeId);
  if (scheme.maxPerApplicationCents !== null && amount > scheme.maxPerApplicationCents) {
    throw amountError(
      'amountCents',
      'exceeds_maximum',
      `Het bedrag is hoger dan het maximum per aanvraag (${euro(scheme.maxPerApplicationCents)}).`,
      `The amount exceeds the maximum per application (${scheme.maxPerApplicationCents} cents).`,
    );
  }
  const committed = await committedCents(tx, application.schemeId);
  if (scheme.ceilingCents === null) {
    throw apiError(
      'CEILING_EXCEEDED',
      'Het subsidieplafond van deze regeling is niet vastgesteld; er kan niets worden verleend.',
      'The scheme has no ceiling set; nothing can be granted.',
      { reason: 'ceiling_unknown', ceilingCents: null, grantedCents: committed },
    );
  }
  const remaining = scheme.ceilingCents - committed;
  if (amount > remaining) {
    throw apiError(
      'CEILING_EXCEEDED',
      `Het subsidieplafond wordt overschreden: nog beschikbaar ${euro(Math.max(0, remaining))}, gevraagd ${euro(amount)}.`,
      `The budget ceiling would be exceeded: ${remaining} cents remain, ${amount} requested.`,
      { ceilingCents: scheme.ceilingCents, grantedCents: committed, remainingCents: remaining, amountCents: amount },
    );
  }
}

async function fourEyesThreshold(tx: Tx, schemeId: string): Promise<number | null> {
  const scheme = await tx.subsidyScheme.findUniqueOrThrow({
    where: { id: schemeId },
    select: { fourEyesThresholdCents: true },
  });
  return scheme.fourEyesThresholdCents;
}

const decided = (args: { on: Date; reason: string }) => ({
  decidedOn: args.on,
  decisionGrounds: args.reason,
  proposedCents: null,
  proposedById: null,
});

const STEPS: Record<Transition, StepFn> = {
  submit: async (application, args, tx) => {
    if (application.requestedCents <= 0) {
      throw amountError(
        'budgetLines',
        'required',
        'Vul eerst de begroting in (setSubsidyBudget).',
        'Set the budget first (setSubsidyBudget).',
      );
    }
    const scheme = await tx.subsidyScheme.findUniqueOrThrow({ where: { id: application.schemeId } });
    const termWeeks = scheme.decisionTermWeeks >= 1 && scheme.decisionTermWeeks <= 52 ? scheme.decisionTermWeeks : 8;
    return {
      amountCents: application.requestedCents,
      data: {
        receivedOn: args.on,
        decisionTermWeeks: termWeeks,
        pausedDays: 0,
        pausedSince: null,
        decisionDueOn: decisionDueOn({ receivedOn: args.on, termWeeks, pausedDays: 0 }),
      },
    };
  },
  startReview: async (application, _args, _tx, context) => ({
    data: application.assignedToId || context.identity.kind !== 'user' ? {} : { assignedToId: context.identity.userId },
  }),
  requestInformation: async (_application, args) => ({ data: { pausedSince: args.on, decisionDueOn: null } }),
  receiveInformation: async (application, args) => {
    const paused = application.pausedDays + pauseLength(application.pausedSince!, args.on);
    return {
      data: {
        pausedDays: paused,
        pausedSince: null,
        decisionDueOn: decisionDueOn({
          receivedOn: application.receivedOn!,
          termWeeks: application.decisionTermWeeks ?? 8,
          pausedDays: paused,
        }),
      },
    };
  },
  proposeGrant: async (application, args, tx, context) => {
    const amount = positiveAmount(args.amountCents);
    await checkCeiling(tx, application, amount);
    return { to: 'IN_REVIEW', amountCents: amount, data: { proposedCents: amount, proposedById: identityId(context) } };
  },
  approveGrant: async (application, args, tx, context) => {
    if (application.proposedCents === null)
      throw transitionNotAllowed('approveGrant', application, identityId(context));
    if (application.proposedById === identityId(context)) {
      throw apiError(
        'FOUR_EYES_REQUIRED',
        'Een tweede subsidieadviseur moet dit voorstel goedkeuren, niet wie het deed.',
        'A second grant officer must approve this proposal, not its author.',
        { reason: 'own_proposal' },
      );
    }
    // An approval names what it approves: a proposal changed since it was read is not approved.
    const amount = positiveAmount(args.amountCents);
    if (amount !== application.proposedCents) {
      throw conflict(
        'proposal_changed',
        `U keurt ${euro(amount)} goed, maar het voorstel is nu ${euro(application.proposedCents)}. Lees het voorstel opnieuw.`,
        `You approve ${amount} cents, but the proposal is now ${application.proposedCents} cents. Read the proposal again.`,
        {
          entity: 'SubsidyApplication',
          id: application.id,
          amountCents: amount,
          proposedCents: application.proposedCents,
          currentVersion: application.version,
        },
      );
    }
    if (args.expectedVersion !== application.version) {
      throw conflict(
        'stale_version',
        `De aanvraag is gewijzigd sinds u het voorstel las (u las versie ${args.expectedVersion}, de huidige is ${application.version}). Lees het voorstel opnieuw.`,
        `The application changed since you read the proposal (you read version ${args.expectedVersion}, current is ${application.version}). Read the proposal again.`,
        {
          entity: 'SubsidyApplication',
          id: application.id,
          expectedVersion: args.expectedVersion,
          currentVersion: application.version,
          proposedCents: application.proposedCents,
        },
      );
    }
    await checkCeiling(tx, application, application.proposedCents);
    return {
      amountCents: application.proposedCents,
      data: { grantedCents: application.proposedCents, ...decided(args) },
    };
  },
  grant: async (application, args, tx) => {
    const amount = positiveAmount(args.amountCents);
    const threshold = await fourEyesThreshold(tx, application.schemeId);
    if (threshold !== null && amount > threshold) {
      throw apiError(
        'FOUR_EYES_REQUIRED',
        `Boven ${euro(threshold)} is de goedkeuring van een tweede subsidieadviseur nodig: stel de verlening voor (proposeGrant).`,
        `Above ${threshold} cents a second grant officer must approve: propose the grant (proposeGrant).`,
        { reason: 'above_threshold', thresholdCents: threshold },
      );
    }
    await checkCeiling(tx, application, amount);
    return { amountCents: amount, data: { grantedCents: amount, ...decided(args) } };
  },
  reject: async (_application, args) => ({ data: decided(args) }),
  withdraw: async () => ({ data: { pausedSince: null, proposedCents: null, proposedById: null } }),
  payAdvance: async (application, args) => {
    const amount = positiveAmount(args.amountCents);
    if (amount > application.grantedCents!) {
      throw amountError(
        'amountCents',
        'exceeds_granted',
        `Het voorschot is hoger dan het verleende bedrag (${euro(application.grantedCents!)}).`,
        'The advance exceeds the granted amount.',
      );
    }
    return {
      amountCents: amount,
      data: { advancePaidCents: amount },
      payments: [{ kind: 'ADVANCE', amountCents: amount }],
    };
  },
  receiveAccountability: async (_application, args) => {
    const costs =
      args.amountCents === null || args.amountCents === undefined ? null : positiveAmount(args.amountCents, true);
    return { amountCents: costs, data: { accountabilityOn: args.on, actualCostsCents: costs } };
  },
  setFinalAmount: async (application, args) => {
    const amount = positiveAmount(args.amountCents, true);
    if (amount > application.grantedCents!) {
      throw amountError(
        'amountCents',
        'exceeds_granted',
        `Het vastgestelde bedrag is hoger dan het verleende bedrag (${euro(application.grantedCents!)}).`,
        'The final amount exceeds the granted amount.',
      );
    }
    const paid = application.advancePaidCents ?? 0;
    const reclaim = Math.max(0, paid - amount);
    const settlement = Math.max(0, amount - paid);
    return {
      amountCents: amount,
      data: { finalCents: amount, reclaimCents: reclaim },
      payments: [
        ...(settlement ? [{ kind: 'SETTLEMENT' as const, amountCents: settlement }] : []),
        ...(reclaim ? [{ kind: 'RECLAIM' as const, amountCents: reclaim }] : []),
      ],
    };
  },
  close: async () => ({}),
};

/** One transition in its own transaction (also used by the demo seed, with its own client). */
export async function runTransition(
  transition: Transition,
  args: TransitionArgs,
  context: Pick<Context, 'identity' | 'requestId'>,
  query: object = {},
  client: PrismaClient = db(),
) {
  checkId(args.id);
  const reason = checkReason(args.reason);
  const idempotencyKey = checkKey(args.idempotencyKey);
  const today = todayInAmsterdam();
  const on = args.on ?? today;
  if (on.getTime() > today.getTime()) {
    throw amountError('on', 'out_of_range', 'De datum ligt in de toekomst.', 'The date is in the future.');
  }
  const actorId = identityId(context);
  const requestHash = idempotencyKey ? fingerprint(transition, { ...args, reason }) : null;
  try {
    return await client.$transaction(async (tx) => {
      // Every transition of one application queues here, so two clicks cannot both act.
      const locked = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM "SubsidyApplication" WHERE id = ${args.id}::uuid FOR UPDATE`;
      if (!locked.length) throw notFound('SubsidyApplication', args.id);
      if (idempotencyKey) {
        const earlier = await tx.subsidyTransition.findUnique({ where: { idempotencyKey } });
        if (earlier) {
          // Rows from before the fingerprint existed compare on application and action only.
          if (
            earlier.applicationId !== args.id ||
            earlier.operation !== transition ||
            (earlier.requestHash ?? requestHash) !== requestHash
          ) {
            throw idempotencyKeyReused();
          }
          // A retry of a request that already succeeded: answer as it did, act nothing.
          return tx.subsidyApplication.findUniqueOrThrow({ ...query, where: { id: args.id } });
        }
      }
      const before = await tx.subsidyApplication.findUniqueOrThrow({ where: { id: args.id } });
      if (!(TRANSITIONS[transition].from as readonly string[]).includes(before.state)) {
        throw transitionNotAllowed(transition, before, actorId);
      }
      if (
        on.getTime() < (before.receivedOn?.getTime() ?? 0) ||
        (before.pausedSince && on.getTime() < before.pausedSince.getTime())
      ) {
        throw amountError(
          'on',
          'out_of_range',
          'De datum ligt voor een eerdere stap van deze aanvraag.',
          'The date is before an earlier step of this application.',
        );
      }
      const step = await STEPS[transition](before, { ...args, reason, on }, tx, context);
      const to = step.to ?? TRANSITIONS[transition].to;
      let answer: unknown;
      await updateAudited(tx, {
        model: 'SubsidyApplication',
        id: args.id,
        expectedVersion: before.version,
        context,
        operation: transitionOperation(transition),
        before,
        afterExtra: { transitionReason: reason },
        data: { ...(step.data as Record<string, unknown>), state: to },
        // The timeline and payments are other tables (the written row is the after-snapshot);
        // they and the answer come before the audit event, whose chain lock is held until commit.
        beforeAudit: async () => {
          await tx.subsidyTransition.create({
            data: {
              applicationId: args.id,
              operation: transition,
              fromState: before.state,
              toState: to,
              reason,
              amountCents: step.amountCents ?? null,
              idempotencyKey,
              requestHash,
              actorId: context.identity.kind === 'user' ? context.identity.userId : null,
              actorLabel:
                context.identity.kind === 'user' ? `${context.identity.name} <${context.identity.email}>` : null,
            },
          });
          for (const payment of step.payments ?? []) {
            await tx.subsidyPayment.create({
              data: { applicationId: args.id, kind: payment.kind, amountCents: payment.amountCents, paidOn: on },
            });
          }
          answer = await tx.subsidyApplication.findUniqueOrThrow({ ...query, where: { id: args.id } });
        },
      });
      return answer as Awaited<ReturnType<typeof tx.subsidyApplication.findUniqueOrThrow>>;
    });
  } catch (error) {
    // The same key on another application at the same moment: that one committed first (the
    // key is unique), so this one is a reuse, not an internal error.
    if (
      idempotencyKey &&
      error instanceof Prisma.PrismaClientKnownRequestError &&
      error.code === 'P2002' &&
      JSON.stringify(error.meta ?? {}).includes('idempotencyKey')
    ) {
      throw idempotencyKeyReused();
    }
    throw error;
  }
}

/** What makes two requests with one idempotency key the same request. */
function fingerprint(transition: Transition, args: TransitionArgs & { reason: string }): string {
  const request = {
    applicationId: args.id,
    transition,
    reason: args.reason,
    amountCents: args.amountCents ?? null,
    on: args.on ? formatDate(args.on) : null,
    expectedVersion: args.expectedVersion ?? null,
  };
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

function idempotencyKeyReused(): GraphQLError {
  return apiError(
    'IDEMPOTENCY_KEY_REUSED',
    'idempotencyKey: deze sleutel is al gebruikt voor een ander verzoek (een andere aanvraag, handeling, bedrag, datum of reden). Gebruik een nieuwe sleutel voor een nieuwe handeling.',
    'This idempotency key was already used for a different request (another application, action, amount, date or reason). Use a new key for a new action.',
    { field: 'idempotencyKey', reason: 'reused' },
  );
}

/** grant -> GRANT, receiveInformation -> RECEIVE_INFORMATION: the audit trail's operation names. */
export const transitionOperation = (transition: Transition) =>
  transition.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
