// The steps of one progress update: save a draft, submit, return with a comment, accept. Each
// step locks the update's row (SELECT ... FOR UPDATE), so two accepts or a submission racing an
// acceptance queue and the second finds the new state; the change and its audit event are one
// transaction. Accepting makes the reported status and assessment the action's own.
import type { Prisma, ProgressUpdate } from '@welkom/db';
import type { Context } from '../context.js';
import { type FieldError, badUserInput, notFound, staleVersion } from '../crud/errors.js';
import { checkId } from '../crud/validation.js';
import { recordAuditEvent } from '../audit/record.js';
import { updateAudited } from '../crud/write.js';
import { db } from '../db.js';
import { actorLabel, mayReport } from './access.js';
import { mayNotReport, notInRound, roundClosed, stepNotAllowed } from './errors.js';
import { adoptMeasurements, replaceMeasurements } from './measurements.js';
import { type UpdateInput, checkUpdateInput } from './validation.js';
import { STEPS, type Step } from './workflow.js';

type Tx = Prisma.TransactionClient;
// Steps on one update queue on its row lock; under a burst the queue, not the work, is long, so
// a step may wait for a connection and for the lock longer than Prisma's defaults (2 s / 5 s).
const QUEUED = { maxWait: 10_000, timeout: 15_000 };
type Actor = Pick<Context, 'identity' | 'requestId'>;

async function lockById(tx: Tx, id: string): Promise<ProgressUpdate> {
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "ProgressUpdate" WHERE id = ${id}::uuid FOR UPDATE`;
  if (!locked.length) throw notFound('ProgressUpdate', id);
  return tx.progressUpdate.findUniqueOrThrow({ where: { id } });
}

async function lockByRoundAction(tx: Tx, roundId: string, actionId: string): Promise<ProgressUpdate> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "ProgressUpdate" WHERE "roundId" = ${roundId}::uuid AND "actionId" = ${actionId}::uuid FOR UPDATE`;
  if (!locked.length) {
    if (!(await tx.progressRound.findUnique({ where: { id: roundId }, select: { id: true } })))
      throw notFound('ProgressRound', roundId);
    throw notInRound();
  }
  return tx.progressUpdate.findUniqueOrThrow({ where: { id: locked[0]!.id } });
}

function checkStep(step: Step, update: ProgressUpdate) {
  if (!(STEPS[step].from as readonly string[]).includes(update.state)) throw stepNotAllowed(step, update.state);
}

async function write(
  tx: Tx,
  step: Step,
  before: ProgressUpdate,
  data: Prisma.ProgressUpdateUncheckedUpdateManyInput,
  context: Actor,
  extra: object = {},
) {
  return (await updateAudited(tx, {
    model: 'ProgressUpdate',
    id: before.id,
    expectedVersion: before.version,
    data: { ...data, state: STEPS[step].to },
    context,
    operation: STEPS[step].operation,
    before,
    afterExtra: { ...extra },
  })) as ProgressUpdate;
}

