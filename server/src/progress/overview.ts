// Late actions, missing updates and a person's open requests, at a chosen date (default today).
import type { Prisma } from '@welkom/db';
import type { Identity } from '../context.js';
import { db } from '../db.js';
import {
  HANDED_IN,
  REMIND_DAYS_BEFORE,
  type LateReason,
  type ReminderKind,
  lateReasons,
  reminderFor,
} from './lateness.js';

/** What a request carries besides its own columns, wherever it is listed. */
export const REQUEST_INCLUDE = {
  round: true,
  action: { select: { code: true, description: true } },
  measurements: { orderBy: [{ date: 'asc' }, { createdAt: 'asc' }] },
  evidenceFiles: {
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      fileName: true,
      contentType: true,
      sizeBytes: true,
      sha256: true,
      uploadedBy: true,
      createdAt: true,
    },
  },
} as const satisfies Prisma.ProgressUpdateInclude;

export interface LateAction {
  actionId: string;
  code: string;
  description: string;
  reasons: LateReason[];
  ownerId: string | null;
}

/** Late (lateness.ts) as a condition on actions, for lists and filters. */
export function lateWhere(on: Date): Prisma.ActionWhereInput {
  return { status: { notIn: ['DONE', 'CANCELLED'] }, OR: [{ endDate: { lt: on } }, { assessment: 'BEHIND' }] };
}

/** The complement of lateWhere, written out: NOT over nullable columns would drop rows with a null. */
export function notLateWhere(on: Date): Prisma.ActionWhereInput {
  return {
    OR: [
      { status: { in: ['DONE', 'CANCELLED'] } },
      {
        AND: [
          { OR: [{ endDate: null }, { endDate: { gte: on } }] },
          { OR: [{ assessment: null }, { assessment: { not: 'BEHIND' } }] },
        ],
      },
    ],
  };
}

/** Actions with an update missing on a date: past an open round's due date, or marked so when a round closed. */
export function progressMissingWhere(on: Date, missing = true): Prisma.ActionWhereInput {
  return {
    progressUpdates: {
      [missing ? 'some' : 'none']: {
        OR: [
          { state: 'MISSING' },
          { state: { notIn: [...HANDED_IN, 'MISSING'] }, round: { dueOn: { lt: on }, state: 'OPEN' } },
        ],
      },
    },
  };
}

export async function lateActions(on: Date, ownerId?: string | null): Promise<LateAction[]> {
  const actions = await db().action.findMany({
    where: { ...lateWhere(on), ...(ownerId ? { ownerId } : {}) },
    select: { id: true, code: true, description: true, endDate: true, status: true, assessment: true, ownerId: true },
    orderBy: { code: 'asc' },
  });
  return actions.map((a) => ({
    actionId: a.id,
    code: a.code,
    description: a.description,
    ownerId: a.ownerId,
    reasons: lateReasons(a, on),
  }));
}

/** Requests of rounds whose due date has passed without a submission, and those a closed round marked missing. */
export function missingUpdates(on: Date, where: Prisma.ProgressUpdateWhereInput = {}) {
  return db().progressUpdate.findMany({
    where: {
      AND: [
        where,
        {
          OR: [
            { state: 'MISSING' },
            { state: { notIn: [...HANDED_IN, 'MISSING'] }, round: { dueOn: { lt: on }, state: 'OPEN' } },
          ],
        },
      ],
    },
    include: REQUEST_INCLUDE,
    orderBy: [{ round: { dueOn: 'asc' } }, { action: { code: 'asc' } }],
  });
}

/** What this caller is asked to report on: addressed to them, on actions they own, or (a token) its organisation's. */
export function openRequestsWhere(identity: Identity): Prisma.ProgressUpdateWhereInput | null {
  const open = { state: { notIn: ['ACCEPTED' as const, 'MISSING' as const] }, round: { state: 'OPEN' as const } };
  if (identity.kind === 'user')
    return { ...open, OR: [{ addresseeUserId: identity.userId }, { action: { ownerId: identity.userId } }] };
  if (identity.kind === 'token') {
    return {
      ...open,
      OR: [
        { addresseePartnerId: identity.partnerId },
        { action: { partnerLinks: { some: { partnerId: identity.partnerId } } } },
      ],
    };
  }
  return null;
}

