// Progress rounds (issue 13): the thin GraphQL layer over server/src/progress/. Rounds, updates
// and budget realisations come through the uniform API (rounds and updates read-only there: they
// move only through the steps below); the steps are explicit mutations, each with its audit event
// in the change's transaction (progress/updates.ts). Partners with a progress:write token see
// their open requests and report through the narrow ProgressRequest type, never the staff list.
import { GraphQLError } from 'graphql';
import type { ProgressUpdate } from '@welkom/db';
import { either, nobody, roles, signedIn } from '../auth/rules.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { defineEntity, guardedBy } from '../crud/entity.js';
import { enumRef } from '../crud/enums.js';
import { badUserInput } from '../crud/errors.js';
import { checkId } from '../crud/validation.js';
import { db } from '../db.js';
import { progressWrite, secretary } from '../progress/access.js';
import { realisationByLine, totalsBy } from '../progress/budget.js';
import { indicatorsFedBy } from '../progress/measurements.js';
import {
  REQUEST_INCLUDE,
  dueReminders,
  lateActions,
  missingUpdates,
  myActions,
  openRequests,
  remindersFor,
} from '../progress/overview.js';
import { buildReport } from '../progress/report.js';
import { reportDocx } from '../progress/report-docx.js';
import { reportPdf } from '../progress/report-pdf.js';
import { closeRound, openRound } from '../progress/rounds.js';
import { report, review } from '../progress/updates.js';
import { allowedSteps } from '../progress/workflow.js';
import { todayInAmsterdam } from '../subsidies/calendar.js';

// Rounds and updates change only through the reporting workflow; their trail is the secretaries'.
const staffRead = { read: signedIn, write: nobody, history: secretary };
const reporters = either(signedIn, progressWrite);

defineEntity('ProgressRound', {
  plural: 'progressRounds',
  access: staffRead,
  defaultOrder: [{ field: 'periodEnd', direction: 'desc' }],
});

defineEntity('ProgressUpdate', {
  plural: 'progressUpdates',
  access: staffRead,
  defaultOrder: [{ field: 'createdAt', direction: 'asc' }],
  extraFields: (t) => ({
    addresseeName: t.string({
      nullable: true,
      description:
        'Gericht aan: de naam van de medewerker of organisatie | Addressed to: the name of the staff member or organisation',
      select: { addresseeUser: { select: { name: true } }, addresseePartner: { select: { name: true } } },
      resolve: (update: { addresseeUser: { name: string } | null; addresseePartner: { name: string } | null }) =>
        update.addresseeUser?.name ?? update.addresseePartner?.name ?? null,
    }),
    allowedSteps: t.stringList({
      description: 'Toegestane stappen nu | Steps allowed now',
      resolve: (update: ProgressUpdate) => allowedSteps(update.state),
    }),
  }),
});

defineEntity('ProgressMeasurement', {
  plural: 'progressMeasurements',
  access: staffRead,
  defaultOrder: [{ field: 'date', direction: 'asc' }],
});

defineEntity('ProgressEvidenceFile', {
  plural: 'progressEvidenceFiles',
  access: staffRead,
  // The content is downloaded over HTTP (GET /files/evidence/:id), checked against its sha-256.
  hidden: ['chunks'],
  defaultOrder: [{ field: 'createdAt', direction: 'asc' }],
});

defineEntity('BudgetRealisation', {
  plural: 'budgetRealisations',
  access: { read: signedIn, write: roles('SECRETARY') },
  rules: { source: { maxLength: 500 } },
  defaultOrder: [{ field: 'on', direction: 'desc' }],
});

// ---- the partner's (and owner's) view of a request --------------------------------------------
interface ReportedMeasurement {
  id: string;
  indicatorId: string;
  date: Date;
  value: number;
  comment: string | null;
  measurementId: string | null;
}
interface EvidenceFile {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string | null;
  createdAt: Date;
}
type Request = ProgressUpdate & {
  round: { title: string; dueOn: Date };
  action: { code: string; description: string };
  measurements: ReportedMeasurement[];
  evidenceFiles: EvidenceFile[];
  reminder?: { kind: string; days: number } | null;
};

