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
import type { SubsidyApplication, SubsidyApplicationState } from '@welkom/db';
import { anyone, either } from '../auth/rules.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { defineEntity, defineLinkObject, guardedBy } from '../crud/entity.js';
import { enumRef } from '../crud/enums.js';
import { conflict } from '../crud/errors.js';
import { checkId } from '../crud/validation.js';
import { db } from '../db.js';
import {
  applicationReaders,
  grantOfficer,
  identityId,
  ownApplications,
  schemeLimitsKeeper,
} from '../subsidies/access.js';
import { loadCommittedCents } from '../subsidies/committed.js';
import { SCHEME_LIMITS, type SchemeLimit, setBudget, setSchemeLimits } from '../subsidies/money.js';
import { type TransitionArgs, amountError, clockOf, runTransition } from '../subsidies/transitions.js';
import {
  TRANSITIONS,
  TRANSITION_NAMES,
  type Transition,
  type TransitionRule,
  allowedTransitions,
} from '../subsidies/workflow.js';

const MONEY_FIELDS = [
  'requestedCents',
  'proposedCents',
  'proposedById',
  'grantedCents',
  'advancePaidCents',
  'finalCents',
  'reclaimCents',
  'actualCostsCents',
];
const STATE_FIELDS = [
  'state',
  'receivedOn',
  'decisionTermWeeks',
  'pausedDays',
  'pausedSince',
  'decisionDueOn',
  'decidedOn',
  'decisionGrounds',
  'accountabilityOn',
];

// ---- the parts of an application, readable with it ----------------------------------------
for (const model of ['SubsidyBudgetLine', 'SubsidyTransition', 'SubsidyPayment', 'SubsidyDocument']) {
  defineLinkObject(model, applicationReaders, grantOfficer);
}

// ---- schemes ---------------------------------------------------------------------------
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
    return conflict(
      'has_applications',
      `Deze regeling heeft ${applications} aanvraag/aanvragen en kan niet worden verwijderd; sluit de aanvraagperiode (closesOn) in plaats daarvan.`,
      `This scheme has ${applications} application(s) and cannot be deleted; close its application window (closesOn) instead.`,
      { entity: 'SubsidyScheme', id: scheme.id, applications },
    );
  },
  rules: { name: { maxLength: 200 }, description: { maxLength: 5000 } },
  defaultOrder: [
    { field: 'year', direction: 'desc' },
    { field: 'name', direction: 'asc' },
  ],
  extraFields: (t) => ({
    grantedCents: t.int({
      nullable: true,
      description:
        'Verleend tot nu toe (eurocent) | Granted so far (euro cents)\nVastgestelde bedragen tellen mee in plaats van de verleende. | Final amounts count instead of granted ones.',
      authScopes: guardedBy(applicationReaders),
      resolve: (scheme: { id: string }, _args: unknown, context: Context) => loadCommittedCents(context, scheme.id),
    }),
    remainingCents: t.int({
      nullable: true,
      description:
        'Nog beschikbaar (eurocent) | Remaining (euro cents)\nLeeg als het plafond onbekend is. | Empty when the ceiling is unknown.',
      authScopes: guardedBy(applicationReaders),
      select: { ceilingCents: true },
      resolve: async (scheme: { id: string; ceilingCents: number | null }, _args: unknown, context: Context) =>
        scheme.ceilingCents === null ? null : scheme.ceilingCents - (await loadCommittedCents(context, scheme.id)),
    }),
  }),
});