export async function openRequests(identity: Identity, on: Date) {
  const where = openRequestsWhere(identity);
  if (!where) return [];
  const rows = await db().progressUpdate.findMany({
    where,
    include: REQUEST_INCLUDE,
    orderBy: [{ round: { dueOn: 'asc' } }, { action: { code: 'asc' } }],
    take: 500,
  });
  return rows.map((row) => ({ ...row, reminder: reminderFor(row, row.round.dueOn, on) }));
}

export interface DueReminder {
  updateId: string;
  roundId: string;
  roundTitle: string;
  dueOn: Date;
  actionId: string;
  actionCode: string;
  /** Who is reminded: the addressed user (else the action's owner) or the addressed organisation. */
  userId: string | null;
  partnerId: string | null;
  kind: ReminderKind;
  days: number;
}

/**
 * Every reminder due on a date: requests of open rounds not yet handed in, from REMIND_DAYS_BEFORE
 * days before the due date on, and overdue after it. The console shows a person their own; a mail
 * channel (lateness.ts ReminderChannel) can send this same list without another query.
 */
export async function dueReminders(on: Date, where: Prisma.ProgressUpdateWhereInput = {}): Promise<DueReminder[]> {
  const horizon = new Date(on.getTime() + REMIND_DAYS_BEFORE * 86_400_000);
  const rows = await db().progressUpdate.findMany({
    where: {
      AND: [where, { state: { notIn: [...HANDED_IN, 'MISSING'] }, round: { state: 'OPEN', dueOn: { lte: horizon } } }],
    },
    select: {
      id: true,
      state: true,
      roundId: true,
      actionId: true,
      addresseeUserId: true,
      addresseePartnerId: true,
      round: { select: { title: true, dueOn: true } },
      action: { select: { code: true, ownerId: true } },
    },
    orderBy: [{ round: { dueOn: 'asc' } }, { action: { code: 'asc' } }],
  });
  return rows.flatMap((row) => {
    const reminder = reminderFor(row, row.round.dueOn, on);
    if (!reminder) return [];
    return [
      {
        updateId: row.id,
        roundId: row.roundId,
        roundTitle: row.round.title,
        dueOn: row.round.dueOn,
        actionId: row.actionId,
        actionCode: row.action.code,
        userId: row.addresseeUserId ?? (row.addresseePartnerId ? null : row.action.ownerId),
        partnerId: row.addresseePartnerId,
        ...reminder,
      },
    ];
  });
}

/** A person's own reminders: what is addressed to them or concerns the actions they own. */
export function remindersFor(identity: Identity, on: Date): Promise<DueReminder[]> {
  const where = openRequestsWhere(identity);
  return where ? dueReminders(on, where) : Promise.resolve([]);
}

/** "Mijn acties": the actions a user owns, with their late reasons and open requests. */
export async function myActions(userId: string, on: Date) {
  const actions = await db().action.findMany({
    where: { ownerId: userId },
    select: {
      id: true,
      code: true,
      description: true,
      status: true,
      assessment: true,
      endDate: true,
      progressUpdates: {
        where: { state: { notIn: ['ACCEPTED', 'MISSING'] }, round: { state: 'OPEN' } },
        include: REQUEST_INCLUDE,
        orderBy: { round: { dueOn: 'asc' } },
      },
    },
    orderBy: { code: 'asc' },
  });
  return actions.map((a) => ({
    ...a,
    lateReasons: lateReasons(a, on),
    openRequests: a.progressUpdates.map((u) => ({ ...u, reminder: reminderFor(u, u.round.dueOn, on) })),
  }));
}
