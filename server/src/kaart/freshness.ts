// "Up to date" as a rule: every service has a check interval (default six months); checking it
// sets lastCheckedAt/By and moves checkDueAt forward; what is past checkDueAt is the work queue.
import type { Prisma } from '@welkom/db';
import { recordAuditEvent } from '../audit/record.js';
import type { Context } from '../context.js';
import { notFound, staleVersion } from '../crud/errors.js';
import { db } from '../db.js';

export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

/** The work queue: services due for a check at `now`, most overdue first; optionally of one owner. */
export function overdueWhere(now: Date, owner?: string | null): Prisma.KaartServiceWhereInput {
  return { checkDueAt: { lte: now }, publication: { not: 'ARCHIVED' }, ...(owner ? { owner } : {}) };
}

export function actorLabel(context: Pick<Context, 'identity'>): string {
  const identity = context.identity;
  if (identity.kind === 'user') return identity.name || identity.email;
  if (identity.kind === 'token') return `${identity.label} (${identity.prefix})`;
  return 'onbekend';
}

/** Records that someone checked the entry now; refuses a stale version like every update. */
export async function markChecked(
  context: Pick<Context, 'identity' | 'requestId'>,
  id: string,
  expectedVersion: number,
  now = new Date(),
) {
  return db().$transaction(async (tx) => {
    const before = await tx.kaartService.findUnique({ where: { id } });
    if (!before) throw notFound('KaartService', id);
    const after = await tx.kaartService.updateMany({
      where: { id, version: expectedVersion },
      data: {
        lastCheckedAt: now,
        lastCheckedBy: actorLabel(context),
        checkDueAt: addMonths(now, before.checkIntervalMonths),
        version: { increment: 1 },
      },
    });
    if (after.count === 0) throw staleVersion('KaartService', id, expectedVersion, before.version);
    const row = await tx.kaartService.findUniqueOrThrow({ where: { id } });
    await recordAuditEvent(tx, {
      context,
      operation: 'KAART_CHECKED',
      entityType: 'KaartService',
      entityId: id,
      before,
      after: row,
    });
    return row;
  });
}