const ReportedMeasurementRef = builder.objectRef<ReportedMeasurement>('ProgressRequestMeasurement').implement({
  description: 'Een gerapporteerde meting van een kengetal | A reported measurement of an indicator',
  authScopes: guardedBy(reporters),
  fields: (t) => ({
    id: t.exposeID('id', { description: 'ID | ID' }),
    indicatorId: t.exposeID('indicatorId', { description: 'Kengetal (ID) | Indicator (ID)' }),
    date: t.field({ type: 'Date', description: 'Peildatum | Reference date', resolve: (m) => m.date }),
    value: t.exposeFloat('value', { description: 'Waarde | Value' }),
    comment: t.exposeString('comment', { nullable: true, description: 'Toelichting | Comment' }),
    measurementId: t.exposeID('measurementId', {
      nullable: true,
      description: 'De meting van het kengetal na acceptatie | The indicator measurement after acceptance',
    }),
  }),
});

const EvidenceFileRef = builder.objectRef<EvidenceFile>('ProgressRequestEvidenceFile').implement({
  description:
    'Een bewijsstuk; download via GET /files/evidence/{id} | An evidence file; download with GET /files/evidence/{id}',
  authScopes: guardedBy(reporters),
  fields: (t) => ({
    id: t.exposeID('id', { description: 'ID | ID' }),
    fileName: t.exposeString('fileName', { description: 'Bestandsnaam | File name' }),
    contentType: t.exposeString('contentType', {
      description: 'Inhoudstype (uit de inhoud) | Content type (from the content)',
    }),
    sizeBytes: t.exposeInt('sizeBytes', { description: 'Grootte (bytes) | Size (bytes)' }),
    sha256: t.exposeString('sha256', { description: 'SHA-256 | SHA-256' }),
  }),
});

const Reminder = builder.objectRef<{ kind: string; days: number }>('ProgressReminder').implement({
  description: 'Herinnering rond de uiterste datum | Reminder around the due date',
  authScopes: guardedBy(reporters),
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'DUE_SOON of OVERDUE | DUE_SOON or OVERDUE' }),
    days: t.exposeInt('days', {
      description: 'Dagen tot de uiterste datum (negatief: verstreken) | Days to the due date (negative: passed)',
    }),
  }),
});

const ProgressRequest = builder.objectRef<Request>('ProgressRequest').implement({
  description:
    'Een verzoek om voortgang over één actie in één ronde, met de rapportage | A request for progress on one action in one round, with the update',
  authScopes: guardedBy(reporters),
  fields: (t) => ({
    id: t.exposeID('id', { description: 'ID | ID' }),
    roundId: t.exposeID('roundId', { description: 'Ronde (ID) | Round (ID)' }),
    roundTitle: t.string({ description: 'Ronde | Round', resolve: (r) => r.round.title }),
    dueOn: t.field({ type: 'Date', description: 'Uiterste datum | Due date', resolve: (r) => r.round.dueOn }),
    actionId: t.exposeID('actionId', { description: 'Actie (ID) | Action (ID)' }),
    actionCode: t.string({ description: 'Actie | Action', resolve: (r) => r.action.code }),
    actionDescription: t.string({ description: 'Activiteit | Activity', resolve: (r) => r.action.description }),
    state: t.field({ type: enumRef('ProgressUpdateState'), description: 'Stap | State', resolve: (r) => r.state }),
    version: t.exposeInt('version', { description: 'Versie | Version' }),
    status: t.field({
      type: enumRef('ActionStatus'),
      nullable: true,
      description: 'Status | Status',
      resolve: (r) => r.status,
    }),
    assessment: t.field({
      type: enumRef('ProgressAssessment'),
      nullable: true,
      description: 'Beoordeling | Assessment',
      resolve: (r) => r.assessment,
    }),
    happened: t.exposeString('happened', { nullable: true, description: 'Wat is er gebeurd | What happened' }),
    nextSteps: t.exposeString('nextSteps', { nullable: true, description: 'Wat komt er | What comes next' }),
    risks: t.exposeString('risks', { nullable: true, description: "Risico's | Risks" }),
    percentComplete: t.exposeInt('percentComplete', {
      nullable: true,
      description: 'Percentage gereed | Percentage done',
    }),
    milestones: t.exposeStringList('milestones', { description: 'Mijlpalen | Milestones' }),
    evidenceLinks: t.exposeStringList('evidenceLinks', { description: 'Bewijs (links) | Evidence (links)' }),
    reviewComment: t.exposeString('reviewComment', {
      nullable: true,
      description: 'Opmerking van het secretariaat | Comment of the secretariat',
    }),
    submittedBy: t.exposeString('submittedBy', { nullable: true, description: 'Ingediend door | Submitted by' }),
    acceptedBy: t.exposeString('acceptedBy', { nullable: true, description: 'Geaccepteerd door | Accepted by' }),
    reminder: t.field({
      type: Reminder,
      nullable: true,
      description: 'Herinnering | Reminder',
      resolve: (r) => r.reminder ?? null,
    }),
    measurements: t.field({
      type: [ReportedMeasurementRef],
      description: 'Nieuwe metingen van kengetallen | New indicator measurements',
      resolve: (r) => r.measurements,
    }),
    evidenceFiles: t.field({
      type: [EvidenceFileRef],
      description: 'Bewijsstukken (bestanden) | Evidence files',
      resolve: (r) => r.evidenceFiles,
    }),
  }),
});