// ---- applications --------------------------------------------------------------------------
const DELETABLE_STATES: SubsidyApplicationState[] = ['DRAFT', 'WITHDRAWN'];
const DECIDED_STATES: SubsidyApplicationState[] = [
  'GRANTED',
  'REJECTED',
  'WITHDRAWN',
  'ADVANCE_PAID',
  'ACCOUNTABILITY_SUBMITTED',
  'FINAL_AMOUNT_SET',
  'CLOSED',
];
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
    return conflict(
      'decided',
      'Over deze aanvraag is besloten; haar gegevens liggen vast in het besluit en veranderen alleen nog via de stappen van de werkstroom.',
      "This application has been decided; its data is fixed in the decision and changes only through the workflow's steps.",
      { entity: 'SubsidyApplication', id: application.id, state },
    );
  },
  // Money and timelines are never deleted: only a draft, or a withdrawn application that never
  // had a payment, may go; everything else ends through the workflow (withdraw, reject, close).
  refuseDelete: async (application, tx) => {
    const state = application.state as SubsidyApplicationState;
    const payments = await tx.subsidyPayment.count({ where: { applicationId: application.id as string } });
    if (DELETABLE_STATES.includes(state) && payments === 0) return undefined;
    return conflict(
      'money_records',
      `Een aanvraag in de status ${state}${payments ? ` met ${payments} betaling(en)` : ''} kan niet worden verwijderd: geld en tijdlijn blijven bewaard. Trek haar in, wijs haar af of sluit haar af via de werkstroom.`,
      `An application in state ${state}${payments ? ` with ${payments} payment(s)` : ''} cannot be deleted: money and timeline are kept. Withdraw, reject or close it through the workflow.`,
      { entity: 'SubsidyApplication', id: application.id, state, payments, deletableStates: DELETABLE_STATES },
    );
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
    transitions: t.relation('transitions', {
      description: 'Tijdlijn | Timeline',
      query: { orderBy: [{ seq: 'asc' }] },
    }),
    payments: t.relation('payments', {
      description: 'Betalingen | Payments',
      query: { orderBy: [{ paidOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] },
    }),
    documents: t.relation('documents', {
      description: 'Documenten | Documents',
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
    budgetLines: t.relation('budgetLines', {
      description: 'Begrotingsregels | Budget lines',
      query: { orderBy: [{ sortOrder: 'asc' }] },
    }),
    daysLeft: t.int({
      nullable: true,
      description:
        'Dagen tot de uiterste beslisdatum | Days to the decision deadline\nNegatief als die verstreken is; leeg als de termijn stilstaat of niet loopt. | Negative when passed; empty when the clock is paused or not running.',
      select: CLOCK_COLUMNS,
      resolve: (application: SubsidyApplication) => clockOf(application).daysLeft,
    }),
    overdue: t.boolean({
      description:
        'Termijn verstreken | Overdue\nNog geen besluit na de uiterste beslisdatum. | No decision after the deadline.',
      select: CLOCK_COLUMNS,
      resolve: (application: SubsidyApplication) => clockOf(application).overdue,
    }),
    clockPaused: t.boolean({
      description:
        'Termijn staat stil | Clock paused\nAanvullende informatie gevraagd (Awb 4:15). | Additional information requested (Awb 4:15).',
      select: { pausedSince: true },
      resolve: (application: SubsidyApplication) => application.pausedSince !== null,
    }),
    allowedTransitions: t.stringList({
      description:
        "Toegestane overgangen nu | Transitions allowed now\nNamen zoals submit, grant; voor de knoppen van de console. | Names such as submit, grant; for the console's buttons.",
      select: { state: true, proposedCents: true, proposedById: true },
      resolve: (application: SubsidyApplication, _args: unknown, context: Context) =>
        grantOfficer.allows(context.identity) ? allowedTransitions(application, identityId(context)) : [],
    }),
  }),
});

