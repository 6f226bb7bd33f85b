// What each scheme has committed, batched per request: every `grantedCents` and
// `remainingCents` resolved in the same tick joins one grouped query, so a list of 20 schemes
// costs one statement for its totals, not 40. The schedule is DataLoader's, as in
// audit/history.ts.
import { Prisma } from '@welkom/db';
import { db } from '../db.js';

interface Pending {
  ids: Set<string>;
  promise: Promise<Map<string, number>>;
}

// Keyed by the request's context object: batches never mix requests, and never outlive one.
const pendingByContext = new WeakMap<object, Pending>();

const afterPromiseJobs = (work: () => void) => {
  void Promise.resolve().then(() => process.nextTick(work));
};

async function fetchCommitted(ids: string[]): Promise<Map<string, number>> {
  const rows = await db().$queryRaw<{ schemeId: string; cents: bigint | null }[]>`
    SELECT "schemeId"::text AS "schemeId", SUM(COALESCE("finalCents", "grantedCents"))::bigint AS cents
    FROM "SubsidyApplication"
    WHERE "schemeId" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))}) AND "grantedCents" IS NOT NULL
    GROUP BY "schemeId"`;
  const byId = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const row of rows) byId.set(row.schemeId, Number(row.cents ?? 0));
  return byId;
}

/** What one scheme has committed (final amounts where set, else granted), read with its siblings in one statement. */
export function loadCommittedCents(context: object, schemeId: string): Promise<number> {
  let pending = pendingByContext.get(context);
  if (!pending) {
    const ids = new Set<string>();
    const promise = new Promise<Map<string, number>>((resolve, reject) => {
      afterPromiseJobs(() => {
        pendingByContext.delete(context);
        fetchCommitted([...ids]).then(resolve, reject);
      });
    });
    pending = { ids, promise };
    pendingByContext.set(context, pending);
  }
  pending.ids.add(schemeId);
  return pending.promise.then((byId) => byId.get(schemeId) ?? 0);
}
