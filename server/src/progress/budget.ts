// Plan vs committed vs spent per budget line and year. The plan is the 5.3 table (BudgetAmount);
// committed and spent are recorded realisations (BudgetRealisation); subsidy grants under action
// 3.5 2.A count as committed on that action's budget line in the scheme's year (the final amount
// where set, else the granted amount), so they are never entered twice. Demo schemes (the
// console's practice data) are left out.
import { db } from '../db.js';

export const SUBSIDY_ACTION_CODE = '3.5 2.A';

export interface RealisationRow {
  /** Null for the row of subsidy grants when no budget line is linked to action 3.5 2.A. */
  budgetLineId: string | null;
  code: string;
  title: string;
  themeNumber: number;
  themeName: string;
  year: number;
  plannedCents: number;
  committedCents: number;
  spentCents: number;
  /** Of the committed amount, what subsidy grants contribute. */
  subsidyCommittedCents: number;
}

/** The title of the grants' own row while the 5.3 table has no line for 3.5 2.A (it has none). */
export const UNBUDGETED_SUBSIDY_TITLE = 'Subsidies aan migrantenorganisaties (geen regel in de tabel van 5.3)';

// The 5.3 table has no line for action 3.5 2.A. Its grants are commitments all the same: they go
// to the budget line linked to that action once a secretary adds one, and until then to a row of
// their own under the action's theme, so the totals never leave them out.
export async function realisationByLine(
  args: { fromYear?: number | null; toYear?: number | null; themeId?: string | null } = {},
): Promise<RealisationRow[]> {
  const from = args.fromYear ?? 2000;
  const to = args.toYear ?? 2100;
  const rows = await db().$queryRaw<
    {
      budgetLineId: string | null;
      code: string;
      title: string;
      themeNumber: number;
      themeName: string;
      year: number;
      planned: bigint;
      committed: bigint;
      spent: bigint;
      subsidy: bigint;
    }[]
  >`
    WITH subsidy_line AS (
      SELECT bl.id FROM "BudgetLine" bl LEFT JOIN "Action" a ON a.id = bl."actionId"
      WHERE a.code = ${SUBSIDY_ACTION_CODE} OR bl.code = ${SUBSIDY_ACTION_CODE}
      ORDER BY bl."sortOrder", bl.id LIMIT 1
    ),
    subsidy_section AS (
      SELECT g."sectionId" AS id FROM "Action" a JOIN "Goal" g ON g.id = a."goalId" WHERE a.code = ${SUBSIDY_ACTION_CODE}
    ),
    figures AS (
      SELECT "budgetLineId", year, "amountCents"::bigint AS planned, 0::bigint AS committed, 0::bigint AS spent, 0::bigint AS subsidy FROM "BudgetAmount"
      UNION ALL
      SELECT "budgetLineId", year, 0, CASE WHEN kind = 'COMMITTED' THEN "amountCents" ELSE 0 END, CASE WHEN kind = 'SPENT' THEN "amountCents" ELSE 0 END, 0
      FROM "BudgetRealisation"
      UNION ALL
      SELECT (SELECT id FROM subsidy_line), s.year, 0, COALESCE(app."finalCents", app."grantedCents"), 0, COALESCE(app."finalCents", app."grantedCents")
      FROM "SubsidyApplication" app JOIN "SubsidyScheme" s ON s.id = app."schemeId"
      WHERE app."grantedCents" IS NOT NULL AND NOT s."isDemo"
    )
    SELECT bl.id AS "budgetLineId", COALESCE(bl.code, ${SUBSIDY_ACTION_CODE}) AS code, COALESCE(bl.title, ${UNBUDGETED_SUBSIDY_TITLE}) AS title,
           th.number AS "themeNumber", th.name AS "themeName", f.year,
           SUM(f.planned)::bigint AS planned, SUM(f.committed)::bigint AS committed, SUM(f.spent)::bigint AS spent, SUM(f.subsidy)::bigint AS subsidy
    FROM figures f
    LEFT JOIN "BudgetLine" bl ON bl.id = f."budgetLineId"
    JOIN "Section" se ON se.id = COALESCE(bl."sectionId", (SELECT id FROM subsidy_section))
    JOIN "Theme" th ON th.id = se."themeId"
    WHERE f.year BETWEEN ${from} AND ${to} AND (${args.themeId ?? null}::uuid IS NULL OR th.id = ${args.themeId ?? null}::uuid)
    GROUP BY bl.id, bl.code, bl.title, bl."sortOrder", th.number, th.name, f.year
    ORDER BY th.number, bl."sortOrder" NULLS LAST, 2, f.year`;
  return rows.map((row) => ({
    budgetLineId: row.budgetLineId,
    code: row.code,
    title: row.title,
    themeNumber: row.themeNumber,
    themeName: row.themeName,
    year: row.year,
    plannedCents: Number(row.planned),
    committedCents: Number(row.committed),
    spentCents: Number(row.spent),
    subsidyCommittedCents: Number(row.subsidy),
  }));
}

export interface RealisationTotal {
  key: string;
  plannedCents: number;
  committedCents: number;
  spentCents: number;
}

/** Sums of the line rows by a key (theme, year): computed from the same rows, so they always add up. */
export function totalsBy(rows: RealisationRow[], key: (row: RealisationRow) => string): RealisationTotal[] {
  const totals = new Map<string, RealisationTotal>();
  for (const row of rows) {
    const k = key(row);
    const total = totals.get(k) ?? { key: k, plannedCents: 0, committedCents: 0, spentCents: 0 };
    total.plannedCents += row.plannedCents;
    total.committedCents += row.committedCents;
    total.spentCents += row.spentCents;
    totals.set(k, total);
  }
  return [...totals.values()];
}