// What each transition's mutation does, for the SDL; its name, state change and arguments are the
// workflow's table (subsidies/workflow.ts).
const DESCRIPTIONS: Record<Transition, string> = {
  submit:
    'Concept -> ingediend; de beslistermijn begint op de ontvangstdatum (on) | Draft -> submitted; the decision term starts on the date received (on)',
  startReview:
    'Ingediend -> in behandeling; wijst toe aan u als niemand behandelaar is | Submitted -> in review; assigns it to you when unassigned',
  requestInformation:
    'In behandeling -> informatie gevraagd; de termijn staat stil | In review -> information requested; the clock pauses',
  receiveInformation: 'Informatie ontvangen; de termijn loopt verder | Information received; the clock resumes',
  proposeGrant:
    'Stelt een verlening voor die een tweede subsidieadviseur goedkeurt | Proposes a grant for a second grant officer to approve',
  approveGrant:
    "Keurt het voorstel van een ander goed: verleend. amountCents en expectedVersion noemen het voorstel dat u las; anders CONFLICT (proposal_changed, stale_version) | Approves another officer's proposal: granted. amountCents and expectedVersion name the proposal you read; otherwise CONFLICT (proposal_changed, stale_version)",
  grant:
    "Verleent (tot de vier-ogengrens van de regeling); CEILING_EXCEEDED als het plafond het niet toelaat | Grants (up to the scheme's four-eyes threshold); CEILING_EXCEEDED when the ceiling does not allow it",
  reject: "Wijst af; de reden is de motivering van het besluit | Rejects; the reason is the decision's grounds",
  withdraw: 'De aanvrager trekt de aanvraag in | The applicant withdraws the application',
  payAdvance: 'Betaalt een voorschot (ten hoogste het verleende bedrag) | Pays an advance (at most the granted amount)',
  receiveAccountability:
    'Verantwoording ontvangen; amountCents: de werkelijke kosten | Accountability received; amountCents: the actual costs',
  setFinalAmount:
    'Stelt de subsidie vast; lager dan het voorschot geeft een terugvordering | Sets the final amount; below the advance records a reclaim',
  close: 'Sluit het dossier | Closes the file',
};

for (const transition of TRANSITION_NAMES) {
  const spec: TransitionRule = TRANSITIONS[transition];
  builder.mutationField(spec.mutation, (t) =>
    t.prismaField({
      type: 'SubsidyApplication',
      description: `${DESCRIPTIONS[transition]}\nAlleen vanuit: ${spec.from.join(', ')}. Anders TRANSITION_NOT_ALLOWED met de toegestane overgangen. | Only from: ${spec.from.join(', ')}. Otherwise TRANSITION_NOT_ALLOWED listing the allowed transitions.`,
      authScopes: guardedBy(grantOfficer),
      args: {
        id: t.arg.id({ required: true }),
        reason: t.arg.string({
          required: true,
          description:
            'Reden; komt in de tijdlijn en de audittrail | Reason; goes into the timeline and the audit trail',
        }),
        idempotencyKey: t.arg.string({
          description: 'Zelfde sleutel opnieuw = geen tweede handeling | Same key again = no second action',
        }),
        on: t.arg({
          type: 'Date',
          description: 'Datum van de stap (standaard vandaag) | Date of the step (default today)',
        }),
        ...(spec.amount
          ? {
              amountCents: t.arg.int({
                required: spec.amount === 'required',
                description: 'Bedrag (eurocent) | Amount (euro cents)',
              }),
            }
          : {}),
        ...(spec.expectsVersion
          ? {
              expectedVersion: t.arg.int({
                required: true,
                description: 'De versie van de aanvraag die u las | The version of the application you read',
              }),
            }
          : {}),
      },
      resolve: (query, _root, args, context) =>
        runTransition(transition, args as TransitionArgs, context, query) as never,
    }),
  );
}

// ---- the workflow itself, for clients that build their buttons from it ---------------------
const TransitionOperation = builder.enumType('SubsidyTransitionOperation', {
  description: 'Een stap in de behandeling van een aanvraag | A step in processing an application',
  values: Object.fromEntries(
    TRANSITION_NAMES.map((name) => [name, { value: name, description: TRANSITIONS[name].label }]),
  ) as Record<Transition, { value: Transition; description: string }>,
});

