// Evidence files of progress updates: stored like subsidy documents (subsidies/storage.ts, a
// chunk table of their own), written with their audit event under the update's row lock, so a
// file never lands on an update that was submitted, accepted or closed in the meantime.
import type { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { recordAuditEvent } from '../audit/record.js';
import type { Context } from '../context.js';
import { conflict, notFound } from '../crud/errors.js';
import { db } from '../db.js';
import { type DocumentStore, postgresChunkStore } from '../subsidies/storage.js';
import { actorLabel, mayReport } from './access.js';
import { mayNotReport, roundClosed, stepNotAllowed } from './errors.js';
import { STEPS } from './workflow.js';

export const evidenceStore: DocumentStore = postgresChunkStore({
  name: 'ProgressEvidenceChunk',
  create: (tx, data) => tx.progressEvidenceChunk.create({ data, select: { seq: true } }),
});

/** At most this many files per update: evidence, not an archive. */
export const MAX_EVIDENCE_FILES = 20;

type Actor = Pick<Context, 'identity' | 'requestId'>;

async function reportFacts(updateId: string) {
  const update = await db().progressUpdate.findUnique({
    where: { id: updateId },
    select: {
      id: true,
      state: true,
      addresseeUserId: true,
      addresseePartnerId: true,
      round: { select: { state: true } },
      action: { select: { ownerId: true, partnerLinks: { select: { partnerId: true } } } },
    },
  });
  if (!update) return null;
  return {
    update,
    facts: {
      actionOwnerId: update.action.ownerId,
      addresseeUserId: update.addresseeUserId,
      addresseePartnerId: update.addresseePartnerId,
      linkedPartnerIds: update.action.partnerLinks.map((l) => l.partnerId),
    },
  };
}

/** Whether this caller may add evidence to the update (checked before the body is read). */
export async function mayAddEvidence(updateId: string, identity: Actor['identity']) {
  const found = await reportFacts(updateId);
  if (!found) throw notFound('ProgressUpdate', updateId);
  if (!mayReport(identity, found.facts)) throw mayNotReport(updateId);
}

/** Whether this caller may download evidence of the update: signed-in staff, or who may report on it. */
export async function maySeeEvidence(updateId: string, identity: Actor['identity']) {
  if (identity.kind === 'user') return true;
  const found = await reportFacts(updateId);
  return Boolean(found && mayReport(identity, found.facts));
}

export async function addEvidence(
  args: {
    updateId: string;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    content: Readable;
  },
  context: Actor,
) {
  const id = randomUUID();
  return db().$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM "ProgressUpdate" WHERE id = ${args.updateId}::uuid FOR UPDATE`;
      if (!locked.length) throw notFound('ProgressUpdate', args.updateId);
      const update = await tx.progressUpdate.findUniqueOrThrow({
        where: { id: args.updateId },
        include: { round: { select: { state: true } } },
      });
      if (update.round.state !== 'OPEN') throw roundClosed(update.roundId);
      if (!(STEPS.saveDraft.from as readonly string[]).includes(update.state))
        throw stepNotAllowed('saveDraft', update.state);
      const count = await tx.progressEvidenceFile.count({ where: { updateId: args.updateId } });
      if (count >= MAX_EVIDENCE_FILES) {
        throw conflict(
          'too_many_files',
          `Ten hoogste ${MAX_EVIDENCE_FILES} bewijsstukken per rapportage.`,
          `At most ${MAX_EVIDENCE_FILES} evidence files per update.`,
        );
      }
      const file = await tx.progressEvidenceFile.create({
        data: {
          id,
          updateId: args.updateId,
          fileName: args.fileName,
          contentType: args.contentType,
          sizeBytes: args.sizeBytes,
          sha256: args.sha256,
          uploadedBy: actorLabel(context.identity),
        },
      });
      const stored = await evidenceStore.write(tx, id, args.content);
      if (stored.sizeBytes !== args.sizeBytes) throw new Error(`stored ${stored.sizeBytes} of ${args.sizeBytes} bytes`);
      await recordAuditEvent(tx, {
        context,
        operation: 'UPLOAD',
        entityType: 'ProgressEvidenceFile',
        entityId: id,
        before: null,
        after: file,
      });
      return file;
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}
