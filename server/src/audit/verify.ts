// Walks the audit chain in id order (the order events were appended under the chain lock)
// and checks that every event names its predecessor's hash and that its own hash matches its
// content. Reads in batches, so memory stays flat however long the trail grows.
// With checkpoints (checkpoint.ts) it also compares the chain with what they witnessed: a
// superuser can rewrite and re-chain events, or cut the last ones off, and keep the chain
// itself consistent, but not the signed length and head hash kept outside the database.
import type { PrismaClient } from '@welkom/db';
import { type Checkpoint, databaseIdentity, hasValidSignature } from './checkpoint.js';
import { type AuditContent, hashEvent } from './record.js';
import type { JsonValue } from './serialize.js';

export interface CheckpointReport {
  /** Checkpoints of this database whose signature holds and whose position was compared. */
  checked: number;
  /** Checkpoints in the file that belong to another database (not compared). */
  otherDatabases: number;
  /** The latest valid checkpoint of this database. */
  latest: Checkpoint | null;
  /** What is wrong, one line each: truncation, rewrite, forged checkpoint. */
  problems: string[];
}

export type AuditChainReport =
  | { ok: true; count: number; checkpoints?: CheckpointReport }
  | { ok: false; brokenAt?: string; reason: string; count: number; checkpoints?: CheckpointReport };

export async function verifyAuditChain(
  prisma: Pick<PrismaClient, 'auditEvent' | '$queryRaw' | '$queryRawUnsafe'>,
  options: { batchSize?: number; checkpoints?: { list: Checkpoint[]; key: string } } = {},
): Promise<AuditChainReport> {
  const chain = await walkChain(
    prisma,
    options.batchSize ?? 2000,
    options.checkpoints ? await positions(prisma, options.checkpoints) : undefined,
  );
  if (!options.checkpoints) return chain.report;
  const report = chain.report;
  const checkpoints = chain.checkpoints!;
  if (!report.ok) return { ...report, checkpoints };
  if (checkpoints.problems.length)
    return { ok: false, reason: checkpoints.problems.join('; '), count: report.count, checkpoints };
  return { ...report, checkpoints };
}

interface Positions {
  byCount: Map<number, Checkpoint[]>;
  report: CheckpointReport;
}

async function positions(
  prisma: Pick<PrismaClient, '$queryRaw' | '$queryRawUnsafe'>,
  given: { list: Checkpoint[]; key: string },
): Promise<Positions> {
  const database = await databaseIdentity(prisma);
  const report: CheckpointReport = { checked: 0, otherDatabases: 0, latest: null, problems: [] };
  const byCount = new Map<number, Checkpoint[]>();
  for (const checkpoint of given.list) {
    if (checkpoint.database !== database) {
      report.otherDatabases += 1;
      continue;
    }
    if (!hasValidSignature(checkpoint, given.key)) {
      report.problems.push(
        `forged checkpoint: the checkpoint of ${checkpoint.at} (${checkpoint.count} events) has a bad signature`,
      );
      continue;
    }
    byCount.set(checkpoint.count, [...(byCount.get(checkpoint.count) ?? []), checkpoint]);
    if (!report.latest || checkpoint.at > report.latest.at) report.latest = checkpoint;
  }
  return { byCount, report };
}

async function walkChain(
  prisma: Pick<PrismaClient, 'auditEvent'>,
  batchSize: number,
  witnessed: Positions | undefined,
): Promise<{ report: AuditChainReport; checkpoints?: CheckpointReport }> {
  let previousHash: string | null = null;
  let afterId: bigint | undefined;
  let count = 0;
  let broken: { brokenAt: string; reason: string; count: number } | undefined;
  const compare = (position: number, id: string | null, hash: string | null) => {
    for (const checkpoint of witnessed?.byCount.get(position) ?? []) {
      witnessed!.report.checked += 1;
      if (checkpoint.headHash !== hash || checkpoint.lastId !== id) {
        witnessed!.report.problems.push(
          `rewrite: event ${id ?? '(none)'} at position ${position} has hash ${hash ?? 'none'}, but the checkpoint of ${checkpoint.at} witnessed ${checkpoint.headHash ?? 'none'} (event ${checkpoint.lastId ?? 'none'}) there`,
        );
      }
    }
  };
  compare(0, null, null);
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
        broken ??= { brokenAt: id, reason, count };
        if (!witnessed) break;
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
      if (!broken && hashEvent(row.prevHash, content) !== row.hash) {
        broken = { brokenAt: id, reason: 'its content does not match its hash: the event was changed', count };
        if (!witnessed) break;
      }
      previousHash = row.hash;
      count += 1;
      compare(count, id, row.hash);
    }
    if (broken && !witnessed) break;
    if (rows.length < batchSize) break;
    afterId = rows[rows.length - 1]!.id;
  }
  if (witnessed) {
    const longest = Math.max(0, ...witnessed.byCount.keys());
    if (longest > count) {
      const checkpoint = witnessed.byCount.get(longest)![0]!;
      witnessed.report.problems.unshift(
        `truncation: the trail has ${count} events, but the checkpoint of ${checkpoint.at} witnessed ${longest} (up to event ${checkpoint.lastId}): ${longest - count} or more events were removed`,
      );
    }
  }
  const report: AuditChainReport = broken ? { ok: false, ...broken } : { ok: true, count };
  return { report, checkpoints: witnessed?.report };
}
