// Writing audit events: one row per change, in the caller's transaction, appended to a hash
// chain (each event's hash covers the previous event's hash and its own content), so that a
// row changed or removed behind the application's back is found by `npm run audit:verify`.
import { createHash } from 'node:crypto';
import type { Prisma } from '@welkom/db';
import { type Context, actorOf } from '../context.js';
import { redact } from './sensitive.js';
import { type JsonObject, type JsonValue, canonicalJson, changedFieldsOf, toJsonSafe } from './serialize.js';

/** Arbitrary but fixed (beside the migration lock's 7_202_811_280): every audit writer queues on it. */
export const AUDIT_CHAIN_LOCK_KEY = 7_202_811_281n;

export type AuditOperation = 'CREATE' | 'UPDATE' | 'DELETE' | (string & {});

export interface AuditEventInput {
  /** Who acts and in which request; a full GraphQL context will do. */
  context: Pick<Context, 'identity' | 'requestId'>;
  /** CREATE, UPDATE, DELETE or the name of a domain transition (e.g. GRANT_DECIDED). */
  operation: AuditOperation;
  entityType: string;
  entityId: string;
  /** The record's own fields before the change (null or absent for a create). */
  before?: object | null;
  /** The record's own fields after the change (null or absent for a delete). */
  after?: object | null;
}

/** The fields the hash covers: everything an event says, nothing the database assigns. */
export interface AuditContent {
  at: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  operation: string;
  entityType: string;
  entityId: string;
  before: JsonValue;
  after: JsonValue;
  changedFields: string[];
  requestId: string | null;
}

/** sha256 over the previous hash (empty for the first event) and the canonical content. */
export function hashEvent(prevHash: string | null, content: AuditContent): string {
  return createHash('sha256')
    .update(prevHash ?? '')
    .update(canonicalJson(content as unknown as JsonValue))
    .digest('hex');
}

function asObject(value: object | null | undefined, side: string): JsonObject | null {
  if (value === null || value === undefined) return null;
  const safe = toJsonSafe(value);
  if (safe === null || typeof safe !== 'object' || Array.isArray(safe)) {
    throw new TypeError(`Audit ${side} must be an object of the record's fields.`);
  }
  return safe;
}

/**
 * Appends one event inside `tx`, the transaction that makes the change, so both commit or
 * neither does. Call it last in the transaction, after any read for the response: from here
 * until commit every other audited write waits (that is what keeps the chain a single line).
 */
export async function recordAuditEvent(
  tx: Prisma.TransactionClient,
  event: AuditEventInput,
): Promise<{ id: bigint; hash: string }> {
  if (!event.operation || !event.entityType || !event.entityId) {
    throw new TypeError('An audit event needs an operation, an entity type and an entity id.');
  }
  const before = asObject(event.before, 'before');
  const after = asObject(event.after, 'after');
  // Compared in clear, stored redacted: a change to a sensitive field is named, its value is not.
  const changedFields = changedFieldsOf(before, after);

  // Everything but the predecessor's hash is known before the lock: the content, redacted,
  // and its canonical text, so the time under the lock is two short statements.
  const actor = actorOf(event.context.identity);
  const content: AuditContent = {
    at: new Date().toISOString(),
    actorType: actor.actorType,
    actorId: actor.actorId,
    actorLabel: actor.actorLabel,
    operation: event.operation,
    entityType: event.entityType,
    entityId: event.entityId,
    before: redact(event.entityType, before),
    after: redact(event.entityType, after),
    changedFields,
    requestId: event.context.requestId ?? null,
  };
  const canonical = canonicalJson(content as unknown as JsonValue);
  const json = (value: JsonValue) => (value === null ? null : JSON.stringify(value));

  // The lock is transaction-scoped: it is released by the commit or rollback of the caller's
  // transaction. It must be a statement of its own: under READ COMMITTED each statement sees
  // what was committed before it started, so the read of the last hash below, made after the
  // lock is held, sees the event of the previous holder. Under REPEATABLE READ or SERIALIZABLE
  // the snapshot predates the lock and two events could claim the same predecessor, so refuse.
  const [state] = await tx.$queryRawUnsafe<{ isolation: string }[]>(
    `SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})::text AS locked, current_setting('transaction_isolation') AS isolation`,
  );
  if (state?.isolation !== 'read committed') {
    throw new Error(`recordAuditEvent needs a READ COMMITTED transaction, not ${state?.isolation ?? 'unknown'}.`);
  }
  // One statement reads the predecessor's hash and appends the event, hashing in PostgreSQL
  // exactly what hashEvent hashes: sha256 over the previous hash and the canonical content.
  const [row] = await tx.$queryRawUnsafe<{ id: bigint; prevHash: string | null; hash: string }[]>(
    `INSERT INTO "AuditEvent" ("at", "actorType", "actorId", "actorLabel", "operation", "entityType", "entityId",
       "before", "after", "changedFields", "requestId", "prevHash", "hash")
     SELECT $1::timestamp, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::text[], $11, last."hash",
       encode(sha256(convert_to(coalesce(last."hash", '') || $12, 'UTF8')), 'hex')
     FROM (SELECT NULL) AS one LEFT JOIN (SELECT "hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1) AS last ON true
     RETURNING "id", "prevHash", "hash"`,
    content.at,
    content.actorType,
    content.actorId,
    content.actorLabel,
    content.operation,
    content.entityType,
    content.entityId,
    json(content.before),
    json(content.after),
    content.changedFields,
    content.requestId,
    canonical,
  );
  // The verifier recomputes hashes in JavaScript; never let an event in that it would reject.
  if (!row || hashEvent(row.prevHash, content) !== row.hash) {
    throw new Error('The audit event hash computed by the database differs from hashEvent; nothing was recorded.');
  }
  return { id: row.id, hash: row.hash };
}
