// Subsidies for migrant organisations (action 3.5 2.A): schemes and applications through the
// uniform API, and the workflow as explicit transitions.
//
// - Generic create/update never touch the state or the money: those fields are read-only
//   there and change only through the transition mutations below, each of which checks the
//   state, the role and its own rules, takes a reason and an idempotency key, and writes the
//   timeline row and the audit event in the same transaction.
// - The ceiling holds under concurrency: a grant locks its scheme's row (SELECT ... FOR
//   UPDATE) before summing what is granted, so grants within one scheme are serialised.
// - Partner tokens with `subsidies:own` read their own organisation's applications through
//   `ownSubsidyApplications`, a narrow type of its own; the staff type is not theirs.
// - Money records are never deleted (refuseDelete; payments and timeline are Restrict in the
//   database), a scheme's limits move only through setSubsidySchemeLimits (administrators), an
//   approval names the amount and version it approves, and an idempotency key is bound to the
//   fingerprint of its first request.
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { Prisma, type PrismaClient, type SubsidyApplication, type SubsidyApplicationState } from '@welkom/db';
import { recordAuditEvent } from '../audit/record.js';
import { anyone, either, roles, tokenScope } from '../auth/rules.js';
import { manageUsers } from '../auth/permissions.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { defineEntity, defineLinkObject, guardedBy } from '../crud/entity.js';
import { enumRef } from '../crud/enums.js';
import { type FieldError, badUserInput, conflict, notFound, staleVersion } from '../crud/errors.js';
import { checkId } from '../crud/validation.js';
import { db } from '../db.js';
import {
  decisionDueOn, deadlineStatus, formatDate, pauseLength, todayInAmsterdam,
} from '../subsidies/calendar.js';
import { TRANSITIONS, type Transition, allowedTransitions } from '../subsidies/workflow.js';

export const grantOfficer = roles('GRANT_OFFICER');
/** Staff who may read applications: grant officers, viewers (and ADMIN). */
export const applicationReaders = roles('GRANT_OFFICER', 'VIEWER');
export const ownApplications = tokenScope('subsidies:own');

type Tx = Prisma.TransactionClient;
const MONEY_FIELDS = [
  'requestedCents', 'proposedCents', 'proposedById', 'grantedCents', 'advancePaidCents', 'finalCents', 'reclaimCents',
  'actualCostsCents',
];
const STATE_FIELDS = [
  'state', 'receivedOn', 'decisionTermWeeks', 'pausedDays', 'pausedSince', 'decisionDueOn', 'decidedOn',
  'decisionGrounds', 'accountabilityOn',
];

// ---- the parts of an application, readable with it ----------------------------------------
for (const model of ['SubsidyBudgetLine', 'SubsidyTransition', 'SubsidyPayment', 'SubsidyDocument']) {
  defineLinkObject(model, applicationReaders);
}

// ---- schemes ---------------------------------------------------------------------------
/** What a scheme has committed: the final amount where set, else the granted amount. */
async function committedCents(client: Tx | ReturnType<typeof db>, schemeId: string): Promise<number> {
  const [row] = await client.$queryRaw<{ cents: bigint | null }[]>`
    SELECT SUM(COALESCE("finalCents", "grantedCents"))::bigint AS cents
    FROM "SubsidyApplication" WHERE "schemeId" = ${schemeId}::uuid AND "grantedCents" IS NOT NULL`;
  return Number(row?.cents ?? 0);
}

/** The limits that bind every grant: they change only through setSubsidySchemeLimits. */
const SCHEME_LIMITS = ['ceilingCents', 'maxPerApplicationCents', 'fourEyesThresholdCents'] as const;

defineEntity('SubsidyScheme', {
  plural: 'subsidySchemes',
  // A scheme is published; its internal threshold and its running totals are for staff.
  access: { read: anyone, write: grantOfficer, fields: { fourEyesThresholdCents: applicationReaders } },
  hidden: ['applications'],
  readOnly: [...SCHEME_LIMITS],
  // Its applications hold money and timelines; the database refuses too (Restrict), this says why.
  refuseDelete: async (scheme, tx) => {
    const applications = await tx.subsidyApplication.count({ where: { schemeId: scheme.id as string } });
    if (!applications) return undefined;
    return conflict('has_applications',
      `Deze regeling heeft ${applications} aanvraag/aanvragen en kan niet worden verwijderd; sluit de aanvraagperiode (closesOn) in plaats daarvan.`,
      `This scheme has ${applications} application(s) and cannot be deleted; close its application window (closesOn) instead.`,
      { entity: 'SubsidyScheme', id: scheme.id, applications });
  },
  rules: { name: { maxLength: 200 }, description: { maxLength: 5000 } },
  defaultOrder: [{ field: 'year', direction: 'desc' }, { field: 'name', direction: 'asc' }],
  extraFields: (t) => ({
    grantedCents: t.int({
      nullable: true,
      description: 'Verleend tot nu toe (eurocent) | Granted so far (euro cents)\nVastgestelde bedragen tellen mee in plaats van de verleende. | Final amounts count instead of granted ones.',
      authScopes: guardedBy(applicationReaders),
      resolve: (scheme: { id: string }) => committedCents(db(), scheme.id),
    }),
    remainingCents: t.int({
      nullable: true,
      description: 'Nog beschikbaar (eurocent) | Remaining (euro cents)\nLeeg als het plafond onbekend is. | Empty when the ceiling is unknown.',
      authScopes: guardedBy(applicationReaders),
      select: { ceilingCents: true },
      resolve: async (scheme: { id: string; ceilingCents: number | null }) =>
        scheme.ceilingCents === null ? null : scheme.ceilingCents - (await committedCents(db(), scheme.id)),
    }),
  }),
});

