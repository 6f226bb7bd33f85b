import { type AccessRule, anyone, publicRegister, signedIn } from '../auth/rules.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { type RealisationRow, realisationByLine } from '../progress/budget.js';
import { RealisationRowRef } from './progress.js';
import { defineEntity, defineLinkObject, guardedBy } from '../crud/entity.js';
import { enumRef } from '../crud/enums.js';
import {
  type Attainment,
  type BudgetFundingYear,
  type BudgetSummary,
  type BudgetThemeYear,
  type BudgetYear,
  type CapacityEvent,
  type CapacityFilter,
  type CapacityRow,
  type Timeline,
  budgetSummary,
  capacityTimeline,
  quotaAttainment,
  receptionCapacity,
} from '../monitoring/aggregates.js';

const CODE = /^[A-Za-z0-9][A-Za-z0-9.\- ]*$/;
const viaSection = (description: string) => ({
  type: 'id' as const,
  description,
  where: (condition: Record<string, unknown>) => ({ section: { themeId: condition } }),
});

defineLinkObject('LocationAction', anyone, publicRegister.write);

defineEntity('Location', {
  access: publicRegister,
  plural: 'locations',
  rules: { code: { maxLength: 100, pattern: CODE, patternHint: '"azc-dommer"' }, name: { maxLength: 300 } },
  derivedFilters: { themeId: viaSection('Locaties van deze opgave | Locations of this theme') },
  defaultOrder: [{ field: 'code', direction: 'asc' }],
});

defineEntity('LocationCapacity', {
  access: publicRegister,
  plural: 'locationCapacities',
  rules: { key: { maxLength: 200 } },
  defaultOrder: [{ field: 'validFrom', direction: 'asc' }],
});

defineEntity('Quota', {
  access: publicRegister,
  plural: 'quotas',
  rules: {
    code: { maxLength: 100, pattern: CODE, patternHint: '"spreidingswet-2025"' },
    name: { maxLength: 300 },
    unit: { maxLength: 50 },
  },
  derivedFilters: { themeId: viaSection('Taakstellingen van deze opgave | Quotas of this theme') },
});

defineEntity('Indicator', {
  access: publicRegister,
  plural: 'indicators',
  // Reported measurements are staff's until accepted (schema/progress.ts); accepted ones are Measurements.
  hidden: ['progressMeasurements'],
  rules: {
    code: { maxLength: 100, pattern: CODE, patternHint: '"bbb-gebruikers"' },
    name: { maxLength: 300 },
    unit: { maxLength: 50 },
  },
  derivedFilters: { themeId: viaSection('Kengetallen van deze opgave | Indicators of this theme') },
});

defineEntity('Measurement', {
  access: publicRegister,
  plural: 'measurements',
  rules: { key: { maxLength: 200 }, qualifier: { maxLength: 100 } },
  defaultOrder: [{ field: 'date', direction: 'asc' }],
});

defineEntity('BudgetLine', {
  access: publicRegister,
  plural: 'budgetLines',
  rules: { code: { maxLength: 12 }, title: { maxLength: 300 } },
  derivedFilters: { themeId: viaSection('Begrotingsregels van deze opgave | Budget lines of this theme') },
});

defineEntity('BudgetAmount', {
  access: publicRegister,
  plural: 'budgetAmounts',
  derivedFilters: {
    themeId: {
      type: 'id',
      description: 'Bedragen van deze opgave | Amounts of this theme',
      where: (condition) => ({ budgetLine: { section: { themeId: condition } } }),
    },
  },
  defaultOrder: [{ field: 'year', direction: 'asc' }],
});

defineEntity('BudgetStatedTotal', {
  access: publicRegister,
  plural: 'budgetStatedTotals',
  defaultOrder: [{ field: 'year', direction: 'asc' }],
});

// ---- aggregates --------------------------------------------------------------------------
// Everything they count is in the published document or entered on top of it by secretaries,
// both readable by anyone, so the aggregates are as public as the entities they summarise.
const readable: AccessRule = anyone;
const guarded = { authScopes: guardedBy(readable) };

// Committed and spent (issue 13) are the municipality's own figures: signed-in staff see them, a
// partner's token reads null. Summed from the same rows as budgetRealisationSummary, fetched once
// per budgetSummary and only when one of these fields is asked for.
type Realised = { realisation: () => Promise<RealisationRow[]> };
const staffSum =
  (pick: (row: RealisationRow) => boolean, column: 'committedCents' | 'spentCents') =>
  async (parent: Realised, _args: unknown, context: Context) => {
    if (!signedIn.allows(context.identity)) return null;
    return (await parent.realisation()).filter(pick).reduce((sum, row) => sum + row[column], 0);
  };

