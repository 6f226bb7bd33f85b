// Opening a progress round: one request per action (all open actions unless named), addressed to
// the action's owner (a user) or else to the first partner linked to it. One transaction, one
// audit event for the round naming every request.
import { Prisma } from '@welkom/db';
import { recordAuditEvent } from '../audit/record.js';
import type { Context } from '../context.js';
import { type FieldError, badUserInput, conflict, notFound, staleVersion } from '../crud/errors.js';
import { checkId } from '../crud/validation.js';
import { db } from '../db.js';
import { actorLabel } from './access.js';
import { roundClosed } from './errors.js';
import { type RoundInput, checkRoundInput } from './validation.js';

type Client = ReturnType<typeof db>;

export async function openRound(
  input: RoundInput,
  context: Pick<Context, 'identity' | 'requestId'>,
  client: Client = db(),
) {
  const clean = checkRoundInput(input);
  for (const [index, id] of (clean.actionIds ?? []).entries()) checkId(id, `input.actionIds.${index}`);
  try {
    return await client.$transaction(
      async (tx) => {
        const actions = await tx.action.findMany({
          where: clean.actionIds?.length
            ? { id: { in: clean.actionIds } }
            : { status: { notIn: ['DONE', 'CANCELLED'] } },
          select: {
            id: true,
            status: true,
            assessment: true,
            ownerId: true,
            partnerLinks: { select: { partnerId: true, partner: { select: { name: true } } } },
          },
          orderBy: { code: 'asc' },
        });
        if (clean.actionIds?.length && actions.length !== new Set(clean.actionIds).size) {
          const found = new Set(actions.map((a) => a.id));
          const errors: FieldError[] = clean.actionIds.flatMap((id, index) =>
            found.has(id)
              ? []
              : [
                  {
                    field: `input.actionIds.${index}`,
                    reason: 'not_found',
                    message: 'Deze actie bestaat niet.',
                    messageEn: 'This action does not exist.',
                  },
                ],
          );
          throw badUserInput(errors);
        }
        const round = await tx.progressRound.create({
          data: {
            title: clean.title,
            periodStart: clean.periodStart,
            periodEnd: clean.periodEnd,
            dueOn: clean.dueOn,
            openedBy: actorLabel(context.identity),
          },
        });
        const requests = actions.map((action) => {
          const partner = action.ownerId
            ? null
            : [...action.partnerLinks].sort((a, b) => a.partner.name.localeCompare(b.partner.name))[0];
          return {
            roundId: round.id,
            actionId: action.id,
            statusBefore: action.status,
            assessmentBefore: action.assessment,
            addresseeUserId: action.ownerId,
            addresseePartnerId: partner?.partnerId ?? null,
          };
        });
        await tx.progressUpdate.createMany({ data: requests });
        await recordAuditEvent(tx, {
          context,
          operation: 'OPEN_ROUND',
          entityType: 'ProgressRound',
          entityId: round.id,
          before: null,
          after: {
            ...round,
            requests: requests.map(({ actionId, addresseeUserId, addresseePartnerId }) => ({
              actionId,
              addresseeUserId,
              addresseePartnerId,
            })),
          },
        });
        return round;
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw conflict(
        'unique',
        `Er is al een voortgangsronde met de titel "${clean.title}".`,
        `A progress round titled "${clean.title}" already exists.`,
        { field: 'input.title' },
      );
    }
    throw error;
  }
}

/** The round before this one (by period end), for "what changed since". */
export function previousRound(client: Client, round: { id: string; periodEnd: Date; createdAt: Date }) {
  return client.progressRound.findFirst({
    where: {
      id: { not: round.id },
      OR: [{ periodEnd: { lt: round.periodEnd } }, { periodEnd: round.periodEnd, createdAt: { lt: round.createdAt } }],
    },
    orderBy: [{ periodEnd: 'desc' }, { createdAt: 'desc' }],
  });
}

/**
 * Closes a round: no new drafts or submissions after this (updates.ts reads the state under the
 * update's row lock), and every request not handed in becomes MISSING. A submission that committed
 * before the close keeps its state: the bulk update re-reads each row after waiting for its lock.
 * Submitted updates can still be reviewed. One transaction with its audit event.
 */
export async function closeRound(
  args: { id: string; expectedVersion: number },
  context: Pick<Context, 'identity' | 'requestId'>,
) {
  checkId(args.id);
  return db().$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM "ProgressRound" WHERE id = ${args.id}::uuid FOR UPDATE`;
      if (!locked.length) throw notFound('ProgressRound', args.id);
      const before = await tx.progressRound.findUniqueOrThrow({ where: { id: args.id } });
      if (before.state === 'CLOSED') throw roundClosed(args.id);
      if (before.version !== args.expectedVersion)
        throw staleVersion('ProgressRound', args.id, args.expectedVersion, before.version);
      // RETURNING names exactly the rows marked, also when a submission raced the close.
      const missing = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "ProgressUpdate" SET state = 'MISSING', version = version + 1, "updatedAt" = now()
      WHERE "roundId" = ${args.id}::uuid AND state NOT IN ('SUBMITTED', 'ACCEPTED', 'MISSING')
      RETURNING id`;
      const after = await tx.progressRound.update({
        where: { id: args.id },
        data: {
          state: 'CLOSED',
          closedAt: new Date(),
          closedBy: actorLabel(context.identity),
          version: { increment: 1 },
        },
      });
      await recordAuditEvent(tx, {
        context,
        operation: 'CLOSE_ROUND',
        entityType: 'ProgressRound',
        entityId: args.id,
        before,
        after: { ...after, markedMissing: missing.length, missingUpdateIds: missing.map((u) => u.id) },
      });
      return { round: after, markedMissing: missing.length };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
