// Late actions, missing updates and a person's open requests, at a chosen date (default today).
import type { Prisma } from '@welkom/db';
import type { Identity } from '../context.js';
import { db } from '../db.js';
import { HANDED_IN, type LateReason, lateReasons, reminderFor } from './lateness.js';

export interface LateAction { actionId: string; code: string; description: string; reasons: LateReason[]; ownerId: string | null }

export async function lateActions(on: Date, ownerId?: string | null): Promise<LateAction[]> {
  const actions = await db().action.findMany({
    where: {
      status: { notIn: ['DONE', 'CANCELLED'] },
      OR: [{ endDate: { lt: on } }, { assessment: 'BEHIND' }],
      ...(ownerId ? { ownerId } : {}),
    },
    select: { id: true, code: true, description: true, endDate: true, status: true, assessment: true, ownerId: true },
    orderBy: { code: 'asc' },
  });
  return actions.map((a) => ({ actionId: a.id, code: a.code, description: a.description, ownerId: a.ownerId, reasons: lateReasons(a, on) }));
}

/** Requests of rounds whose due date has passed without a submission. */
export function missingUpdates(on: Date, where: Prisma.ProgressUpdateWhereInput = {}) {
  return db().progressUpdate.findMany({
    where: { ...where, state: { notIn: HANDED_IN }, round: { dueOn: { lt: on }, state: 'OPEN' } },
    include: { round: true, action: { select: { code: true, description: true } } },
    orderBy: [{ round: { dueOn: 'asc' } }, { action: { code: 'asc' } }],
  });
}

/** What this caller is asked to report on: addressed to them, on actions they own, or (a token) its organisation's. */
export function openRequestsWhere(identity: Identity): Prisma.ProgressUpdateWhereInput | null {
  const open = { state: { notIn: ['ACCEPTED' as const] }, round: { state: 'OPEN' as const } };
  if (identity.kind === 'user') return { ...open, OR: [{ addresseeUserId: identity.userId }, { action: { ownerId: identity.userId } }] };
  if (identity.kind === 'token') {
    return { ...open, OR: [{ addresseePartnerId: identity.partnerId }, { action: { partnerLinks: { some: { partnerId: identity.partnerId } } } }] };
  }
  return null;
}

export async function openRequests(identity: Identity, on: Date) {
  const where = openRequestsWhere(identity);
  if (!where) return [];
  const rows = await db().progressUpdate.findMany({
    where,
    include: { round: true, action: { select: { code: true, description: true } } },
    orderBy: [{ round: { dueOn: 'asc' } }, { action: { code: 'asc' } }],
    take: 500,
  });
  return rows.map((row) => ({ ...row, reminder: reminderFor(row, row.round.dueOn, on) }));
}
