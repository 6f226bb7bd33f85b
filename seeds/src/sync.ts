// The idempotent-write helpers every loader shares: match on a natural key, write only what differs.
import type { Prisma } from '@welkom/db';

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export type Tx = Prisma.TransactionClient;
export type Value = string | number | boolean | Date | null | undefined | readonly string[];

export const emptyCounts = (): EntityCounts => ({ created: 0, updated: 0, unchanged: 0, deleted: 0 });

/** `YYYY-MM-DD` as the Date Prisma writes to a `@db.Date` column. */
export const toDate = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00.000Z`) : null);

function sameValue(a: Value, b: Value): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => item === b[i]);
  }
  return (a ?? null) === (b ?? null);
}

/** The fields of `wanted` whose value differs in `row`; empty when the row is up to date. */
function changedFields<T extends Record<string, Value>>(row: Record<string, unknown>, wanted: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(wanted) as (keyof T & string)[]) {
    if (!sameValue(row[key] as Value, wanted[key])) changed[key] = wanted[key];
  }
  return changed;
}

/**
 * Creates the rows that are missing and updates those that differ, bumping `version` (the
 * optimistic-lock counter the API checks) only on a real change.
 */
export async function sync<Row extends { id: string }, Data extends Record<string, Value>>(
  counts: EntityCounts,
  existing: Map<string, Row>,
  wanted: { key: string; data: Data }[],
  write: { create(key: string, data: Data): Promise<Row>; update(id: string, changed: Partial<Data>): Promise<Row> },
): Promise<Map<string, Row>> {
  const result = new Map<string, Row>();
  for (const { key, data } of wanted) {
    const row = existing.get(key);
    if (!row) {
      result.set(key, await write.create(key, data));
      counts.created++;
      continue;
    }
    const changed = changedFields(row, data);
    if (Object.keys(changed).length === 0) {
      result.set(key, row);
      counts.unchanged++;
    } else {
      result.set(key, await write.update(row.id, changed));
      counts.updated++;
    }
  }
  return result;
}

export const byKey = <Row, K extends keyof Row>(rows: Row[], key: K): Map<string, Row> =>
  new Map(rows.map((row) => [String(row[key]), row]));

export function required<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (!value) throw new Error(`${what} ${key} is referenced but was not extracted`);
  return value;
}