const BudgetYearRef = builder.objectRef<BudgetYear & Realised>('BudgetYearTotal').implement({
  description:
    'Begroting per jaar: som van de regels en het totaal dat de tabel noemt | Budget per year: sum of the lines and the total the table states',
  ...guarded,
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Jaar | Year' }),
    computedCents: t.exposeInt('computedCents', {
      description: 'Som van de regels (eurocent) | Sum of the lines (euro cents)',
    }),
    statedCents: t.exposeInt('statedCents', {
      nullable: true,
      description:
        'Totaal volgens de tabel (eurocent); leeg bij een filter op opgave | Total as the table states it (euro cents); empty when filtered by theme',
    }),
    differenceCents: t.int({
      nullable: true,
      description:
        'Vermeld totaal min som van de regels (eurocent) | Stated total minus the sum of the lines (euro cents)',
      resolve: (row) => (row.statedCents === null ? null : row.statedCents - row.computedCents),
    }),
    committedCents: t.float({
      nullable: true,
      description:
        'Verplicht (eurocent), incl. subsidieverleningen 3.5 2.A; alleen voor medewerkers | Committed (euro cents), incl. subsidy grants 3.5 2.A; staff only',
      resolve: (row, args, context) => staffSum((r) => r.year === row.year, 'committedCents')(row, args, context),
    }),
    spentCents: t.float({
      nullable: true,
      description: 'Uitgegeven (eurocent); alleen voor medewerkers | Spent (euro cents); staff only',
      resolve: (row, args, context) => staffSum((r) => r.year === row.year, 'spentCents')(row, args, context),
    }),
  }),
});

const BudgetThemeYearRef = builder.objectRef<BudgetThemeYear & Realised>('BudgetThemeYear').implement({
  description: 'Begroting per opgave en jaar | Budget per theme and year',
  ...guarded,
  fields: (t) => ({
    themeId: t.exposeID('themeId', { description: 'Opgave (ID) | Theme (ID)' }),
    themeNumber: t.exposeInt('themeNumber', { description: 'Nummer van de opgave | Theme number' }),
    themeName: t.exposeString('themeName', { description: 'Naam van de opgave | Theme name' }),
    year: t.exposeInt('year', { description: 'Jaar | Year' }),
    amountCents: t.exposeInt('amountCents', { description: 'Bedrag (eurocent) | Amount (euro cents)' }),
    committedCents: t.float({
      nullable: true,
      description: 'Verplicht (eurocent); alleen voor medewerkers | Committed (euro cents); staff only',
      resolve: (row, args, context) =>
        staffSum((r) => r.year === row.year && r.themeNumber === row.themeNumber, 'committedCents')(row, args, context),
    }),
    spentCents: t.float({
      nullable: true,
      description: 'Uitgegeven (eurocent); alleen voor medewerkers | Spent (euro cents); staff only',
      resolve: (row, args, context) =>
        staffSum((r) => r.year === row.year && r.themeNumber === row.themeNumber, 'spentCents')(row, args, context),
    }),
  }),
});

const BudgetFundingYearRef = builder.objectRef<BudgetFundingYear>('BudgetFundingYear').implement({
  description: 'Begroting per soort dekking en jaar | Budget per funding kind and year',
  ...guarded,
  fields: (t) => ({
    funding: t.field({ type: enumRef('FundingKind'), description: 'Dekking | Funding', resolve: (row) => row.funding }),
    year: t.exposeInt('year', { description: 'Jaar | Year' }),
    amountCents: t.exposeInt('amountCents', { description: 'Bedrag (eurocent) | Amount (euro cents)' }),
  }),
});

type RealisedSummary = Omit<BudgetSummary, 'years' | 'byTheme'> &
  Realised & { years: (BudgetYear & Realised)[]; byTheme: (BudgetThemeYear & Realised)[] };
const BudgetSummaryRef = builder.objectRef<RealisedSummary>('BudgetSummary').implement({
  description: 'De begroting van 5.3 opgeteld in de database | The 5.3 budget, summed in the database',
  ...guarded,
  fields: (t) => ({
    years: t.field({ type: [BudgetYearRef], description: 'Per jaar | Per year', resolve: (s) => s.years }),
    byTheme: t.field({
      type: [BudgetThemeYearRef],
      description: 'Per opgave en jaar | Per theme and year',
      resolve: (s) => s.byTheme,
    }),
    byFunding: t.field({
      type: [BudgetFundingYearRef],
      description: 'Per dekking en jaar | Per funding and year',
      resolve: (s) => s.byFunding,
    }),
    lines: t.field({
      type: [RealisationRowRef],
      nullable: true,
      description:
        'Begroot, verplicht en uitgegeven per begrotingsregel en jaar; alleen voor medewerkers | Planned, committed and spent per budget line and year; staff only',
      resolve: async (s, _args, context) => (signedIn.allows(context.identity) ? s.realisation() : null),
    }),
  }),
});