const asRequest = async (update: ProgressUpdate): Promise<Request> => {
  return db().progressUpdate.findUniqueOrThrow({
    where: { id: update.id },
    include: REQUEST_INCLUDE,
  }) as Promise<Request>;
};

const MeasurementInput = builder.inputType('ProgressMeasurementInput', {
  description:
    'Een nieuwe meting voor een kengetal dat de actie voedt (van het eigen onderdeel) | A new measurement for an indicator the action feeds (of its own section)',
  fields: (t) => ({
    indicatorId: t.id({
      required: true,
      description: 'Kengetal (ID), zie indicatorsFedByAction | Indicator (ID), see indicatorsFedByAction',
    }),
    date: t.field({ type: 'Date', required: true, description: 'Peildatum | Reference date' }),
    value: t.float({ required: true, description: 'Waarde | Value' }),
    comment: t.string({ description: 'Toelichting | Comment' }),
  }),
});

const UpdateInput = builder.inputType('ProgressUpdateInput', {
  description:
    'Wat de eigenaar of partner rapporteert; bij indienen zijn status, beoordeling en wat er gebeurde verplicht | What the owner or partner reports; status, assessment and what happened are required to submit',
  fields: (t) => ({
    status: t.field({ type: enumRef('ActionStatus'), description: 'Status (ook Onbekend) | Status (UNKNOWN allowed)' }),
    assessment: t.field({ type: enumRef('ProgressAssessment'), description: 'Beoordeling | Assessment' }),
    happened: t.string({ description: 'Wat is er gebeurd | What happened' }),
    nextSteps: t.string({ description: 'Wat komt er | What comes next' }),
    risks: t.string({ description: "Risico's | Risks" }),
    percentComplete: t.int({ description: 'Percentage gereed, 0-100 | Percentage done, 0-100' }),
    milestones: t.stringList({ description: 'Mijlpalen | Milestones' }),
    evidenceLinks: t.stringList({ description: 'Links als bewijs (http/https) | Evidence links (http/https)' }),
    measurements: t.field({
      type: [MeasurementInput],
      description:
        "Nieuwe metingen; gegeven vervangen ze die van het concept | New measurements; given, they replace the draft's",
    }),
  }),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a field builder shared by two mutations
const reportArgs = (t: any) => ({
  roundId: t.arg.id({ required: true }),
  actionId: t.arg.id({ required: true }),
  input: t.arg({ type: UpdateInput, required: true }),
  expectedVersion: t.arg.int({ description: 'De versie die u las (optioneel) | The version you read (optional)' }),
});

builder.mutationField('saveProgressDraft', (t) =>
  t.field({
    type: ProgressRequest,
    description:
      'Slaat een concept op (eigenaar, geadresseerde, gekoppelde partner met progress:write, of secretariaat) | Saves a draft (owner, addressee, linked partner with progress:write, or secretariat)',
    authScopes: guardedBy(reporters),
    args: reportArgs(t),
    resolve: async (_root, args: any, context: Context) => asRequest(await report('saveDraft', args, context)),
  }),
);

builder.mutationField('submitProgressUpdate', (t) =>
  t.field({
    type: ProgressRequest,
    description:
      'Dient de rapportage in. BAD_USER_INPUT (not_in_round) als de actie niet in de ronde zit; TRANSITION_NOT_ALLOWED na acceptatie; FORBIDDEN voor een niet-gekoppelde partner | Submits the update. BAD_USER_INPUT (not_in_round) when the action is not in the round; TRANSITION_NOT_ALLOWED after acceptance; FORBIDDEN for a partner not linked',
    authScopes: guardedBy(reporters),
    args: reportArgs(t),
    resolve: async (_root, args: any, context: Context) => asRequest(await report('submit', args, context)),
  }),
);

builder.mutationField('returnProgressUpdate', (t) =>
  t.field({
    type: ProgressRequest,
    description:
      'Stuurt een ingediende rapportage terug met een opmerking (secretariaat) | Returns a submitted update with a comment (secretariat)',
    authScopes: guardedBy(secretary),
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true }),
      comment: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, context) => asRequest(await review('return', args, context)),
  }),
);