const TransitionRuleRef = builder
  .objectRef<{ operation: Transition; rule: TransitionRule }>('SubsidyTransitionRule')
  .implement({
    description:
      'Een regel van de werkstroom: vanuit welke statussen, naar welke, met welke mutatie | One rule of the workflow: from which states, to which, by which mutation',
    authScopes: guardedBy(anyone),
    fields: (t) => ({
      operation: t.field({
        type: TransitionOperation,
        description: 'Stap | Step',
        resolve: ({ operation }) => operation,
      }),
      mutation: t.string({
        description: 'Naam van de mutatie | Name of the mutation',
        resolve: ({ rule }) => rule.mutation,
      }),
      from: t.field({
        type: [enumRef('SubsidyApplicationState')],
        description: 'Alleen vanuit | Only from',
        resolve: ({ rule }) => [...rule.from],
      }),
      to: t.field({
        type: enumRef('SubsidyApplicationState'),
        description:
          'Naar | To\nEen voorstel tot verlening blijft in behandeling tot een tweede adviseur het goedkeurt. | A grant proposal stays in review until a second officer approves it.',
        resolve: ({ rule }) => rule.to,
      }),
      takesAmount: t.boolean({
        description: 'Neemt een bedrag (amountCents) | Takes an amount (amountCents)',
        resolve: ({ rule }) => rule.amount !== undefined,
      }),
      amountRequired: t.boolean({
        description: 'Bedrag verplicht | Amount required',
        resolve: ({ rule }) => rule.amount === 'required',
      }),
      expectsVersion: t.boolean({
        description:
          'Noemt wat gelezen is | Names what was read\nDe mutatie neemt expectedVersion en het voorgestelde bedrag dat de gebruiker las. | The mutation takes expectedVersion and the proposed amount the user read.',
        resolve: ({ rule }) => rule.expectsVersion === true,
      }),
    }),
  });

builder.queryField('subsidyTransitions', (t) =>
  t.field({
    type: [TransitionRuleRef],
    description:
      "De werkstroom van een subsidieaanvraag, in de volgorde van de behandeling | The workflow of a subsidy application, in processing order\nWelke stappen er zijn en wat ze nodig hebben; welke nu mogen staat per aanvraag in allowedTransitions. | Which steps exist and what they need; which are allowed now is in each application's allowedTransitions.",
    authScopes: guardedBy(anyone),
    resolve: () => TRANSITION_NAMES.map((operation) => ({ operation, rule: TRANSITIONS[operation] })),
  }),
);

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
    description:
      'Vervangt de begroting van een concept-aanvraag; het aangevraagde bedrag is de som | Replaces the budget of a draft application; the requested amount is the sum',
    authScopes: guardedBy(grantOfficer),
    args: {
      id: t.arg.id({ required: true }),
      lines: t.arg({ type: [BudgetLineInput], required: true }),
      expectedVersion: t.arg.int({ required: true, description: 'De versie die u las | The version you read' }),
    },
    resolve: (query, _root, args, context) => setBudget(args, context, query) as never,
  }),
);

const SchemeLimitsInput = builder.inputType('SubsidySchemeLimitsInput', {
  description:
    'Alleen opgegeven velden veranderen; null maakt een grens leeg | Only the fields given change; null clears a limit',
  fields: (t) => ({
    ceilingCents: t.int({
      description:
        'Subsidieplafond (eurocent); leeg = onbekend, dan wordt niets verleend | Budget ceiling (euro cents); empty = unknown, nothing is granted then',
    }),
    maxPerApplicationCents: t.int({
      description: 'Maximum per aanvraag (eurocent); leeg = geen | Maximum per application (euro cents); empty = none',
    }),
    fourEyesThresholdCents: t.int({
      description:
        'Vier-ogengrens (eurocent); leeg = elke verlening door één adviseur | Four-eyes threshold (euro cents); empty = any grant by one officer',
    }),
  }),
});

