// Monitoring (5.4): locations with dated capacity, quotas, indicators and their measurements,
// and the 5.3 budget. The entities are uniform (defineEntity); the aggregates below are what
// the dashboard reads, each computed in PostgreSQL by one grouped, parameterised query.
import type { LocationKind, QuotaKind, FundingKind } from '@welkom/db';
import { type AccessRule, anyone, publicRegister } from '../auth/rules.js';
import { builder } from '../builder.js';
import { defineEntity, defineLinkObject, guardedBy } from '../crud/entity.js';
import { enumRef } from '../crud/enums.js';
import { badUserInput } from '../crud/errors.js';
import { checkId } from '../crud/validation.js';
import { db } from '../db.js';

const CODE = /^[A-Za-z0-9][A-Za-z0-9.\- ]*$/;
const viaSection = (description: string) => ({
  type: 'id' as const,
  description,
  where: (condition: Record<string, unknown>) => ({ section: { themeId: condition } }),
});

defineLinkObject('LocationAction');

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
  rules: { code: { maxLength: 100, pattern: CODE, patternHint: '"spreidingswet-2025"' }, name: { maxLength: 300 }, unit: { maxLength: 50 } },
  derivedFilters: { themeId: viaSection('Taakstellingen van deze opgave | Quotas of this theme') },
});

defineEntity('Indicator', {
  access: publicRegister,
  plural: 'indicators',
  rules: { code: { maxLength: 100, pattern: CODE, patternHint: '"bbb-gebruikers"' }, name: { maxLength: 300 }, unit: { maxLength: 50 } },
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

const toNumber = (value: bigint | number | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);
const uuidArg = (value: string | null | undefined, path: string): string | null => {
  if (value === null || value === undefined) return null;
  checkId(value, path);
  return value;
};

// -- budget
interface BudgetYear { year: number; computedCents: number; statedCents: number | null }
interface BudgetThemeYear { themeId: string; themeNumber: number; themeName: string; year: number; amountCents: number }
interface BudgetFundingYear { funding: FundingKind; year: number; amountCents: number }
interface BudgetSummary { years: BudgetYear[]; byTheme: BudgetThemeYear[]; byFunding: BudgetFundingYear[]; themeFiltered: boolean }

const BudgetYearRef = builder.objectRef<BudgetYear>('BudgetYearTotal').implement({
  description: 'Begroting per jaar: som van de regels en het totaal dat de tabel noemt | Budget per year: sum of the lines and the total the table states',
  ...guarded,
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Jaar | Year' }),
    computedCents: t.exposeInt('computedCents', { description: 'Som van de regels (eurocent) | Sum of the lines (euro cents)' }),
    statedCents: t.exposeInt('statedCents', {
      nullable: true,
      description: 'Totaal volgens de tabel (eurocent); leeg bij een filter op opgave | Total as the table states it (euro cents); empty when filtered by theme',
    }),
    differenceCents: t.int({
      nullable: true,
      description: 'Vermeld totaal min som van de regels (eurocent) | Stated total minus the sum of the lines (euro cents)',
      resolve: (row) => (row.statedCents === null ? null : row.statedCents - row.computedCents),
    }),
  }),
});