builder.queryField('budgetSummary', (t) =>
  t.field({
    type: BudgetSummaryRef,
    description:
      'Begroting per jaar, per opgave en per dekking, met vermeld en berekend totaal | Budget per year, theme and funding, with stated and computed totals',
    ...guarded,
    args: {
      fromYear: t.arg.int({ description: 'Vanaf jaar | From year' }),
      toYear: t.arg.int({ description: 'Tot en met jaar | Until year' }),
      themeId: t.arg.id({ description: 'Alleen deze opgave | Only this theme' }),
    },
    resolve: async (_root, args) => {
      const summary = await budgetSummary(args);
      let rows: Promise<RealisationRow[]> | undefined;
      const realisation = () => (rows ??= realisationByLine(args));
      return {
        ...summary,
        realisation,
        years: summary.years.map((row) => ({ ...row, realisation })),
        byTheme: summary.byTheme.map((row) => ({ ...row, realisation })),
      };
    },
  }),
);

const AttainmentRef = builder.objectRef<Attainment>('QuotaAttainment').implement({
  description: 'Bereik van een taakstelling op een datum | Attainment of a quota on a date',
  ...guarded,
  fields: (t) => ({
    quotaId: t.exposeID('quotaId', { description: 'Taakstelling (ID) | Quota (ID)' }),
    code: t.exposeString('code', { description: 'Code | Code' }),
    name: t.exposeString('name', { description: 'Naam | Name' }),
    kind: t.field({ type: enumRef('QuotaKind'), description: 'Soort | Kind', resolve: (row) => row.kind }),
    unit: t.exposeString('unit', { description: 'Eenheid | Unit' }),
    binding: t.exposeBoolean('binding', { description: 'Wettelijk verplicht | Binding' }),
    target: t.exposeInt('target', { description: 'Taakstelling | Target' }),
    carriedOverBacklog: t.exposeInt('carriedOverBacklog', { description: 'Achterstand | Backlog' }),
    required: t.exposeInt('required', {
      description: 'Te realiseren: taakstelling plus achterstand | Required: target plus backlog',
    }),
    statedTotal: t.exposeInt('statedTotal', {
      nullable: true,
      description: 'Totaal volgens het document | Total as the document states it',
    }),
    realised: t.exposeFloat('realised', {
      nullable: true,
      description:
        'Gerealiseerd volgens de laatste meting op of voor de datum | Realised by the latest measurement on or before the date',
    }),
    realisedOn: t.expose('realisedOn', {
      type: 'Date',
      nullable: true,
      description: 'Datum van die meting | Date of that measurement',
    }),
    attainment: t.exposeFloat('attainment', {
      nullable: true,
      description: 'Gerealiseerd gedeeld door te realiseren (0-1) | Realised divided by required (0-1)',
    }),
    gap: t.exposeFloat('gap', { nullable: true, description: 'Nog te realiseren | Still to realise' }),
    deadline: t.expose('deadline', { type: 'Date', nullable: true, description: 'Streefdatum | Deadline' }),
    daysToDeadline: t.exposeInt('daysToDeadline', {
      nullable: true,
      description: 'Dagen tot de streefdatum; negatief als die voorbij is | Days to the deadline; negative when past',
    }),
  }),
});

builder.queryField('quotaAttainment', (t) =>
  t.field({
    type: [AttainmentRef],
    description:
      'Bereik van de taakstellingen op een datum: gerealiseerd/te realiseren, tekort, dagen tot de streefdatum | Quota attainment on a date: realised/required, gap, days to the deadline',
    ...guarded,
    args: {
      date: t.arg({ type: 'Date', required: true, description: 'Peildatum | Reference date' }),
      themeId: t.arg.id({ description: 'Alleen deze opgave | Only this theme' }),
      targetGroupId: t.arg.id({ description: 'Alleen deze doelgroep | Only this target group' }),
      kind: t.arg({ type: enumRef('QuotaKind'), description: 'Alleen deze soort | Only this kind' }),
    },
    resolve: (_root, args) => quotaAttainment(args as Parameters<typeof quotaAttainment>[0]),
  }),
);

const CapacityRef = builder.objectRef<CapacityRow>('CapacityOnDate').implement({
  description:
    'Opvangcapaciteit op een datum per soort locatie en doelgroep | Reception capacity on a date per location kind and target group',
  ...guarded,
  fields: (t) => ({
    date: t.expose('date', { type: 'Date', description: 'Datum | Date' }),
    kind: t.field({
      type: enumRef('LocationKind'),
      description: 'Soort locatie | Location kind',
      resolve: (row) => row.kind,
    }),
    targetGroupId: t.exposeID('targetGroupId', { nullable: true, description: 'Doelgroep (ID) | Target group (ID)' }),
    targetGroupName: t.exposeString('targetGroupName', { nullable: true, description: 'Doelgroep | Target group' }),
    places: t.exposeInt('places', { description: 'Plekken in bestaande locaties | Places in existing locations' }),
    plannedPlaces: t.exposeInt('plannedPlaces', {
      description: 'Plekken in geplande locaties | Places in planned locations',
    }),
    locations: t.exposeInt('locations', {
      description: 'Aantal locaties met capaciteit | Number of locations with capacity',
    }),
  }),
});