builder.mutationField('acceptProgressUpdate', (t) =>
  t.field({
    type: ProgressRequest,
    description:
      "Accepteert een ingediende rapportage: de status en beoordeling worden die van de actie (secretariaat) | Accepts a submitted update: its status and assessment become the action's (secretariat)",
    authScopes: guardedBy(secretary),
    args: { id: t.arg.id({ required: true }), expectedVersion: t.arg.int({ required: true }), comment: t.arg.string() },
    resolve: async (_root, args, context) => asRequest(await review('accept', args, context)),
  }),
);

builder.mutationField('closeProgressRound', (t) =>
  t.prismaField({
    type: 'ProgressRound',
    description:
      'Sluit een ronde: geen nieuwe concepten of indieningen meer; wat niet is ingediend wordt MISSING (secretariaat) | Closes a round: no new drafts or submissions; what was not submitted becomes MISSING (secretariat)',
    authScopes: guardedBy(secretary),
    args: { id: t.arg.id({ required: true }), expectedVersion: t.arg.int({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const { round } = await closeRound(args, context);
      return db().progressRound.findUniqueOrThrow({ ...query, where: { id: round.id } });
    },
  }),
);

const FedIndicator = builder
  .objectRef<{ id: string; code: string; name: string; unit: string }>('FedIndicator')
  .implement({
    description: 'Een kengetal dat een actie voedt | An indicator an action feeds',
    authScopes: guardedBy(reporters),
    fields: (t) => ({
      id: t.exposeID('id', { description: 'ID | ID' }),
      code: t.exposeString('code', { description: 'Code | Code' }),
      name: t.exposeString('name', { description: 'Naam | Name' }),
      unit: t.exposeString('unit', { description: 'Eenheid | Unit' }),
    }),
  });

builder.queryField('indicatorsFedByAction', (t) =>
  t.field({
    type: [FedIndicator],
    description:
      'De kengetallen waarvoor een rapportage over deze actie metingen kan geven (die van haar onderdeel) | The indicators an update on this action can give measurements for (those of its section)',
    authScopes: guardedBy(reporters),
    args: { actionId: t.arg.id({ required: true }) },
    resolve: async (_root, args) => {
      checkId(args.actionId, 'actionId');
      const exists = await db().action.findUnique({ where: { id: args.actionId }, select: { id: true } });
      if (!exists)
        throw badUserInput([
          {
            field: 'actionId',
            reason: 'not_found',
            message: 'Deze actie bestaat niet.',
            messageEn: 'This action does not exist.',
          },
        ]);
      return indicatorsFedBy(db(), args.actionId);
    },
  }),
);

const RoundInput = builder.inputType('OpenProgressRoundInput', {
  fields: (t) => ({
    title: t.string({
      required: true,
      description: 'Titel, bijv. Voortgang najaar 2026 | Title, e.g. Voortgang najaar 2026',
    }),
    periodStart: t.field({ type: 'Date', required: true, description: 'Begin periode | Period start' }),
    periodEnd: t.field({ type: 'Date', required: true, description: 'Einde periode | Period end' }),
    dueOn: t.field({
      type: 'Date',
      required: true,
      description: 'Uiterste datum (niet voor het begin) | Due date (not before the start)',
    }),
    actionIds: t.idList({
      description:
        'Welke acties; standaard alle die niet afgerond of geschrapt zijn | Which actions; default all not done or cancelled',
    }),
  }),
});

builder.mutationField('openProgressRound', (t) =>
  t.prismaField({
    type: 'ProgressRound',
    description:
      'Opent een voortgangsronde met een verzoek per actie aan de eigenaar of een gekoppelde partner (secretariaat) | Opens a progress round with a request per action to its owner or a linked partner (secretariat)',
    authScopes: guardedBy(secretary),
    args: { input: t.arg({ type: RoundInput, required: true }) },
    resolve: async (query, _root, args, context) => {
      const round = await openRound(args.input, context);
      return db().progressRound.findUniqueOrThrow({ ...query, where: { id: round.id } });
    },
  }),
);

// ---- at a glance ---------------------------------------------------------------------------
const dayOf = (on: Date | null | undefined) => on ?? todayInAmsterdam();

builder.queryField('openProgressRequests', (t) =>
  t.field({
    type: [ProgressRequest],
    description:
      'Wat u gevraagd wordt te rapporteren (medewerker: aan u of uw acties; API-sleutel met progress:write: uw organisatie) | What you are asked to report (staff: addressed to you or your actions; token with progress:write: your organisation)',
    authScopes: guardedBy(reporters),
    args: {
      on: t.arg({
        type: 'Date',
        description: 'Peildatum voor herinneringen (standaard vandaag) | Date for reminders (default today)',
      }),
    },
    resolve: (_root, args, context) => openRequests(context.identity, dayOf(args.on)) as Promise<Request[]>,
  }),
);

type DueReminderRow = Awaited<ReturnType<typeof dueReminders>>[number];
const DueReminderRef = builder.objectRef<DueReminderRow>('DueProgressReminder').implement({
  description:
    'Een herinnering aan wie een verzoek is gericht, voor en na de uiterste datum | A reminder to whom a request is addressed, before and after the due date',
  authScopes: guardedBy(signedIn),
  fields: (t) => ({
    updateId: t.exposeID('updateId', { description: 'Rapportage (ID) | Update (ID)' }),
    roundId: t.exposeID('roundId', { description: 'Ronde (ID) | Round (ID)' }),
    roundTitle: t.exposeString('roundTitle', { description: 'Ronde | Round' }),
    dueOn: t.field({ type: 'Date', description: 'Uiterste datum | Due date', resolve: (r) => r.dueOn }),
    actionId: t.exposeID('actionId', { description: 'Actie (ID) | Action (ID)' }),
    actionCode: t.exposeString('actionCode', { description: 'Actie | Action' }),
    userId: t.exposeID('userId', { nullable: true, description: 'Medewerker (ID) | Staff member (ID)' }),
    partnerId: t.exposeID('partnerId', { nullable: true, description: 'Organisatie (ID) | Organisation (ID)' }),
    kind: t.exposeString('kind', { description: 'DUE_SOON of OVERDUE | DUE_SOON or OVERDUE' }),
    days: t.exposeInt('days', {
      description: 'Dagen tot de uiterste datum (negatief: verstreken) | Days to the due date (negative: passed)',
    }),
  }),
});

builder.queryField('progressReminders', (t) =>
  t.field({
    type: [DueReminderRef],
    description:
      "Herinneringen op een datum: uw eigen, of (secretariaat, all: true) die van iedereen | Reminders on a date: your own, or (secretariat, all: true) everyone's",
    authScopes: guardedBy(signedIn),
    args: { on: t.arg({ type: 'Date' }), all: t.arg.boolean() },
    resolve: (_root, args, context) => {
      const on = dayOf(args.on);
      if (args.all) {
        if (!secretary.allows(context.identity))
          throw new GraphQLError(
            'Alle herinneringen zijn voor het secretariaat. | All reminders are for the secretariat.',
            { extensions: { code: 'FORBIDDEN' } },
          );
        return dueReminders(on);
      }
      return remindersFor(context.identity, on);
    },
  }),
);

const MyActionRef = builder.objectRef<Awaited<ReturnType<typeof myActions>>[number]>('MyAction').implement({
  description:
    'Een actie die u trekt, met open verzoeken en of ze te laat is | An action you own, with open requests and whether it is late',
  authScopes: guardedBy(signedIn),
  fields: (t) => ({
    id: t.exposeID('id', { description: 'ID | ID' }),
    code: t.exposeString('code', { description: 'Code | Code' }),
    description: t.exposeString('description', { description: 'Activiteit | Activity' }),
    status: t.field({ type: enumRef('ActionStatus'), description: 'Status | Status', resolve: (a) => a.status }),
    assessment: t.field({
      type: enumRef('ProgressAssessment'),
      nullable: true,
      description: 'Beoordeling | Assessment',
      resolve: (a) => a.assessment,
    }),
    endDate: t.field({ type: 'Date', nullable: true, description: 'Einddatum | End date', resolve: (a) => a.endDate }),
    lateReasons: t.exposeStringList('lateReasons', {
      description: 'Waarom te laat (leeg: op tijd) | Why late (empty: on time)',
    }),
    openRequests: t.field({
      type: [ProgressRequest],
      description: 'Open verzoeken | Open requests',
      resolve: (a) => a.openRequests as Request[],
    }),
  }),
});

builder.queryField('myActions', (t) =>
  t.field({
    type: [MyActionRef],
    description:
      'Mijn acties: de acties die u trekt, met open verzoeken en te-laat-status | My actions: the actions you own, with open requests and late state',
    authScopes: guardedBy(signedIn),
    args: { on: t.arg({ type: 'Date', description: 'Peildatum (standaard vandaag) | Date (default today)' }) },
    resolve: (_root, args, context) =>
      context.identity.kind === 'user' ? myActions(context.identity.userId, dayOf(args.on)) : [],
  }),
);

const LateActionRef = builder.objectRef<Awaited<ReturnType<typeof lateActions>>[number]>('LateAction').implement({
  description: 'Een actie die te laat is | An action that is late',
  authScopes: guardedBy(signedIn),
  fields: (t) => ({
    actionId: t.exposeID('actionId', { description: 'Actie (ID) | Action (ID)' }),
    code: t.exposeString('code', { description: 'Code | Code' }),
    description: t.exposeString('description', { description: 'Activiteit | Activity' }),
    reasons: t.exposeStringList('reasons', {
      description: 'END_DATE_PASSED en/of ASSESSED_BEHIND | END_DATE_PASSED and/or ASSESSED_BEHIND',
    }),
  }),
});

builder.queryField('lateActions', (t) =>
  t.field({
    type: [LateActionRef],
    description:
      'Acties die te laat zijn op een datum: einddatum voorbij en niet afgerond of geschrapt, of laatste beoordeling "achter" | Actions late on a date: end date passed and not done or cancelled, or latest assessment "behind"',
    authScopes: guardedBy(signedIn),
    args: { on: t.arg({ type: 'Date' }), mine: t.arg.boolean({ description: 'Alleen mijn acties | Only my actions' }) },
    resolve: (_root, args, context) =>
      lateActions(dayOf(args.on), args.mine && context.identity.kind === 'user' ? context.identity.userId : null),
  }),
);

builder.queryField('missingProgressUpdates', (t) =>
  t.field({
    type: [ProgressRequest],
    description:
      'Verzoeken van open rondes waarvan de uiterste datum voorbij is zonder indiening | Requests of open rounds past their due date without a submission',
    authScopes: guardedBy(signedIn),
    args: { on: t.arg({ type: 'Date' }), roundId: t.arg.id() },
    resolve: (_root, args) => {
      if (args.roundId) checkId(args.roundId, 'roundId');
      return missingUpdates(dayOf(args.on), args.roundId ? { roundId: args.roundId } : {}) as Promise<Request[]>;
    },
  }),
);

// ---- budget realisation ----------------------------------------------------------------------
type Row = Awaited<ReturnType<typeof realisationByLine>>[number];
export const RealisationRowRef = builder.objectRef<Row>('BudgetRealisationRow').implement({
  description:
    'Begroot, verplicht en uitgegeven per begrotingsregel en jaar (eurocent) | Planned, committed and spent per budget line and year (euro cents)',
  authScopes: guardedBy(signedIn),
  fields: (t) => ({
    budgetLineId: t.exposeID('budgetLineId', {
      nullable: true,
      description:
        'Begrotingsregel (ID); leeg voor subsidieverleningen zonder regel in 5.3 | Budget line (ID); empty for subsidy grants without a line in 5.3',
    }),
    code: t.exposeString('code', { description: 'Code | Code' }),
    title: t.exposeString('title', { description: 'Titel | Title' }),
    themeNumber: t.exposeInt('themeNumber', { description: 'Opgave | Theme' }),
    year: t.exposeInt('year', { description: 'Jaar | Year' }),
    plannedCents: t.exposeFloat('plannedCents', { description: 'Begroot | Planned' }),
    committedCents: t.exposeFloat('committedCents', {
      description: 'Verplicht (incl. subsidieverleningen 3.5 2.A) | Committed (incl. subsidy grants 3.5 2.A)',
    }),
    spentCents: t.exposeFloat('spentCents', { description: 'Uitgegeven | Spent' }),
    subsidyCommittedCents: t.exposeFloat('subsidyCommittedCents', {
      description: 'Waarvan subsidieverleningen | Of which subsidy grants',
    }),
  }),
});
const RealisationTotalRef = builder.objectRef<ReturnType<typeof totalsBy>[number]>('BudgetRealisationTotal').implement({
  authScopes: guardedBy(signedIn),
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Opgave of jaar | Theme or year' }),
    plannedCents: t.exposeFloat('plannedCents', { description: 'Begroot | Planned' }),
    committedCents: t.exposeFloat('committedCents', { description: 'Verplicht | Committed' }),
    spentCents: t.exposeFloat('spentCents', { description: 'Uitgegeven | Spent' }),
  }),
});
const RealisationSummary = builder.objectRef<{ lines: Row[] }>('BudgetRealisationSummary').implement({
  authScopes: guardedBy(signedIn),
  fields: (t) => ({
    lines: t.field({ type: [RealisationRowRef], resolve: (s) => s.lines }),
    byTheme: t.field({ type: [RealisationTotalRef], resolve: (s) => totalsBy(s.lines, (r) => String(r.themeNumber)) }),
    byYear: t.field({ type: [RealisationTotalRef], resolve: (s) => totalsBy(s.lines, (r) => String(r.year)) }),
  }),
});