const BudgetThemeYearRef = builder.objectRef<BudgetThemeYear>('BudgetThemeYear').implement({
  description: 'Begroting per opgave en jaar | Budget per theme and year',
  ...guarded,
  fields: (t) => ({
    themeId: t.exposeID('themeId', { description: 'Opgave (ID) | Theme (ID)' }),
    themeNumber: t.exposeInt('themeNumber', { description: 'Nummer van de opgave | Theme number' }),
    themeName: t.exposeString('themeName', { description: 'Naam van de opgave | Theme name' }),
    year: t.exposeInt('year', { description: 'Jaar | Year' }),
    amountCents: t.exposeInt('amountCents', { description: 'Bedrag (eurocent) | Amount (euro cents)' }),
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

const BudgetSummaryRef = builder.objectRef<BudgetSummary>('BudgetSummary').implement({
  description: 'De begroting van 5.3 opgeteld in de database | The 5.3 budget, summed in the database',
  ...guarded,
  fields: (t) => ({
    years: t.field({ type: [BudgetYearRef], description: 'Per jaar | Per year', resolve: (s) => s.years }),
    byTheme: t.field({ type: [BudgetThemeYearRef], description: 'Per opgave en jaar | Per theme and year', resolve: (s) => s.byTheme }),
    byFunding: t.field({ type: [BudgetFundingYearRef], description: 'Per dekking en jaar | Per funding and year', resolve: (s) => s.byFunding }),
  }),
});

const checkYears = (fromYear: number | null | undefined, toYear: number | null | undefined) => {
  const from = fromYear ?? 1900;
  const to = toYear ?? 2200;
  if (from > to) {
    throw badUserInput([{
      field: 'fromYear', reason: 'out_of_range',
      message: 'Het beginjaar ligt na het eindjaar.', messageEn: 'The first year is after the last year.',
    }]);
  }
  return { from, to };
};

export async function budgetSummary(args: { fromYear?: number | null; toYear?: number | null; themeId?: string | null }): Promise<BudgetSummary> {
  const { from, to } = checkYears(args.fromYear, args.toYear);
  const themeId = uuidArg(args.themeId, 'themeId');
  // One statement: the amounts grouped three ways (GROUPING SETS), joined to the stated totals.
  const rows = await db().$queryRaw<{
    year: number; themeId: string | null; themeNumber: number | null; themeName: string | null;
    funding: FundingKind | null; cents: bigint; stated: bigint | null; byTheme: boolean; byFunding: boolean;
  }[]>`
    WITH amounts AS (
      SELECT a.year, a."amountCents", a.funding, th.id AS "themeId", th.number AS "themeNumber", th.name AS "themeName"
      FROM "BudgetAmount" a
      JOIN "BudgetLine" l ON l.id = a."budgetLineId"
      JOIN "Section" s ON s.id = l."sectionId"
      JOIN "Theme" th ON th.id = s."themeId"
      WHERE a.year BETWEEN ${from} AND ${to} AND (${themeId}::uuid IS NULL OR th.id = ${themeId}::uuid)
    ), grouped AS (
      SELECT year, "themeId", "themeNumber", "themeName", funding, SUM("amountCents")::bigint AS cents,
             GROUPING("themeId") = 0 AS "byTheme", GROUPING(funding) = 0 AS "byFunding"
      FROM amounts
      GROUP BY GROUPING SETS ((year), (year, "themeId", "themeNumber", "themeName"), (year, funding))
    )
    SELECT year, "themeId", "themeNumber", "themeName", funding, cents, NULL::bigint AS stated, "byTheme", "byFunding"
    FROM grouped WHERE "byTheme" OR "byFunding"
    UNION ALL
    SELECT COALESCE(g.year, t.year), NULL, NULL, NULL, NULL, COALESCE(g.cents, 0)::bigint,
           CASE WHEN ${themeId}::uuid IS NULL THEN t."amountCents"::bigint END, false, false
    FROM (SELECT year, cents FROM grouped WHERE NOT "byTheme" AND NOT "byFunding") g
    FULL JOIN (SELECT year, "amountCents" FROM "BudgetStatedTotal" WHERE year BETWEEN ${from} AND ${to}) t ON t.year = g.year
    ORDER BY 1, 3 NULLS FIRST, 5 NULLS FIRST`;
  return {
    themeFiltered: themeId !== null,
    years: rows.filter((r) => !r.byTheme && !r.byFunding).map((r) => ({ year: r.year, computedCents: Number(r.cents), statedCents: toNumber(r.stated) })),
    byTheme: rows.filter((r) => r.byTheme).map((r) => ({
      themeId: r.themeId!, themeNumber: r.themeNumber!, themeName: r.themeName!, year: r.year, amountCents: Number(r.cents),
    })),
    byFunding: rows.filter((r) => r.byFunding).map((r) => ({ funding: r.funding!, year: r.year, amountCents: Number(r.cents) })),
  };
}

builder.queryField('budgetSummary', (t) =>
  t.field({
    type: BudgetSummaryRef,
    description: 'Begroting per jaar, per opgave en per dekking, met vermeld en berekend totaal | Budget per year, theme and funding, with stated and computed totals',
    ...guarded,
    args: {
      fromYear: t.arg.int({ description: 'Vanaf jaar | From year' }),
      toYear: t.arg.int({ description: 'Tot en met jaar | Until year' }),
      themeId: t.arg.id({ description: 'Alleen deze opgave | Only this theme' }),
    },
    resolve: (_root, args) => budgetSummary(args),
  }),
);

// -- quota attainment
interface Attainment {
  quotaId: string; code: string; name: string; kind: QuotaKind; unit: string; binding: boolean;
  target: number; carriedOverBacklog: number; required: number; statedTotal: number | null;
  realised: number | null; realisedOn: Date | null; attainment: number | null; gap: number | null;
  deadline: Date | null; daysToDeadline: number | null;
}

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
    required: t.exposeInt('required', { description: 'Te realiseren: taakstelling plus achterstand | Required: target plus backlog' }),
    statedTotal: t.exposeInt('statedTotal', { nullable: true, description: 'Totaal volgens het document | Total as the document states it' }),
    realised: t.exposeFloat('realised', { nullable: true, description: 'Gerealiseerd volgens de laatste meting op of voor de datum | Realised by the latest measurement on or before the date' }),
    realisedOn: t.expose('realisedOn', { type: 'Date', nullable: true, description: 'Datum van die meting | Date of that measurement' }),
    attainment: t.exposeFloat('attainment', { nullable: true, description: 'Gerealiseerd gedeeld door te realiseren (0-1) | Realised divided by required (0-1)' }),
    gap: t.exposeFloat('gap', { nullable: true, description: 'Nog te realiseren | Still to realise' }),
    deadline: t.expose('deadline', { type: 'Date', nullable: true, description: 'Streefdatum | Deadline' }),
    daysToDeadline: t.exposeInt('daysToDeadline', { nullable: true, description: 'Dagen tot de streefdatum; negatief als die voorbij is | Days to the deadline; negative when past' }),
  }),
});