builder.mutationField('setSubsidySchemeLimits', (t) =>
  t.prismaField({
    type: 'SubsidyScheme',
    description:
      'Wijzigt plafond, maximum per aanvraag of vier-ogengrens (beheerders, met reden, geaudit). CEILING_EXCEEDED als het plafond onder het verleende komt; CONFLICT (pending_proposals) als een openstaand voorstel daardoor zonder tweede goedkeuring verleend zou kunnen worden | Changes the ceiling, maximum per application or four-eyes threshold (administrators, with a reason, audited). CEILING_EXCEEDED when the ceiling would drop below what is granted; CONFLICT (pending_proposals) when a pending proposal could then be granted without its second approval',
    authScopes: guardedBy(schemeLimitsKeeper),
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: 'De versie die u las | The version you read' }),
      input: t.arg({ type: SchemeLimitsInput, required: true }),
      reason: t.arg.string({
        required: true,
        description:
          'Reden, bijv. het raadsbesluit; komt in de audittrail | Reason, e.g. the council decision; goes into the audit trail',
      }),
    },
    resolve: (query, _root, args, context) =>
      setSchemeLimits(
        { ...args, input: args.input as Partial<Record<SchemeLimit, number | null>> },
        context,
        query,
      ) as never,
  }),
);

// ---- what a partner sees of its own applications -------------------------------------------
type OwnApplication = SubsidyApplication & {
  scheme: { name: string };
  transitions: { toState: SubsidyApplicationState; at: Date }[];
};

const OwnStep = builder
  .objectRef<{ toState: SubsidyApplicationState; at: Date }>('OwnSubsidyApplicationStep')
  .implement({
    description: 'Een stap van uw aanvraag | A step of your application',
    authScopes: guardedBy(either(ownApplications, applicationReaders)),
    fields: (t) => ({
      state: t.field({
        type: enumRef('SubsidyApplicationState'),
        description: 'Status | State',
        resolve: (step) => step.toState,
      }),
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
    state: t.field({
      type: enumRef('SubsidyApplicationState'),
      description: 'Status | State',
      resolve: (a) => a.state,
    }),
    requestedCents: t.exposeInt('requestedCents', { description: 'Aangevraagd (eurocent) | Requested (euro cents)' }),
    grantedCents: t.exposeInt('grantedCents', {
      nullable: true,
      description: 'Verleend (eurocent) | Granted (euro cents)',
    }),
    advancePaidCents: t.exposeInt('advancePaidCents', {
      nullable: true,
      description: 'Voorschot (eurocent) | Advance (euro cents)',
    }),
    finalCents: t.exposeInt('finalCents', {
      nullable: true,
      description: 'Vastgesteld (eurocent) | Final (euro cents)',
    }),
    reclaimCents: t.exposeInt('reclaimCents', {
      nullable: true,
      description: 'Terug te betalen (eurocent) | To repay (euro cents)',
    }),
    receivedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Ontvangen op | Received on',
      resolve: (a) => a.receivedOn,
    }),
    decisionDueOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Uiterste beslisdatum | Decision due',
      resolve: (a) => a.decisionDueOn,
    }),
    decidedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Besloten op | Decided on',
      resolve: (a) => a.decidedOn,
    }),
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

const ownInclude = {
  scheme: { select: { name: true } },
  transitions: { select: { toState: true, at: true }, orderBy: { seq: 'asc' } },
} as const;

builder.queryField('ownSubsidyApplications', (t) =>
  t.field({
    type: [OwnApplicationRef],
    description:
      "De subsidieaanvragen van uw organisatie (API-sleutel met subsidies:own) | Your organisation's subsidy applications (API token with subsidies:own)",
    authScopes: guardedBy(either(ownApplications, applicationReaders)),
    args: {
      partnerId: t.arg.id({ description: 'Alleen voor medewerkers: de organisatie | Staff only: the organisation' }),
    },
    resolve: (_root, args, context) =>
      db().subsidyApplication.findMany({
        where: { applicantId: ownerOf(context, args.partnerId), state: { not: 'DRAFT' } },
        include: ownInclude,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: 500,
      }) as Promise<OwnApplication[]>,
  }),
);
