// A record's audit history, batched: every `history` field resolved in the same tick of one
// request joins one query (`entityId IN (...)`), so a list of 50 records costs one statement,
// not 50. The schedule is DataLoader's (after the current promise jobs, on the next tick),
// written out here in a few lines instead of adding a dependency for it.
import type { AuditEvent } from '@welkom/db';
import { db } from '../db.js';

interface Pending {
  ids: Set<string>;
  promise: Promise<Map<string, AuditEvent[]>>;
}

// Keyed by the request's context object, so batches never mix requests (or identities).
const pendingByContext = new WeakMap<object, Map<string, Pending>>();

const afterPromiseJobs = (work: () => void) => {
  void Promise.resolve().then(() => process.nextTick(work));
};

async function fetchHistories(entityType: string, ids: string[]): Promise<Map<string, AuditEvent[]>> {
  const rows = await db().auditEvent.findMany({
    where: { entityType, entityId: { in: ids } },
    orderBy: { id: 'desc' },
  });
  const byId = new Map<string, AuditEvent[]>(ids.map((id) => [id, []]));
  for (const row of rows) byId.get(row.entityId)?.push(row);
  return byId;
}

/** The events of one record, newest first. Results are not cached beyond the batch, so a mutation's answer sees its own event. */
export function loadHistory(context: object, entityType: string, entityId: string): Promise<AuditEvent[]> {
  let pendingByType = pendingByContext.get(context);
  if (!pendingByType) {
    pendingByType = new Map();
    pendingByContext.set(context, pendingByType);
  }
  let pending = pendingByType.get(entityType);
  if (!pending) {
    const ids = new Set<string>();
    const batch = pendingByType;
    const promise = new Promise<Map<string, AuditEvent[]>>((resolve, reject) => {
      afterPromiseJobs(() => {
        batch.delete(entityType);
        fetchHistories(entityType, [...ids]).then(resolve, reject);
      });
    });
    pending = { ids, promise };
    pendingByType.set(entityType, pending);
  }
  pending.ids.add(entityId);
  return pending.promise.then((byId) => byId.get(entityId) ?? []);
}