export async function quotaAttainment(args: { date: Date; themeId?: string | null; targetGroupId?: string | null; kind?: QuotaKind | null }): Promise<Attainment[]> {
  const themeId = uuidArg(args.themeId, 'themeId');
  const targetGroupId = uuidArg(args.targetGroupId, 'targetGroupId');
  const kind = args.kind ?? null;
  const rows = await db().$queryRaw<(Omit<Attainment, 'daysToDeadline'> & { daysToDeadline: number | null })[]>`
    SELECT q.id AS "quotaId", q.code, q.name, q.kind::text AS kind, q.unit, q.binding, q.target, q."carriedOverBacklog",
           q.target + q."carriedOverBacklog" AS required, q."statedTotal",
           m.value AS realised, m.date AS "realisedOn",
           m.value / NULLIF(q.target + q."carriedOverBacklog", 0) AS attainment,
           (q.target + q."carriedOverBacklog") - m.value AS gap,
           q.deadline, (q.deadline - ${args.date}::date) AS "daysToDeadline"
    FROM "Quota" q
    LEFT JOIN "Section" s ON s.id = q."sectionId"
    LEFT JOIN LATERAL (
      SELECT value, date FROM "Measurement"
      WHERE "quotaId" = q.id AND date <= ${args.date}::date
      ORDER BY date DESC, "createdAt" DESC LIMIT 1
    ) m ON true
    WHERE (${themeId}::uuid IS NULL OR s."themeId" = ${themeId}::uuid)
      AND (${targetGroupId}::uuid IS NULL OR q."targetGroupId" = ${targetGroupId}::uuid)
      AND (${kind}::text IS NULL OR q.kind::text = ${kind}::text)
    ORDER BY q.deadline NULLS LAST, q.code`;
  return rows;
}

