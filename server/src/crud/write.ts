// The one write path for an audited change of a versioned record: the version check and the
// write are one `UPDATE ... WHERE id AND version RETURNING` statement, whose returned row is
// the audit event's after-snapshot (no second read), and the event is appended last, so the
// time under the audit chain's lock is its two statements and the commit. The generic CRUD
// mutations and the domain services (subsidies, progress, panel, accounts) all write through it.
// No GraphQL here: services import it.
import type { Prisma } from '@welkom/db';
import { type AuditEventInput, type AuditOperation, recordAuditEvent } from '../audit/record.js';
import { delegateOf } from './delegate.js';
import { getModel } from './dmmf.js';
import { notFound, staleVersion } from './errors.js';

type Row = Record<string, unknown>;

/** Every column of a model, as Prisma returns by default and the audit trail records. */
const scalarSelects = new Map<string, Record<string, true>>();
export function scalarSelectOf(model: string): Record<string, true> {
  let select = scalarSelects.get(model);
  if (!select) {
    select = Object.fromEntries(
      getModel(model)
        .fields.filter((field) => field.kind === 'scalar' || field.kind === 'enum')
        .map((field) => [field.name, true]),
    );
    scalarSelects.set(model, select);
  }
  return select;
}

/**
 * Writes `data` to the record if it still has `expectedVersion`, raising the version, in one
 * statement; returns the row as written (every column). NOT_FOUND or CONFLICT otherwise (the
 * extra read that tells them apart runs only on that path).
 */
export async function versionedUpdate(
  tx: Prisma.TransactionClient,
  model: string,
  id: string,
  expectedVersion: number,
  data: Row,
): Promise<Row> {
  const delegate = delegateOf(tx, model) as unknown as {
    updateManyAndReturn: (args: object) => Promise<Row[]>;
    findUnique: (args: object) => Promise<{ version: number } | null>;
  };
  const [row] = await delegate.updateManyAndReturn({
    where: { id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
    select: scalarSelectOf(model),
  });
  if (row) return row;
  const current = await delegate.findUnique({ where: { id }, select: { version: true } });
  if (!current) throw notFound(model, id);
  throw staleVersion(model, id, expectedVersion, current.version);
}

export interface AuditedUpdate {
  /** The Prisma model, e.g. `SubsidyScheme`. */
  model: string;
  /** The audit trail's entity type, when it differs from the model. */
  entityType?: string;
  id: string;
  /** The version the caller read; a record with another one is refused with CONFLICT. */
  expectedVersion: number;
  data: Row;
  context: AuditEventInput['context'];
  /** UPDATE, or the name of a domain step (SET_LIMITS, PROGRESS_SUBMIT, ...). */
  operation?: AuditOperation;
  /** The record as this transaction read it, as the trail records it (a stale one is refused before writing). */
  before: Row & { version?: unknown };
  /** What the after-snapshot adds to the written row: link lists, a reason. */
  afterExtra?: Row;
  /** What the after-snapshot leaves out of the written row (e.g. columns `before` does not show). */
  pick?: (row: Row) => Row;
  /** Work between the write and the audit event, such as reading the answer: after the event, every audited write waits. */
  beforeAudit?: (row: Row) => Promise<void>;
}

/** Version check, write and audit event, in the caller's transaction; returns the written row. */
export async function updateAudited(tx: Prisma.TransactionClient, update: AuditedUpdate): Promise<Row> {
  const { model, id, expectedVersion, before } = update;
  // A version newer than the one just read means a change committed in between: the snapshot
  // would not be what this update replaces.
  if (typeof before.version === 'number' && before.version !== expectedVersion) {
    throw staleVersion(model, id, expectedVersion, before.version);
  }
  const row = await versionedUpdate(tx, model, id, expectedVersion, update.data);
  const after = { ...(update.pick ? update.pick(row) : row), ...update.afterExtra };
  await update.beforeAudit?.(row);
  await recordAuditEvent(tx, {
    context: update.context,
    operation: update.operation ?? 'UPDATE',
    entityType: update.entityType ?? model,
    entityId: id,
    before,
    after,
  });
  return row;
}