const capacityArgs = (t: any) => ({
  kind: t.arg({ type: enumRef('LocationKind'), description: 'Alleen deze soort locatie | Only this location kind' }),
  targetGroupId: t.arg.id({ description: 'Alleen deze doelgroep | Only this target group' }),
  themeId: t.arg.id({ description: 'Alleen locaties van deze opgave | Only locations of this theme' }),
});

builder.queryField('receptionCapacity', (t) =>
  t.field({
    type: [CapacityRef],
    description:
      'Opvangcapaciteit op een datum per soort locatie en doelgroep | Reception capacity on a date per location kind and target group',
    ...guarded,
    args: { date: t.arg({ type: 'Date', required: true, description: 'Datum | Date' }), ...capacityArgs(t) },
    resolve: (_root, args) => receptionCapacity(args as CapacityFilter & { date: Date }),
  }),
);

const EventType = builder.enumType('CapacityEventType', {
  description: 'Soort gebeurtenis | Event kind',
  values: {
    OPENING: { description: 'Opening | Opening' },
    CLOSURE: { description: 'Sluiting | Closure' },
  },
});

const EventRef = builder.objectRef<CapacityEvent>('CapacityEvent').implement({
  description:
    'Opening of sluiting van een locatie, met de vervanger | Opening or closure of a location, with its replacement',
  ...guarded,
  fields: (t) => ({
    date: t.expose('date', { type: 'Date', description: 'Datum | Date' }),
    type: t.field({ type: EventType, description: 'Soort | Kind', resolve: (e) => e.type }),
    locationId: t.exposeID('locationId', { description: 'Locatie (ID) | Location (ID)' }),
    locationCode: t.exposeString('locationCode', { description: 'Code | Code' }),
    locationName: t.exposeString('locationName', { description: 'Locatie | Location' }),
    kind: t.field({
      type: enumRef('LocationKind'),
      description: 'Soort locatie | Location kind',
      resolve: (e) => e.kind,
    }),
    planned: t.exposeBoolean('planned', { description: 'Gepland (nog niet gebeurd) | Planned (not yet happened)' }),
    places: t.exposeInt('places', {
      nullable: true,
      description: 'Plekken; leeg als het document ze niet noemt | Places; empty when the document does not give them',
    }),
    replacementName: t.exposeString('replacementName', { nullable: true, description: 'Vervangen door | Replaced by' }),
    replacementOpensOn: t.expose('replacementOpensOn', {
      type: 'Date',
      nullable: true,
      description: 'Opening van de vervanger | Opening of the replacement',
    }),
    daysWithoutReplacement: t.exposeInt('daysWithoutReplacement', {
      nullable: true,
      description:
        'Dagen tussen sluiting en opening van de vervanger (plekken vallen dan weg) | Days between closure and the replacement opening (places are lost meanwhile)',
    }),
  }),
});

const TimelineRef = builder.objectRef<Timeline>('CapacityTimeline').implement({
  description:
    'Opvangcapaciteit op de eerste dag van elke maand, met openingen en sluitingen | Reception capacity on the first day of every month, with openings and closures',
  ...guarded,
  fields: (t) => ({
    points: t.field({
      type: [CapacityRef],
      description: 'Capaciteit per maand, soort en doelgroep | Capacity per month, kind and target group',
      resolve: (tl) => tl.points,
    }),
    events: t.field({
      type: [EventRef],
      description: 'Openingen en sluitingen in de periode | Openings and closures in the period',
      resolve: (tl) => tl.events,
    }),
  }),
});

builder.queryField('capacityTimeline', (t) =>
  t.field({
    type: TimelineRef,
    description:
      'Opvangcapaciteit per maand (standaard 2024-2028) met geplande sluitingen en vervangingen | Reception capacity per month (2024-2028 by default) with planned closures and replacements',
    ...guarded,
    args: {
      from: t.arg({ type: 'Date', description: 'Vanaf (standaard 2024-01-01) | From (2024-01-01 by default)' }),
      to: t.arg({ type: 'Date', description: 'Tot en met (standaard 2028-12-31) | Until (2028-12-31 by default)' }),
      ...capacityArgs(t),
    },
    resolve: (_root, args) => capacityTimeline(args as CapacityFilter & { from?: Date | null; to?: Date | null }),
  }),
);