/** Saves a draft or submits: by the owner, the addressee, a linked partner's token or a secretary. */
export async function report(
  step: 'saveDraft' | 'submit',
  args: { roundId: string; actionId: string; input: UpdateInput; expectedVersion?: number | null },
  context: Actor,
): Promise<ProgressUpdate> {
  checkId(args.roundId, 'roundId');
  checkId(args.actionId, 'actionId');
  const input = checkUpdateInput(args.input, false);
  return db().$transaction(async (tx) => {
    const before = await lockByRoundAction(tx, args.roundId, args.actionId);
    const action = await tx.action.findUniqueOrThrow({
      where: { id: args.actionId },
      select: { ownerId: true, partnerLinks: { select: { partnerId: true } } },
    });
    const facts = {
      actionOwnerId: action.ownerId,
      addresseeUserId: before.addresseeUserId,
      addresseePartnerId: before.addresseePartnerId,
      linkedPartnerIds: action.partnerLinks.map((link) => link.partnerId),
    };
    if (!mayReport(context.identity, facts)) throw mayNotReport(args.actionId);
    const round = await tx.progressRound.findUniqueOrThrow({ where: { id: args.roundId }, select: { state: true } });
    if (round.state !== 'OPEN') throw roundClosed(args.roundId);
    checkStep(step, before);
    if (
      args.expectedVersion !== null &&
      args.expectedVersion !== undefined &&
      args.expectedVersion !== before.version
    ) {
      throw staleVersion('ProgressUpdate', before.id, args.expectedVersion, before.version);
    }
    // A submission is judged on the whole update: what the draft holds plus what comes now.
    const merged: UpdateInput = {
      status: before.status,
      assessment: before.assessment,
      happened: before.happened,
      nextSteps: before.nextSteps,
      risks: before.risks,
      percentComplete: before.percentComplete,
      milestones: before.milestones,
      evidenceLinks: before.evidenceLinks,
      ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
    };
    delete merged.measurements;
    if (step === 'submit') checkUpdateInput(merged, true);
    const label = actorLabel(context.identity);
    // Given measurements replace the draft's; left out, the draft's stay (an update row is locked above).
    if (input.measurements) await replaceMeasurements(tx, before, input.measurements);
    return write(
      tx,
      step,
      before,
      {
        status: merged.status ?? null,
        assessment: merged.assessment ?? null,
        happened: merged.happened ?? null,
        nextSteps: merged.nextSteps ?? null,
        risks: merged.risks ?? null,
        percentComplete: merged.percentComplete ?? null,
        milestones: merged.milestones ?? [],
        evidenceLinks: merged.evidenceLinks ?? [],
        ...(step === 'submit' ? { submittedAt: new Date(), submittedBy: label } : {}),
      },
      context,
      input.measurements ? { measurements: input.measurements } : {},
    );
  }, QUEUED);
}

/** The secretary's review: return with a comment, or accept (the action takes the reported status). */
export async function review(
  step: 'return' | 'accept',
  args: { id: string; expectedVersion: number; comment?: string | null },
  context: Actor,
): Promise<ProgressUpdate> {
  checkId(args.id);
  const comment = args.comment?.trim() ?? '';
  if (step === 'return' && (!comment || comment.length > 5000)) {
    const error: FieldError = {
      field: 'comment',
      reason: 'required',
      message: 'Geef bij terugsturen een opmerking (max. 5000 tekens).',
      messageEn: 'Give a comment when returning (max 5000 characters).',
    };
    throw badUserInput([error]);
  }
  return db().$transaction(async (tx) => {
    const before = await lockById(tx, args.id);
    checkStep(step, before);
    if (before.version !== args.expectedVersion)
      throw staleVersion('ProgressUpdate', before.id, args.expectedVersion, before.version);
    if (step === 'return') return write(tx, step, before, { reviewComment: comment }, context);
    const round = await tx.progressRound.findUniqueOrThrow({ where: { id: before.roundId }, select: { title: true } });
    const now = new Date();
    const after = await write(
      tx,
      step,
      before,
      { acceptedAt: now, acceptedBy: actorLabel(context.identity), reviewComment: comment || null },
      context,
    );
    const actionBefore = await tx.action.findUniqueOrThrow({ where: { id: before.actionId } });
    // Versioned like any edit: an action changed since it was read here is refused, not overwritten.
    await updateAudited(tx, {
      model: 'Action',
      id: before.actionId,
      expectedVersion: actionBefore.version,
      context,
      operation: 'PROGRESS_ACCEPT',
      before: actionBefore,
      data: {
        status: after.status ?? 'UNKNOWN',
        assessment: after.assessment,
        // Public like the action itself: no names here. Who reported and who accepted is in the
        // update and in the audit trail, which only staff read.
        statusSource: `voortgangsronde "${round.title}", geaccepteerd op ${now.toISOString().slice(0, 10)}`,
      },
      afterExtra: { progressUpdateId: before.id },
    });
    const adopted = await adoptMeasurements(
      tx,
      before.id,
      `voortgangsronde "${round.title}", actie ${actionBefore.code}, geaccepteerd op ${now.toISOString().slice(0, 10)}`,
    );
    for (const measurement of adopted) {
      await recordAuditEvent(tx, {
        context,
        operation: 'CREATE',
        entityType: 'Measurement',
        entityId: measurement.id,
        before: null,
        after: { ...measurement, progressUpdateId: before.id },
      });
    }
    return after;
  }, QUEUED);
}
