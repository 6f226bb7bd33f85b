// The monitoring figures as SQL aggregates: budget per year, quota attainment, reception
// capacity on a date and over time. No GraphQL here; schema/monitoring.ts exposes them.
import type { FundingKind, LocationKind, QuotaKind } from '@welkom/db';
import { badUserInput } from '../crud/errors.js';
import { checkId } from '../crud/validation.js';
import { db } from '../db.js';

export const toNumber = (value: bigint | number | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);
export const uuidArg = (value: string | null | undefined, path: string): string | null => {
  if (value === null || value === undefined) return null;
  checkId(value, path);
  return value;
};

// -- budget
export interface BudgetYear {
  year: number;
  computedCents: number;
  statedCents: number | null;
}
export interface BudgetThemeYear {
  themeId: string;
  themeNumber: number;
  themeName: string;
  year: number;
  amountCents: number;
}
export interface BudgetFundingYear {
  funding: FundingKind;
  year: number;
  amountCents: number;
}
export interface BudgetSummary {
  years: BudgetYear[];
  byTheme: BudgetThemeYear[];
  byFunding: BudgetFundingYear[];
  themeFiltered: boolean;
}

export const checkYears = (fromYear: number | null | undefined, toYear: number | null | undefined) => {
  const from = fromYear ?? 1900;
  const to = toYear ?? 2200;
  if (from > to) {
    throw badUserInput([
      {
        field: 'fromYear',
        reason: 'out_of_range',
        message: 'Het beginjaar ligt na het eindjaar.',
        messageEn: 'The first year is after the last year.',
      },
    ]);
  }
  return { from, to };
};

export async function budgetSummary(args: {
  fromYear?: number | null;
  toYear?: number | null;
  themeId?: string | null;
}): Promise<BudgetSummary> {
  const { from, to } = checkYears(args.fromYear, args.toYear);
  const themeId = uuidArg(args.themeId, 'themeId');
  // One statement: the amounts grouped three ways (GROUPING SETS), joined to the stated totals.
  const rows = await db().$queryRaw<
    {
      year: number;
      themeId: string | null;
      themeNumber: number | null;
      themeName: string | null;
      funding: FundingKind | null;
      cents: bigint;
      stated: bigint | null;
      byTheme: boolean;
      byFunding: boolean;
    }[]
  >`
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
    years: rows
      .filter((r) => !r.byTheme && !r.byFunding)
      .map((r) => ({ year: r.year, computedCents: Number(r.cents), statedCents: toNumber(r.stated) })),
    byTheme: rows
      .filter((r) => r.byTheme)
      .map((r) => ({
        themeId: r.themeId!,
        themeNumber: r.themeNumber!,
        themeName: r.themeName!,
        year: r.year,
        amountCents: Number(r.cents),
      })),
    byFunding: rows
      .filter((r) => r.byFunding)
      .map((r) => ({ funding: r.funding!, year: r.year, amountCents: Number(r.cents) })),
  };
}

// -- quota attainment
export interface Attainment {
  quotaId: string;
  code: string;
  name: string;
  kind: QuotaKind;
  unit: string;
  binding: boolean;
  target: number;
  carriedOverBacklog: number;
  required: number;
  statedTotal: number | null;
  realised: number | null;
  realisedOn: Date | null;
  attainment: number | null;
  gap: number | null;
  deadline: Date | null;
  daysToDeadline: number | null;
}

export async function quotaAttainment(args: {
  date: Date;
  themeId?: string | null;
  targetGroupId?: string | null;
  kind?: QuotaKind | null;
}): Promise<Attainment[]> {
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

// -- reception capacity
export interface CapacityRow {
  date: Date;
  kind: LocationKind;
  targetGroupId: string | null;
  targetGroupName: string | null;
  places: number;
  plannedPlaces: number;
  locations: number;
}

export interface CapacityFilter {
  kind?: LocationKind | null;
  targetGroupId?: string | null;
  themeId?: string | null;
}

/**
 * Capacity on each of `dates`, grouped by date, kind and target group. A capacity record
 * counts on a date when it and its location are valid then (`validFrom`/`opensOn` on or before,
 * `validTo`/`closesOn` after); a closed location without a closing date never counts; and a
 * location that is part of a group whose own capacity counts that day is not counted twice.
 */
export async function capacityOn(dates: Date[], filter: CapacityFilter): Promise<CapacityRow[]> {
  const targetGroupId = uuidArg(filter.targetGroupId, 'targetGroupId');
  const themeId = uuidArg(filter.themeId, 'themeId');
  const kind = filter.kind ?? null;
  const days = dates.map((date) => date.toISOString().slice(0, 10));
  const rows = await db().$queryRaw<
    (Omit<CapacityRow, 'places' | 'plannedPlaces' | 'locations'> & {
      places: bigint;
      plannedPlaces: bigint;
      locations: bigint;
    })[]
  >`
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
  return rows.map((row) => ({
    ...row,
    places: Number(row.places),
    plannedPlaces: Number(row.plannedPlaces),
    locations: Number(row.locations),
  }));
}

export const receptionCapacity = (args: CapacityFilter & { date: Date }) => capacityOn([args.date], args);

// -- capacity timeline with openings, closures and replacements
export interface CapacityEvent {
  date: Date;
  type: 'OPENING' | 'CLOSURE';
  locationId: string;
  locationCode: string;
  locationName: string;
  kind: LocationKind;
  planned: boolean;
  places: number | null;
  replacementName: string | null;
  replacementOpensOn: Date | null;
  daysWithoutReplacement: number | null;
}
export interface Timeline {
  points: CapacityRow[];
  events: CapacityEvent[];
}

export const MAX_POINTS = 240;

export async function capacityTimeline(
  args: CapacityFilter & { from?: Date | null; to?: Date | null },
): Promise<Timeline> {
  const from = args.from ?? new Date('2024-01-01T00:00:00Z');
  const to = args.to ?? new Date('2028-12-31T00:00:00Z');
  const dates: Date[] = [];
  for (
    let d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + (from.getUTCDate() > 1 ? 1 : 0), 1));
    d <= to;
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
  ) {
    dates.push(d);
    if (dates.length > MAX_POINTS) {
      throw badUserInput([
        {
          field: 'to',
          reason: 'out_of_range',
          message: `Hoogstens ${MAX_POINTS} maanden.`,
          messageEn: `At most ${MAX_POINTS} months.`,
        },
      ]);
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