builder.queryField('quotaAttainment', (t) =>
  t.field({
    type: [AttainmentRef],
    description: 'Bereik van de taakstellingen op een datum: gerealiseerd/te realiseren, tekort, dagen tot de streefdatum | Quota attainment on a date: realised/required, gap, days to the deadline',
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

// -- reception capacity
interface CapacityRow {
  date: Date; kind: LocationKind; targetGroupId: string | null; targetGroupName: string | null;
  places: number; plannedPlaces: number; locations: number;
}

const CapacityRef = builder.objectRef<CapacityRow>('CapacityOnDate').implement({
  description: 'Opvangcapaciteit op een datum per soort locatie en doelgroep | Reception capacity on a date per location kind and target group',
  ...guarded,
  fields: (t) => ({
    date: t.expose('date', { type: 'Date', description: 'Datum | Date' }),
    kind: t.field({ type: enumRef('LocationKind'), description: 'Soort locatie | Location kind', resolve: (row) => row.kind }),
    targetGroupId: t.exposeID('targetGroupId', { nullable: true, description: 'Doelgroep (ID) | Target group (ID)' }),
    targetGroupName: t.exposeString('targetGroupName', { nullable: true, description: 'Doelgroep | Target group' }),
    places: t.exposeInt('places', { description: 'Plekken in bestaande locaties | Places in existing locations' }),
    plannedPlaces: t.exposeInt('plannedPlaces', { description: 'Plekken in geplande locaties | Places in planned locations' }),
    locations: t.exposeInt('locations', { description: 'Aantal locaties met capaciteit | Number of locations with capacity' }),
  }),
});

interface CapacityFilter { kind?: LocationKind | null; targetGroupId?: string | null; themeId?: string | null }

/**
 * Capacity on each of `dates`, grouped by date, kind and target group. A capacity record
 * counts on a date when it and its location are valid then (`validFrom`/`opensOn` on or before,
 * `validTo`/`closesOn` after); a closed location without a closing date never counts; and a
 * location that is part of a group whose own capacity counts that day is not counted twice.
 */
async function capacityOn(dates: Date[], filter: CapacityFilter): Promise<CapacityRow[]> {
  const targetGroupId = uuidArg(filter.targetGroupId, 'targetGroupId');
  const themeId = uuidArg(filter.themeId, 'themeId');
  const kind = filter.kind ?? null;
  const days = dates.map((date) => date.toISOString().slice(0, 10));
  const rows = await db().$queryRaw<(Omit<CapacityRow, 'places' | 'plannedPlaces' | 'locations'> & { places: bigint; plannedPlaces: bigint; locations: bigint })[]>`
    WITH days AS (SELECT unnest(${days}::date[]) AS date),
    valid AS (
      SELECT d.date, l.id AS "locationId", l."partOfId", l.kind, l.status, l."targetGroupId", l."sectionId", c.places
      FROM days d
      JOIN "LocationCapacity" c ON (c."validFrom" IS NULL OR c."validFrom" <= d.date) AND (c."validTo" IS NULL OR c."validTo" > d.date)
      JOIN "Location" l ON l.id = c."locationId"
        AND (l."opensOn" IS NULL OR l."opensOn" <= d.date)
        AND (l."closesOn" IS NULL OR l."closesOn" > d.date)
        AND NOT (l.status = 'CLOSED' AND l."closesOn" IS NULL)
    )
    SELECT v.date, v.kind::text AS kind, v."targetGroupId", tg.name AS "targetGroupName",
           COALESCE(SUM(v.places) FILTER (WHERE v.status <> 'PLANNED'), 0)::bigint AS places,
           COALESCE(SUM(v.places) FILTER (WHERE v.status = 'PLANNED'), 0)::bigint AS "plannedPlaces",
           COUNT(DISTINCT v."locationId")::bigint AS locations
    FROM valid v
    LEFT JOIN "TargetGroup" tg ON tg.id = v."targetGroupId"
    LEFT JOIN "Section" s ON s.id = v."sectionId"
    WHERE NOT EXISTS (SELECT 1 FROM valid g WHERE g."locationId" = v."partOfId" AND g.date = v.date)
      AND (${kind}::text IS NULL OR v.kind::text = ${kind}::text)
      AND (${targetGroupId}::uuid IS NULL OR v."targetGroupId" = ${targetGroupId}::uuid)
      AND (${themeId}::uuid IS NULL OR s."themeId" = ${themeId}::uuid)
    GROUP BY v.date, v.kind, v."targetGroupId", tg.name
    ORDER BY v.date, v.kind, tg.name`;
  return rows.map((row) => ({ ...row, places: Number(row.places), plannedPlaces: Number(row.plannedPlaces), locations: Number(row.locations) }));
}

const capacityArgs = (t: any) => ({
  kind: t.arg({ type: enumRef('LocationKind'), description: 'Alleen deze soort locatie | Only this location kind' }),
  targetGroupId: t.arg.id({ description: 'Alleen deze doelgroep | Only this target group' }),
  themeId: t.arg.id({ description: 'Alleen locaties van deze opgave | Only locations of this theme' }),
});

export const receptionCapacity = (args: CapacityFilter & { date: Date }) => capacityOn([args.date], args);

builder.queryField('receptionCapacity', (t) =>
  t.field({
    type: [CapacityRef],
    description: 'Opvangcapaciteit op een datum per soort locatie en doelgroep | Reception capacity on a date per location kind and target group',
    ...guarded,
    args: { date: t.arg({ type: 'Date', required: true, description: 'Datum | Date' }), ...capacityArgs(t) },
    resolve: (_root, args) => receptionCapacity(args as CapacityFilter & { date: Date }),
  }),
);

// -- capacity timeline with openings, closures and replacements
interface CapacityEvent {
  date: Date; type: 'OPENING' | 'CLOSURE'; locationId: string; locationCode: string; locationName: string;
  kind: LocationKind; planned: boolean; places: number | null;
  replacementName: string | null; replacementOpensOn: Date | null; daysWithoutReplacement: number | null;
}
interface Timeline { points: CapacityRow[]; events: CapacityEvent[] }

const EventType = builder.enumType('CapacityEventType', {
  description: 'Soort gebeurtenis | Event kind',
  values: {
    OPENING: { description: 'Opening | Opening' },
    CLOSURE: { description: 'Sluiting | Closure' },
  },
});

const EventRef = builder.objectRef<CapacityEvent>('CapacityEvent').implement({
  description: 'Opening of sluiting van een locatie, met de vervanger | Opening or closure of a location, with its replacement',
  ...guarded,
  fields: (t) => ({
    date: t.expose('date', { type: 'Date', description: 'Datum | Date' }),
    type: t.field({ type: EventType, description: 'Soort | Kind', resolve: (e) => e.type }),
    locationId: t.exposeID('locationId', { description: 'Locatie (ID) | Location (ID)' }),
    locationCode: t.exposeString('locationCode', { description: 'Code | Code' }),
    locationName: t.exposeString('locationName', { description: 'Locatie | Location' }),
    kind: t.field({ type: enumRef('LocationKind'), description: 'Soort locatie | Location kind', resolve: (e) => e.kind }),
    planned: t.exposeBoolean('planned', { description: 'Gepland (nog niet gebeurd) | Planned (not yet happened)' }),
    places: t.exposeInt('places', { nullable: true, description: 'Plekken; leeg als het document ze niet noemt | Places; empty when the document does not give them' }),
    replacementName: t.exposeString('replacementName', { nullable: true, description: 'Vervangen door | Replaced by' }),
    replacementOpensOn: t.expose('replacementOpensOn', { type: 'Date', nullable: true, description: 'Opening van de vervanger | Opening of the replacement' }),
    daysWithoutReplacement: t.exposeInt('daysWithoutReplacement', {
      nullable: true,
      description: 'Dagen tussen sluiting en opening van de vervanger (plekken vallen dan weg) | Days between closure and the replacement opening (places are lost meanwhile)',
    }),
  }),
});

const TimelineRef = builder.objectRef<Timeline>('CapacityTimeline').implement({
  description: 'Opvangcapaciteit op de eerste dag van elke maand, met openingen en sluitingen | Reception capacity on the first day of every month, with openings and closures',
  ...guarded,
  fields: (t) => ({
    points: t.field({ type: [CapacityRef], description: 'Capaciteit per maand, soort en doelgroep | Capacity per month, kind and target group', resolve: (tl) => tl.points }),
    events: t.field({ type: [EventRef], description: 'Openingen en sluitingen in de periode | Openings and closures in the period', resolve: (tl) => tl.events }),
  }),
});

const MAX_POINTS = 240;

export async function capacityTimeline(args: CapacityFilter & { from?: Date | null; to?: Date | null }): Promise<Timeline> {
  const from = args.from ?? new Date('2024-01-01T00:00:00Z');
  const to = args.to ?? new Date('2028-12-31T00:00:00Z');
  const dates: Date[] = [];
  for (let d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + (from.getUTCDate() > 1 ? 1 : 0), 1)); d <= to; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
    dates.push(d);
    if (dates.length > MAX_POINTS) {
      throw badUserInput([{ field: 'to', reason: 'out_of_range', message: `Hoogstens ${MAX_POINTS} maanden.`, messageEn: `At most ${MAX_POINTS} months.` }]);
    }
  }
  const themeId = uuidArg(args.themeId, 'themeId');
  const targetGroupId = uuidArg(args.targetGroupId, 'targetGroupId');
  const kind = args.kind ?? null;
  const [points, events] = await Promise.all([
    capacityOn(dates, args),
    db().$queryRaw<(Omit<CapacityEvent, 'places'> & { places: number | null })[]>`
      WITH located AS (
        SELECT l.*, (SELECT c.places FROM "LocationCapacity" c WHERE c."locationId" = l.id
                     ORDER BY c."validFrom" DESC NULLS LAST LIMIT 1) AS places
        FROM "Location" l
        LEFT JOIN "Section" s ON s.id = l."sectionId"
        WHERE (${kind}::text IS NULL OR l.kind::text = ${kind}::text)
          AND (${targetGroupId}::uuid IS NULL OR l."targetGroupId" = ${targetGroupId}::uuid)
          AND (${themeId}::uuid IS NULL OR s."themeId" = ${themeId}::uuid)
      )
      SELECT l."opensOn" AS date, 'OPENING' AS type, l.id AS "locationId", l.code AS "locationCode", l.name AS "locationName",
             l.kind::text AS kind, l.status = 'PLANNED' AS planned, l.places,
             NULL::text AS "replacementName", NULL::date AS "replacementOpensOn", NULL::int AS "daysWithoutReplacement"
      FROM located l WHERE l."opensOn" BETWEEN ${from}::date AND ${to}::date
      UNION ALL
      SELECT l."closesOn", 'CLOSURE', l.id, l.code, l.name, l.kind::text, l.status <> 'CLOSED', l.places,
             r.name, r."opensOn", GREATEST(r."opensOn" - l."closesOn", 0)
      FROM located l LEFT JOIN "Location" r ON r.id = l."replacedById"
      WHERE l."closesOn" BETWEEN ${from}::date AND ${to}::date
      ORDER BY 1, 2, 4`,
  ]);
  return { points, events };
}

builder.queryField('capacityTimeline', (t) =>
  t.field({
    type: TimelineRef,
    description: 'Opvangcapaciteit per maand (standaard 2024-2028) met geplande sluitingen en vervangingen | Reception capacity per month (2024-2028 by default) with planned closures and replacements',
    ...guarded,
    args: {
      from: t.arg({ type: 'Date', description: 'Vanaf (standaard 2024-01-01) | From (2024-01-01 by default)' }),
      to: t.arg({ type: 'Date', description: 'Tot en met (standaard 2028-12-31) | Until (2028-12-31 by default)' }),
      ...capacityArgs(t),
    },
    resolve: (_root, args) => capacityTimeline(args as CapacityFilter & { from?: Date | null; to?: Date | null }),
  }),
);
