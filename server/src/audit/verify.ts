// Walks the audit chain in id order (the order events were appended under the chain lock)
// and checks that every event names its predecessor's hash and that its own hash matches its
// content. Reads in batches, so memory stays flat however long the trail grows.
import type { PrismaClient } from '@welkom/db';
import { type AuditContent, hashEvent } from './record.js';
import type { JsonValue } from './serialize.js';

export type AuditChainReport =
  | { ok: true; count: number }
  | { ok: false; brokenAt: string; reason: string; count: number };

export async function verifyAuditChain(
  prisma: Pick<PrismaClient, 'auditEvent'>,
  options: { batchSize?: number } = {},
): Promise<AuditChainReport> {
  const batchSize = options.batchSize ?? 2000;
  let previousHash: string | null = null;
  let afterId: bigint | undefined;
  let count = 0;
  for (;;) {
    const rows = await prisma.auditEvent.findMany({
      where: afterId === undefined ? {} : { id: { gt: afterId } },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    for (const row of rows) {
      const id = row.id.toString();
      if (row.prevHash !== previousHash) {
        const reason =
          previousHash === null
            ? `the first event names a predecessor (${row.prevHash}): earlier events are missing`
            : `prevHash ${row.prevHash ?? 'null'} is not the hash of the event before it (${previousHash}): an event was removed, inserted or changed`;
        return { ok: false, brokenAt: id, reason, count };
      }
      const content: AuditContent = {
        at: row.at.toISOString(),
        actorType: row.actorType,
        actorId: row.actorId,
        actorLabel: row.actorLabel,
        operation: row.operation,
        entityType: row.entityType,
        entityId: row.entityId,
        before: (row.before ?? null) as JsonValue,
        after: (row.after ?? null) as JsonValue,
        changedFields: row.changedFields,
        requestId: row.requestId,
      };
      if (hashEvent(row.prevHash, content) !== row.hash) {
        return { ok: false, brokenAt: id, reason: 'its content does not match its hash: the event was changed', count };
      }
      previousHash = row.hash;
      count += 1;
    }
    if (rows.length < batchSize) return { ok: true, count };
    afterId = rows[rows.length - 1]!.id;
  }
}