builder.queryField('budgetRealisationSummary', (t) =>
  t.field({
    type: RealisationSummary,
    description:
      'Begroting tegenover verplicht en uitgegeven, per regel, opgave en jaar | Budget against committed and spent, per line, theme and year',
    authScopes: guardedBy(signedIn),
    args: { fromYear: t.arg.int(), toYear: t.arg.int(), themeId: t.arg.id() },
    resolve: async (_root, args) => {
      if (args.themeId) checkId(args.themeId, 'themeId');
      return { lines: await realisationByLine(args) };
    },
  }),
);

// ---- the council report ------------------------------------------------------------------------
const ReportFormat = builder.enumType('ProgressReportFormat', {
  values: { DOCX: { description: 'Word (bewerkbaar) | Word (editable)' }, PDF: { description: 'PDF | PDF' } },
});
const ReportFile = builder
  .objectRef<{ filename: string; contentType: string; base64: string }>('ProgressReportFile')
  .implement({
    authScopes: guardedBy(signedIn),
    fields: (t) => ({
      filename: t.exposeString('filename', { description: 'Bestandsnaam | File name' }),
      contentType: t.exposeString('contentType', { description: 'MIME-type | MIME type' }),
      base64: t.exposeString('base64', { description: 'Inhoud, base64 | Content, base64' }),
    }),
  });

builder.queryField('progressReport', (t) =>
  t.field({
    type: ReportFile,
    description:
      'De voortgangsrapportage aan de raad van een ronde, als Word of PDF | The progress report to the council of a round, as Word or PDF',
    authScopes: guardedBy(signedIn),
    args: { roundId: t.arg.id({ required: true }), format: t.arg({ type: ReportFormat, required: true }) },
    resolve: async (_root, args) => {
      checkId(args.roundId, 'roundId');
      const round = await db().progressRound.findUnique({
        where: { id: args.roundId },
        select: { id: true, title: true },
      });
      if (!round)
        throw badUserInput([
          {
            field: 'roundId',
            reason: 'not_found',
            message: 'Deze ronde bestaat niet.',
            messageEn: 'This round does not exist.',
          },
        ]);
      const model = await buildReport(round.id);
      const docx = args.format === 'DOCX';
      const buffer = docx ? await reportDocx(model) : await reportPdf(model);
      const base = `voortgangsrapportage-${round.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
      return {
        filename: `${base}.${docx ? 'docx' : 'pdf'}`,
        contentType: docx
          ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
          : 'application/pdf',
        base64: buffer.toString('base64'),
      };
    },
  }),
);