// ---- applications --------------------------------------------------------------------------
const DELETABLE_STATES: SubsidyApplicationState[] = ['DRAFT', 'WITHDRAWN'];
const DECIDED_STATES: SubsidyApplicationState[] = ['GRANTED', 'REJECTED', 'WITHDRAWN', 'ADVANCE_PAID', 'ACCOUNTABILITY_SUBMITTED', 'FINAL_AMOUNT_SET', 'CLOSED'];
const identityId = (context: Pick<Context, 'identity'>) =>
  context.identity.kind === 'user' ? context.identity.userId : context.identity.kind === 'token' ? context.identity.tokenId : null;

// The columns the decision clock reads (rows carry only the columns a query selects).
const CLOCK_COLUMNS = { state: true, decisionDueOn: true, pausedSince: true } as const;

defineEntity('SubsidyApplication', {
  plural: 'subsidyApplications',
  access: { read: applicationReaders, write: grantOfficer },
  readOnly: [...MONEY_FIELDS, ...STATE_FIELDS, 'reference'],
  // Listed below in their own order (the timeline by sequence), not the generic one.
  hidden: ['transitions', 'payments', 'documents', 'budgetLines'],
  createOnly: ['schemeId', 'applicantId'],
  // A decision (and its letter) states the application as it was when decided: after that its
  // data changes only through the workflow's own steps, never by a generic edit.
  refuseChange: (application, operation) => {
    const state = application.state as SubsidyApplicationState;
    if (operation !== 'update' || !DECIDED_STATES.includes(state)) return undefined;
    return conflict('decided',
      'Over deze aanvraag is besloten; haar gegevens liggen vast in het besluit en veranderen alleen nog via de stappen van de werkstroom.',
      'This application has been decided; its data is fixed in the decision and changes only through the workflow\'s steps.',
      { entity: 'SubsidyApplication', id: application.id, state });
  },
  // Money and timelines are never deleted: only a draft, or a withdrawn application that never
  // had a payment, may go; everything else ends through the workflow (withdraw, reject, close).
  refuseDelete: async (application, tx) => {
    const state = application.state as SubsidyApplicationState;
    const payments = await tx.subsidyPayment.count({ where: { applicationId: application.id as string } });
    if (DELETABLE_STATES.includes(state) && payments === 0) return undefined;
    return conflict('money_records',
      `Een aanvraag in de status ${state}${payments ? ` met ${payments} betaling(en)` : ''} kan niet worden verwijderd: geld en tijdlijn blijven bewaard. Trek haar in, wijs haar af of sluit haar af via de werkstroom.`,
      `An application in state ${state}${payments ? ` with ${payments} payment(s)` : ''} cannot be deleted: money and timeline are kept. Withdraw, reject or close it through the workflow.`,
      { entity: 'SubsidyApplication', id: application.id, state, payments, deletableStates: DELETABLE_STATES });
  },
  // The timeline of a withdrawn application goes with it, explicitly and into the audit event.
  deleteDependents: async (application, tx) => {
    const where = { applicationId: application.id as string };
    const timeline = await tx.subsidyTransition.findMany({ where, orderBy: { seq: 'asc' } });
    await tx.subsidyTransition.deleteMany({ where });
    return { transitions: timeline };
  },
  rules: {
    activity: { maxLength: 300 },
    description: { maxLength: 10_000 },
    contactName: { maxLength: 200 },
    contactEmail: { maxLength: 200, pattern: /^[^@\s]+@[^@\s]+\.[^@\s]+$/, patternHint: '"naam@voorbeeld.nl"' },
    contactPhone: { maxLength: 50 },
  },
  defaultOrder: [{ field: 'createdAt', direction: 'desc' }],
  extraFields: (t) => ({
    transitions: t.relation('transitions', { description: 'Tijdlijn | Timeline', query: { orderBy: [{ seq: 'asc' }] } }),
    payments: t.relation('payments', { description: 'Betalingen | Payments', query: { orderBy: [{ paidOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] } }),
    documents: t.relation('documents', { description: 'Documenten | Documents', query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
    budgetLines: t.relation('budgetLines', { description: 'Begrotingsregels | Budget lines', query: { orderBy: [{ sortOrder: 'asc' }] } }),
    daysLeft: t.int({
      nullable: true,
      description: 'Dagen tot de uiterste beslisdatum | Days to the decision deadline\nNegatief als die verstreken is; leeg als de termijn stilstaat of niet loopt. | Negative when passed; empty when the clock is paused or not running.',
      select: CLOCK_COLUMNS,
      resolve: (application: SubsidyApplication) => clockOf(application).daysLeft,
    }),
    overdue: t.boolean({
      description: 'Termijn verstreken | Overdue\nNog geen besluit na de uiterste beslisdatum. | No decision after the deadline.',
      select: CLOCK_COLUMNS,
      resolve: (application: SubsidyApplication) => clockOf(application).overdue,
    }),
    clockPaused: t.boolean({
      description: 'Termijn staat stil | Clock paused\nAanvullende informatie gevraagd (Awb 4:15). | Additional information requested (Awb 4:15).',
      select: { pausedSince: true },
      resolve: (application: SubsidyApplication) => application.pausedSince !== null,
    }),
    allowedTransitions: t.stringList({
      description: 'Toegestane overgangen nu | Transitions allowed now\nNamen zoals submit, grant; voor de knoppen van de console. | Names such as submit, grant; for the console\'s buttons.',
      select: { state: true, proposedCents: true, proposedById: true },
      resolve: (application: SubsidyApplication, _args: unknown, context: Context) =>
        grantOfficer.allows(context.identity) ? allowedTransitions(application, identityId(context)) : [],
    }),
  }),
});

function clockOf(application: Pick<SubsidyApplication, 'state' | 'decisionDueOn' | 'pausedSince'>) {
  const undecided = ['SUBMITTED', 'IN_REVIEW', 'INFORMATION_REQUESTED'].includes(application.state);
  if (!undecided) return { daysLeft: null, overdue: false };
  return deadlineStatus(application.decisionDueOn, application.pausedSince, todayInAmsterdam());
}

// ---- errors --------------------------------------------------------------------------------
function transitionNotAllowed(transition: Transition, application: SubsidyApplication, actorId: string | null) {
  const allowed = allowedTransitions(application, actorId);
  return new GraphQLError(
    `${TRANSITIONS[transition].label.split(' | ')[0]} kan niet in de status ${application.state}. Toegestaan: ${allowed.join(', ') || 'geen'}.`,
    {
      extensions: {
        code: 'TRANSITION_NOT_ALLOWED', transition, state: application.state, allowed,
        messageEn: `${transition} is not allowed in state ${application.state}. Allowed: ${allowed.join(', ') || 'none'}.`,
      },
    },
  );
}

function amountError(field: string, reason: string, message: string, messageEn: string): GraphQLError {
  return badUserInput([{ field, reason, message, messageEn }]);
}

const euro = (cents: number) =>
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

type StepFn = (application: SubsidyApplication, args: TransitionArgs & { on: Date }, tx: Tx, context: Pick<Context, 'identity' | 'requestId'>) => Promise<Step>;

function checkReason(reason: string): string {
  const trimmed = reason.trim();
  const errors: FieldError[] = [];
  if (!trimmed) errors.push({ field: 'reason', reason: 'required', message: 'Een reden is verplicht.', messageEn: 'A reason is required.' });
  if (trimmed.length > 5000) errors.push({ field: 'reason', reason: 'too_long', message: 'De reden is te lang (max. 5000 tekens).', messageEn: 'The reason is too long (max 5000 characters).' });
  if (errors.length) throw badUserInput(errors);
  return trimmed;
}

function checkKey(key: string | null | undefined): string | null {
  if (key === null || key === undefined) return null;
  if (!/^[A-Za-z0-9_.:-]{8,100}$/.test(key)) {
    throw amountError('idempotencyKey', 'invalid_format', 'De idempotentiesleutel moet 8 tot 100 letters, cijfers of _.:- zijn.', 'The idempotency key must be 8 to 100 letters, digits or _.:-.');
  }
  return key;
}

function positiveAmount(amount: number | null | undefined, allowZero = false): number {
  if (amount === null || amount === undefined) throw amountError('amountCents', 'required', 'Een bedrag is verplicht.', 'An amount is required.');
  if (!Number.isInteger(amount) || amount < 0 || (!allowZero && amount === 0)) {
    throw amountError('amountCents', 'out_of_range', 'Het bedrag moet een positief aantal eurocent zijn.', 'The amount must be a positive number of euro cents.');
  }
  return amount;
}

/** Locks the scheme and checks that `amount` fits under its ceiling and per-application maximum. */
async function checkCeiling(tx: Tx, application: SubsidyApplication, amount: number): Promise<void> {
  if (amount > application.requestedCents) {
    throw amountError('amountCents', 'exceeds_requested',
      `Het bedrag (${euro(amount)}) is hoger dan het aangevraagde bedrag (${euro(application.requestedCents)}).`,
      `The amount exceeds the amount requested (${application.requestedCents} cents).`);
  }
  // Serialises grants within one scheme: the sum below cannot change until this commits.
  const [scheme] = await tx.$queryRaw<{ ceilingCents: number | null; maxPerApplicationCents: number | null }[]>`
    SELECT "ceilingCents", "maxPerApplicationCents" FROM "SubsidyScheme" WHERE id = ${application.schemeId}::uuid FOR UPDATE`;
  if (!scheme) throw notFound('SubsidyScheme', application.schemeId);
  if (scheme.maxPerApplicationCents !== null && amount > scheme.maxPerApplicationCents) {
    throw amountError('amountCents', 'exceeds_maximum',
      `Het bedrag is hoger dan het maximum per aanvraag (${euro(scheme.maxPerApplicationCents)}).`,
      `The amount exceeds the maximum per application (${scheme.maxPerApplicationCents} cents).`);
  }
  const committed = await committedCents(tx, application.schemeId);
  if (scheme.ceilingCents === null) {
    throw new GraphQLError('Het subsidieplafond van deze regeling is niet vastgesteld; er kan niets worden verleend.', {
      extensions: { code: 'CEILING_EXCEEDED', reason: 'ceiling_unknown', ceilingCents: null, grantedCents: committed, messageEn: 'The scheme has no ceiling set; nothing can be granted.' },
    });
  }
  const remaining = scheme.ceilingCents - committed;
  if (amount > remaining) {
    throw new GraphQLError(
      `Het subsidieplafond wordt overschreden: nog beschikbaar ${euro(Math.max(0, remaining))}, gevraagd ${euro(amount)}.`,
      {
        extensions: {
          code: 'CEILING_EXCEEDED', ceilingCents: scheme.ceilingCents, grantedCents: committed, remainingCents: remaining, amountCents: amount,
          messageEn: `The budget ceiling would be exceeded: ${remaining} cents remain, ${amount} requested.`,
        },
      },
    );
  }
}

async function fourEyesThreshold(tx: Tx, schemeId: string): Promise<number | null> {
  const scheme = await tx.subsidyScheme.findUniqueOrThrow({ where: { id: schemeId }, select: { fourEyesThresholdCents: true } });
  return scheme.fourEyesThresholdCents;
}

const decided = (args: { on: Date; reason: string }) => ({ decidedOn: args.on, decisionGrounds: args.reason, proposedCents: null, proposedById: null });

const STEPS: Record<Transition, StepFn> = {
  submit: async (application, args, tx) => {
    if (application.requestedCents <= 0) {
      throw amountError('budgetLines', 'required', 'Vul eerst de begroting in (setSubsidyBudget).', 'Set the budget first (setSubsidyBudget).');
    }
    const scheme = await tx.subsidyScheme.findUniqueOrThrow({ where: { id: application.schemeId } });
    const termWeeks = scheme.decisionTermWeeks >= 1 && scheme.decisionTermWeeks <= 52 ? scheme.decisionTermWeeks : 8;
    return {
      amountCents: application.requestedCents,
      data: {
        receivedOn: args.on, decisionTermWeeks: termWeeks, pausedDays: 0, pausedSince: null,
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
        pausedDays: paused, pausedSince: null,
        decisionDueOn: decisionDueOn({ receivedOn: application.receivedOn!, termWeeks: application.decisionTermWeeks ?? 8, pausedDays: paused }),
      },
    };
  },
  proposeGrant: async (application, args, tx, context) => {
    const amount = positiveAmount(args.amountCents);
    await checkCeiling(tx, application, amount);
    return { to: 'IN_REVIEW', amountCents: amount, data: { proposedCents: amount, proposedById: identityId(context) } };
  },
  approveGrant: async (application, args, tx, context) => {
    if (application.proposedCents === null) throw transitionNotAllowed('approveGrant', application, identityId(context));
    if (application.proposedById === identityId(context)) {
      throw new GraphQLError('Een tweede subsidieadviseur moet dit voorstel goedkeuren, niet wie het deed.', {
        extensions: { code: 'FOUR_EYES_REQUIRED', reason: 'own_proposal', messageEn: 'A second grant officer must approve this proposal, not its author.' },
      });
    }
    // An approval names what it approves: a proposal changed since it was read is not approved.
    const amount = positiveAmount(args.amountCents);
    if (amount !== application.proposedCents) {
      throw conflict('proposal_changed',
        `U keurt ${euro(amount)} goed, maar het voorstel is nu ${euro(application.proposedCents)}. Lees het voorstel opnieuw.`,
        `You approve ${amount} cents, but the proposal is now ${application.proposedCents} cents. Read the proposal again.`,
        { entity: 'SubsidyApplication', id: application.id, amountCents: amount, proposedCents: application.proposedCents, currentVersion: application.version });
    }
    if (args.expectedVersion !== application.version) {
      throw conflict('stale_version',
        `De aanvraag is gewijzigd sinds u het voorstel las (u las versie ${args.expectedVersion}, de huidige is ${application.version}). Lees het voorstel opnieuw.`,
        `The application changed since you read the proposal (you read version ${args.expectedVersion}, current is ${application.version}). Read the proposal again.`,
        { entity: 'SubsidyApplication', id: application.id, expectedVersion: args.expectedVersion, currentVersion: application.version, proposedCents: application.proposedCents });
    }
    await checkCeiling(tx, application, application.proposedCents);
    return { amountCents: application.proposedCents, data: { grantedCents: application.proposedCents, ...decided(args) } };
  },
  grant: async (application, args, tx) => {
    const amount = positiveAmount(args.amountCents);
    const threshold = await fourEyesThreshold(tx, application.schemeId);
    if (threshold !== null && amount > threshold) {
      throw new GraphQLError(
        `Boven ${euro(threshold)} is de goedkeuring van een tweede subsidieadviseur nodig: stel de verlening voor (proposeGrant).`,
        { extensions: { code: 'FOUR_EYES_REQUIRED', reason: 'above_threshold', thresholdCents: threshold, messageEn: `Above ${threshold} cents a second grant officer must approve: propose the grant (proposeGrant).` } },
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
      throw amountError('amountCents', 'exceeds_granted', `Het voorschot is hoger dan het verleende bedrag (${euro(application.grantedCents!)}).`, 'The advance exceeds the granted amount.');
    }
    return { amountCents: amount, data: { advancePaidCents: amount }, payments: [{ kind: 'ADVANCE', amountCents: amount }] };
  },
  receiveAccountability: async (_application, args) => {
    const costs = args.amountCents === null || args.amountCents === undefined ? null : positiveAmount(args.amountCents, true);
    return { amountCents: costs, data: { accountabilityOn: args.on, actualCostsCents: costs } };
  },
  setFinalAmount: async (application, args) => {
    const amount = positiveAmount(args.amountCents, true);
    if (amount > application.grantedCents!) {
      throw amountError('amountCents', 'exceeds_granted', `Het vastgestelde bedrag is hoger dan het verleende bedrag (${euro(application.grantedCents!)}).`, 'The final amount exceeds the granted amount.');
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
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "SubsidyApplication" WHERE id = ${args.id}::uuid FOR UPDATE`;
      if (!locked.length) throw notFound('SubsidyApplication', args.id);
      if (idempotencyKey) {
        const earlier = await tx.subsidyTransition.findUnique({ where: { idempotencyKey } });
        if (earlier) {
          // Rows from before the fingerprint existed compare on application and action only.
          if (earlier.applicationId !== args.id || earlier.operation !== transition || (earlier.requestHash ?? requestHash) !== requestHash) {
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
      if (on.getTime() < (before.receivedOn?.getTime() ?? 0) || (before.pausedSince && on.getTime() < before.pausedSince.getTime())) {
        throw amountError('on', 'out_of_range', 'De datum ligt voor een eerdere stap van deze aanvraag.', 'The date is before an earlier step of this application.');
      }
      const step = await STEPS[transition](before, { ...args, reason, on }, tx, context);
      const to = step.to ?? TRANSITIONS[transition].to;
      const { count } = await tx.subsidyApplication.updateMany({
        where: { id: args.id, version: before.version },
        data: { ...(step.data as Prisma.SubsidyApplicationUncheckedUpdateManyInput), state: to, version: { increment: 1 } },
      });
      if (count === 0) throw staleVersion('SubsidyApplication', args.id, before.version, before.version + 1);
      await tx.subsidyTransition.create({
        data: {
          applicationId: args.id, operation: transition, fromState: before.state, toState: to, reason,
          amountCents: step.amountCents ?? null, idempotencyKey, requestHash,
          actorId: context.identity.kind === 'user' ? context.identity.userId : null,
          actorLabel: context.identity.kind === 'user' ? `${context.identity.name} <${context.identity.email}>` : null,
        },
      });
      for (const payment of step.payments ?? []) {
        await tx.subsidyPayment.create({ data: { applicationId: args.id, kind: payment.kind, amountCents: payment.amountCents, paidOn: on } });
      }
      const after = await tx.subsidyApplication.findUniqueOrThrow({ where: { id: args.id } });
      // The answer is read before the audit event, whose chain lock is held until commit.
      const answer = await tx.subsidyApplication.findUniqueOrThrow({ ...query, where: { id: args.id } });
      await recordAuditEvent(tx, {
        context, operation: transitionOperation(transition), entityType: 'SubsidyApplication', entityId: args.id,
        before, after: { ...after, transitionReason: reason },
      });
      return answer;
    });
  } catch (error) {
    // The same key on another application at the same moment: that one committed first (the
    // key is unique), so this one is a reuse, not an internal error.
    if (idempotencyKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
      && JSON.stringify(error.meta ?? {}).includes('idempotencyKey')) {
      throw idempotencyKeyReused();
    }
    throw error;
  }
}

/** What makes two requests with one idempotency key the same request. */
function fingerprint(transition: Transition, args: TransitionArgs & { reason: string }): string {
  const request = {
    applicationId: args.id, transition, reason: args.reason, amountCents: args.amountCents ?? null,
    on: args.on ? formatDate(args.on) : null, expectedVersion: args.expectedVersion ?? null,
  };
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

function idempotencyKeyReused(): GraphQLError {
  return new GraphQLError(
    'idempotencyKey: deze sleutel is al gebruikt voor een ander verzoek (een andere aanvraag, handeling, bedrag, datum of reden). Gebruik een nieuwe sleutel voor een nieuwe handeling.',
    {
      extensions: {
        code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey', reason: 'reused',
        messageEn: 'This idempotency key was already used for a different request (another application, action, amount, date or reason). Use a new key for a new action.',
      },
    },
  );
}

/** grant -> GRANT, receiveInformation -> RECEIVE_INFORMATION: the audit trail's operation names. */
export const transitionOperation = (transition: Transition) => transition.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

const MUTATIONS: Record<Transition, { name: string; amount?: 'required' | 'optional'; version?: true; description: string }> = {
  submit: { name: 'submitSubsidyApplication', description: 'Concept -> ingediend; de beslistermijn begint op de ontvangstdatum (on) | Draft -> submitted; the decision term starts on the date received (on)' },
  startReview: { name: 'startSubsidyReview', description: 'Ingediend -> in behandeling; wijst toe aan u als niemand behandelaar is | Submitted -> in review; assigns it to you when unassigned' },
  requestInformation: { name: 'requestSubsidyInformation', description: 'In behandeling -> informatie gevraagd; de termijn staat stil | In review -> information requested; the clock pauses' },
  receiveInformation: { name: 'receiveSubsidyInformation', description: 'Informatie ontvangen; de termijn loopt verder | Information received; the clock resumes' },
  proposeGrant: { name: 'proposeSubsidyGrant', amount: 'required', description: 'Stelt een verlening voor die een tweede subsidieadviseur goedkeurt | Proposes a grant for a second grant officer to approve' },
  approveGrant: { name: 'approveSubsidyGrant', amount: 'required', version: true, description: 'Keurt het voorstel van een ander goed: verleend. amountCents en expectedVersion noemen het voorstel dat u las; anders CONFLICT (proposal_changed, stale_version) | Approves another officer\'s proposal: granted. amountCents and expectedVersion name the proposal you read; otherwise CONFLICT (proposal_changed, stale_version)' },
  grant: { name: 'grantSubsidy', amount: 'required', description: 'Verleent (tot de vier-ogengrens van de regeling); CEILING_EXCEEDED als het plafond het niet toelaat | Grants (up to the scheme\'s four-eyes threshold); CEILING_EXCEEDED when the ceiling does not allow it' },
  reject: { name: 'rejectSubsidyApplication', description: 'Wijst af; de reden is de motivering van het besluit | Rejects; the reason is the decision\'s grounds' },
  withdraw: { name: 'withdrawSubsidyApplication', description: 'De aanvrager trekt de aanvraag in | The applicant withdraws the application' },
  payAdvance: { name: 'paySubsidyAdvance', amount: 'required', description: 'Betaalt een voorschot (ten hoogste het verleende bedrag) | Pays an advance (at most the granted amount)' },
  receiveAccountability: { name: 'receiveSubsidyAccountability', amount: 'optional', description: 'Verantwoording ontvangen; amountCents: de werkelijke kosten | Accountability received; amountCents: the actual costs' },
  setFinalAmount: { name: 'setSubsidyFinalAmount', amount: 'required', description: 'Stelt de subsidie vast; lager dan het voorschot geeft een terugvordering | Sets the final amount; below the advance records a reclaim' },
  close: { name: 'closeSubsidyApplication', description: 'Sluit het dossier | Closes the file' },
};

for (const [transition, spec] of Object.entries(MUTATIONS) as [Transition, (typeof MUTATIONS)[Transition]][]) {
  builder.mutationField(spec.name, (t) =>
    t.prismaField({
      type: 'SubsidyApplication',
      description: `${spec.description}\nAlleen vanuit: ${TRANSITIONS[transition].from.join(', ')}. Anders TRANSITION_NOT_ALLOWED met de toegestane overgangen. | Only from: ${TRANSITIONS[transition].from.join(', ')}. Otherwise TRANSITION_NOT_ALLOWED listing the allowed transitions.`,
      authScopes: guardedBy(grantOfficer),
      args: {
        id: t.arg.id({ required: true }),
        reason: t.arg.string({ required: true, description: 'Reden; komt in de tijdlijn en de audittrail | Reason; goes into the timeline and the audit trail' }),
        idempotencyKey: t.arg.string({ description: 'Zelfde sleutel opnieuw = geen tweede handeling | Same key again = no second action' }),
        on: t.arg({ type: 'Date', description: 'Datum van de stap (standaard vandaag) | Date of the step (default today)' }),
        ...(spec.amount ? { amountCents: t.arg.int({ required: spec.amount === 'required', description: 'Bedrag (eurocent) | Amount (euro cents)' }) } : {}),
        ...(spec.version ? { expectedVersion: t.arg.int({ required: true, description: 'De versie van de aanvraag die u las | The version of the application you read' }) } : {}),
      },
      resolve: (query, _root, args, context) => runTransition(transition, args as TransitionArgs, context, query) as never,
    }),
  );
}

// ---- the budget of a draft, and the ceiling ------------------------------------------------
const BudgetLineInput = builder.inputType('SubsidyBudgetLineInput', {
  fields: (t) => ({
    description: t.string({ required: true, description: 'Post | Item' }),
    amountCents: t.int({ required: true, description: 'Bedrag (eurocent) | Amount (euro cents)' }),
  }),
});

builder.mutationField('setSubsidyBudget', (t) =>
  t.prismaField({
    type: 'SubsidyApplication',
    description: 'Vervangt de begroting van een concept-aanvraag; het aangevraagde bedrag is de som | Replaces the budget of a draft application; the requested amount is the sum',
    authScopes: guardedBy(grantOfficer),
    args: {
      id: t.arg.id({ required: true }),
      lines: t.arg({ type: [BudgetLineInput], required: true }),
      expectedVersion: t.arg.int({ required: true, description: 'De versie die u las | The version you read' }),
    },
    resolve: async (query, _root, args, context) => {
      checkId(args.id);
      const errors: FieldError[] = [];
      if (args.lines.length > 100) errors.push({ field: 'lines', reason: 'too_long', message: 'Ten hoogste 100 regels.', messageEn: 'At most 100 lines.' });
      args.lines.forEach((line, index) => {
        if (!line.description.trim() || line.description.length > 300) {
          errors.push({ field: `lines.${index}.description`, reason: 'invalid_format', message: 'Omschrijving ontbreekt of is te lang (max. 300).', messageEn: 'Description missing or too long (max 300).' });
        }
        if (!Number.isInteger(line.amountCents) || line.amountCents < 0) {
          errors.push({ field: `lines.${index}.amountCents`, reason: 'out_of_range', message: 'Het bedrag moet 0 of meer eurocent zijn.', messageEn: 'The amount must be 0 or more euro cents.' });
        }
      });
      if (errors.length) throw badUserInput(errors);
      const total = args.lines.reduce((sum, line) => sum + line.amountCents, 0);
      if (total > 2_000_000_000) throw amountError('lines', 'out_of_range', 'De begroting is te hoog.', 'The budget is too high.');
      return db().$transaction(async (tx) => {
        const before = await tx.subsidyApplication.findUnique({ where: { id: args.id }, include: { budgetLines: { orderBy: { sortOrder: 'asc' } } } });
        if (!before) throw notFound('SubsidyApplication', args.id);
        if (before.version !== args.expectedVersion) throw staleVersion('SubsidyApplication', args.id, args.expectedVersion, before.version);
        if (before.state !== 'DRAFT') {
          throw new GraphQLError('De begroting ligt vast zodra de aanvraag is ingediend.', {
            extensions: { code: 'TRANSITION_NOT_ALLOWED', transition: 'setBudget', state: before.state, allowed: allowedTransitions(before, identityId(context)), messageEn: 'The budget is fixed once the application is submitted.' },
          });
        }
        const { count } = await tx.subsidyApplication.updateMany({
          where: { id: args.id, version: args.expectedVersion },
          data: { requestedCents: total, version: { increment: 1 } },
        });
        if (count === 0) throw staleVersion('SubsidyApplication', args.id, args.expectedVersion, args.expectedVersion + 1);
        await tx.subsidyBudgetLine.deleteMany({ where: { applicationId: args.id } });
        await tx.subsidyBudgetLine.createMany({
          data: args.lines.map((line, index) => ({ applicationId: args.id, description: line.description.trim(), amountCents: line.amountCents, sortOrder: index })),
        });
        const after = await tx.subsidyApplication.findUniqueOrThrow({ where: { id: args.id }, include: { budgetLines: { orderBy: { sortOrder: 'asc' } } } });
        const lines = (row: typeof after) => ({ ...row, budgetLines: row.budgetLines.map(({ description, amountCents }) => ({ description, amountCents })) });
        await recordAuditEvent(tx, { context, operation: 'SET_BUDGET', entityType: 'SubsidyApplication', entityId: args.id, before: lines(before), after: lines(after) });
        return tx.subsidyApplication.findUniqueOrThrow({ ...query, where: { id: args.id } });
      });
    },
  }),
);

// Who may move the limits that bind every grant: not the grant officers who decide within them
// (one of them could otherwise lift the four-eyes threshold and grant alone), but an
// administrator, audited with a reason. ADMIN implies every role and manages the accounts, so it
// is trusted anyway; what keeps it honest is the append-only audit trail.
export const schemeLimitsKeeper = { ...manageUsers, description: 'beheerders (niet subsidieadviseurs) | administrators (not grant officers)' };

const SchemeLimitsInput = builder.inputType('SubsidySchemeLimitsInput', {
  description: 'Alleen opgegeven velden veranderen; null maakt een grens leeg | Only the fields given change; null clears a limit',
  fields: (t) => ({
    ceilingCents: t.int({ description: 'Subsidieplafond (eurocent); leeg = onbekend, dan wordt niets verleend | Budget ceiling (euro cents); empty = unknown, nothing is granted then' }),
    maxPerApplicationCents: t.int({ description: 'Maximum per aanvraag (eurocent); leeg = geen | Maximum per application (euro cents); empty = none' }),
    fourEyesThresholdCents: t.int({ description: 'Vier-ogengrens (eurocent); leeg = elke verlening door één adviseur | Four-eyes threshold (euro cents); empty = any grant by one officer' }),
  }),
});

builder.mutationField('setSubsidySchemeLimits', (t) =>
  t.prismaField({
    type: 'SubsidyScheme',
    description: 'Wijzigt plafond, maximum per aanvraag of vier-ogengrens (beheerders, met reden, geaudit). CEILING_EXCEEDED als het plafond onder het verleende komt; CONFLICT (pending_proposals) als een openstaand voorstel daardoor zonder tweede goedkeuring verleend zou kunnen worden | Changes the ceiling, maximum per application or four-eyes threshold (administrators, with a reason, audited). CEILING_EXCEEDED when the ceiling would drop below what is granted; CONFLICT (pending_proposals) when a pending proposal could then be granted without its second approval',
    authScopes: guardedBy(schemeLimitsKeeper),
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: 'De versie die u las | The version you read' }),
      input: t.arg({ type: SchemeLimitsInput, required: true }),
      reason: t.arg.string({ required: true, description: 'Reden, bijv. het raadsbesluit; komt in de audittrail | Reason, e.g. the council decision; goes into the audit trail' }),
    },
    resolve: async (query, _root, args, context) => {
      checkId(args.id);
      const reason = checkReason(args.reason);
      const input = args.input as Partial<Record<(typeof SCHEME_LIMITS)[number], number | null>>;
      const given = SCHEME_LIMITS.filter((field) => field in input);
      const errors: FieldError[] = [];
      if (!given.length) errors.push({ field: 'input', reason: 'required', message: 'Geef minstens één grens op.', messageEn: 'Give at least one limit.' });
      for (const field of given) {
        const value = input[field];
        if (value !== null && value !== undefined && (!Number.isInteger(value) || value < 0)) {
          errors.push({ field: `input.${field}`, reason: 'out_of_range', message: 'Het bedrag moet 0 of meer eurocent zijn.', messageEn: 'The amount must be 0 or more euro cents.' });
        }
      }
      if (errors.length) throw badUserInput(errors);
      return db().$transaction(async (tx) => {
        // The lock grants take: no grant can slip in between these checks and the change.
        const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "SubsidyScheme" WHERE id = ${args.id}::uuid FOR UPDATE`;
        if (!locked.length) throw notFound('SubsidyScheme', args.id);
        const before = await tx.subsidyScheme.findUniqueOrThrow({ where: { id: args.id } });
        if (before.version !== args.expectedVersion) throw staleVersion('SubsidyScheme', args.id, args.expectedVersion, before.version);
        const next = { ...Object.fromEntries(SCHEME_LIMITS.map((field) => [field, before[field]])), ...input } as Record<(typeof SCHEME_LIMITS)[number], number | null>;
        const committed = await committedCents(tx, args.id);
        if ('ceilingCents' in input && committed > 0 && (next.ceilingCents === null || next.ceilingCents < committed)) {
          throw new GraphQLError(`Er is al ${euro(committed)} verleend; het plafond kan niet lager (of onbekend) worden.`, {
            extensions: { code: 'CEILING_EXCEEDED', reason: 'below_granted', grantedCents: committed, ceilingCents: next.ceilingCents, messageEn: `${committed} cents are already granted; the ceiling cannot go below that (or become unknown).` },
          });
        }
        // A proposal above the old threshold waits for a second officer; a threshold that would let
        // its author simply grant it instead is refused until that proposal is decided.
        if ('fourEyesThresholdCents' in input && before.fourEyesThresholdCents !== null) {
          const threshold = next.fourEyesThresholdCents;
          const skipping = await tx.subsidyApplication.findMany({
            where: {
              schemeId: args.id, state: 'IN_REVIEW',
              proposedCents: { gt: before.fourEyesThresholdCents, ...(threshold === null ? {} : { lte: threshold }) },
            },
            select: { reference: true, proposedCents: true },
            orderBy: { reference: 'asc' },
          });
          if (skipping.length) {
            const references = skipping.map((application) => application.reference);
            throw conflict('pending_proposals',
              `Deze vier-ogengrens zou ${references.length} openstaand(e) voorstel(len) (${references.join(', ')}) zonder tweede goedkeuring laten verlenen; beslis eerst over die voorstellen.`,
              `This four-eyes threshold would let ${references.length} pending proposal(s) (${references.join(', ')}) be granted without a second approval; decide on them first.`,
              { entity: 'SubsidyScheme', id: args.id, references, thresholdCents: threshold });
          }
        }
        const { count } = await tx.subsidyScheme.updateMany({
          where: { id: args.id, version: args.expectedVersion },
          data: { ...input, version: { increment: 1 } },
        });
        if (count === 0) throw staleVersion('SubsidyScheme', args.id, args.expectedVersion, before.version + 1);
        const after = await tx.subsidyScheme.findUniqueOrThrow({ where: { id: args.id } });
        await recordAuditEvent(tx, { context, operation: 'SET_LIMITS', entityType: 'SubsidyScheme', entityId: args.id, before, after: { ...after, transitionReason: reason } });
        return tx.subsidyScheme.findUniqueOrThrow({ ...query, where: { id: args.id } });
      });
    },
  }),
);

// ---- what a partner sees of its own applications -------------------------------------------
type OwnApplication = SubsidyApplication & { scheme: { name: string }; transitions: { toState: SubsidyApplicationState; at: Date }[] };

const OwnStep = builder.objectRef<{ toState: SubsidyApplicationState; at: Date }>('OwnSubsidyApplicationStep').implement({
  description: 'Een stap van uw aanvraag | A step of your application',
  authScopes: guardedBy(either(ownApplications, applicationReaders)),
  fields: (t) => ({
    state: t.field({ type: enumRef('SubsidyApplicationState'), description: 'Status | State', resolve: (step) => step.toState }),
    at: t.field({ type: 'DateTime', description: 'Tijdstip | At', resolve: (step) => step.at }),
  }),
});

const OwnApplicationRef = builder.objectRef<OwnApplication>('OwnSubsidyApplication').implement({
  description: 'Een aanvraag van uw eigen organisatie | An application of your own organisation',
  authScopes: guardedBy(either(ownApplications, applicationReaders)),
  fields: (t) => ({
    id: t.exposeID('id', { description: 'ID | ID' }),
    reference: t.exposeString('reference', { description: 'Kenmerk | Reference' }),
    schemeName: t.string({ description: 'Regeling | Scheme', resolve: (a) => a.scheme.name }),
    activity: t.exposeString('activity', { description: 'Activiteit | Activity' }),
    state: t.field({ type: enumRef('SubsidyApplicationState'), description: 'Status | State', resolve: (a) => a.state }),
    requestedCents: t.exposeInt('requestedCents', { description: 'Aangevraagd (eurocent) | Requested (euro cents)' }),
    grantedCents: t.exposeInt('grantedCents', { nullable: true, description: 'Verleend (eurocent) | Granted (euro cents)' }),
    advancePaidCents: t.exposeInt('advancePaidCents', { nullable: true, description: 'Voorschot (eurocent) | Advance (euro cents)' }),
    finalCents: t.exposeInt('finalCents', { nullable: true, description: 'Vastgesteld (eurocent) | Final (euro cents)' }),
    reclaimCents: t.exposeInt('reclaimCents', { nullable: true, description: 'Terug te betalen (eurocent) | To repay (euro cents)' }),
    receivedOn: t.field({ type: 'Date', nullable: true, description: 'Ontvangen op | Received on', resolve: (a) => a.receivedOn }),
    decisionDueOn: t.field({ type: 'Date', nullable: true, description: 'Uiterste beslisdatum | Decision due', resolve: (a) => a.decisionDueOn }),
    decidedOn: t.field({ type: 'Date', nullable: true, description: 'Besloten op | Decided on', resolve: (a) => a.decidedOn }),
    steps: t.field({ type: [OwnStep], description: 'Tijdlijn | Timeline', resolve: (a) => a.transitions }),
  }),
});

/** The partner a caller acts for: a token's own organisation; staff may name any. */
function ownerOf(context: Context, partnerId: string | null | undefined): string {
  if (context.identity.kind === 'token') return context.identity.partnerId;
  if (!partnerId) throw amountError('partnerId', 'required', 'Noem de organisatie.', 'Name the organisation.');
  checkId(partnerId, 'partnerId');
  return partnerId;
}

const ownInclude = { scheme: { select: { name: true } }, transitions: { select: { toState: true, at: true }, orderBy: { seq: 'asc' } } } as const;

builder.queryField('ownSubsidyApplications', (t) =>
  t.field({
    type: [OwnApplicationRef],
    description: 'De subsidieaanvragen van uw organisatie (API-sleutel met subsidies:own) | Your organisation\'s subsidy applications (API token with subsidies:own)',
    authScopes: guardedBy(either(ownApplications, applicationReaders)),
    args: { partnerId: t.arg.id({ description: 'Alleen voor medewerkers: de organisatie | Staff only: the organisation' }) },
    resolve: (_root, args, context) =>
      db().subsidyApplication.findMany({
        where: { applicantId: ownerOf(context, args.partnerId), state: { not: 'DRAFT' } },
        include: ownInclude,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: 500,
      }) as Promise<OwnApplication[]>,
  }),
);

/** For the files endpoint and letters: may this identity see this application? */
export async function canSeeApplication(context: Pick<Context, 'identity'>, applicationId: string): Promise<boolean> {
  if (applicationReaders.allows(context.identity)) return true;
  if (!ownApplications.allows(context.identity) || context.identity.kind !== 'token') return false;
  const row = await db().subsidyApplication.findUnique({ where: { id: applicationId }, select: { applicantId: true, state: true } });
  return row !== null && row.applicantId === context.identity.partnerId && row.state !== 'DRAFT';
}

export { formatDate };
