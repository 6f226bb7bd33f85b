// Signed checkpoints of the audit chain: a witness outside the database. The hash chain finds
// a row changed or removed by someone who cannot recompute hashes; a database superuser can
// (switch the trigger off, rewrite events, re-chain them, delete the last ones). A checkpoint
// records the chain's length and head hash at a moment, signed (HMAC-SHA256) with a key the
// database does not hold, and is written where the database superuser has no hand: an
// append-only file on the application server and a log line (ship it elsewhere). `audit:verify`
// then finds a trail shorter than a checkpoint says (truncation), a different hash at a
// checkpoint's position (rewrite) and a checkpoint whose signature does not hold (forgery).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrismaClient } from '@welkom/db';
import type { Logger } from '../logger.js';

export const DEFAULT_CHECKPOINT_FILE = fileURLToPath(
  new URL('../../../.data/audit-checkpoints.jsonl', import.meta.url),
);

export interface CheckpointContent {
  /** Which database the chain is in: the cluster's system identifier and the database's name. */
  database: string;
  at: string;
  /** Events in the chain when the checkpoint was taken; the head is the count-th event. */
  count: number;
  lastId: string | null;
  headHash: string | null;
}

export interface Checkpoint extends CheckpointContent {
  v: 1;
  signature: string;
}

type Db = Pick<PrismaClient, '$queryRaw' | '$queryRawUnsafe'>;

/** The database's identity, so checkpoints of another database (a test run, a copy) are not compared. */
export async function databaseIdentity(prisma: Db): Promise<string> {
  try {
    const [row] = await prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT (SELECT system_identifier::text FROM pg_control_system()) || '/' || current_database() AS id`,
    );
    return row!.id;
  } catch {
    // pg_control_system() may be denied to a non-superuser: the database's name must do.
    const [row] = await prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT current_database() AS id`);
    return row!.id;
  }
}

/** Length and head of the chain, read in one statement (one snapshot). */
export async function chainHead(prisma: Db): Promise<CheckpointContent> {
  const [row] = await prisma.$queryRaw<{ count: bigint; lastId: bigint | null; headHash: string | null }[]>`
    SELECT (SELECT count(*) FROM "AuditEvent") AS count, last.id AS "lastId", last.hash AS "headHash"
    FROM (SELECT 1) AS one LEFT JOIN (SELECT id, hash FROM "AuditEvent" ORDER BY id DESC LIMIT 1) AS last ON true`;
  return {
    database: await databaseIdentity(prisma),
    at: new Date().toISOString(),
    count: Number(row!.count),
    lastId: row!.lastId === null ? null : row!.lastId.toString(),
    headHash: row!.headHash,
  };
}

function signatureOf(content: CheckpointContent, key: string): string {
  const text = [
    'welkom-audit-checkpoint',
    'v1',
    content.database,
    content.at,
    content.count,
    content.lastId ?? '',
    content.headHash ?? '',
  ].join('\n');
  return createHmac('sha256', key).update(text).digest('hex');
}

export function signCheckpoint(content: CheckpointContent, key: string): Checkpoint {
  const { database, at, count, lastId, headHash } = content;
  return { v: 1, database, at, count, lastId, headHash, signature: signatureOf(content, key) };
}

export function hasValidSignature(checkpoint: Checkpoint, key: string): boolean {
  const expected = Buffer.from(signatureOf(checkpoint, key), 'hex');
  const given = Buffer.from(String(checkpoint.signature ?? ''), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface CheckpointSettings {
  file: string;
  key: string;
  logger?: Logger;
}

/** Takes a checkpoint, appends it to the file and logs it (info). */
export async function writeCheckpoint(
  prisma: Db,
  settings: CheckpointSettings,
  head?: CheckpointContent,
): Promise<Checkpoint> {
  const checkpoint = signCheckpoint(head ?? (await chainHead(prisma)), settings.key);
  await mkdir(path.dirname(settings.file), { recursive: true });
  // O_APPEND: each line lands at the end, whatever else writes to the file.
  await appendFile(settings.file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600, flag: 'a' });
  settings.logger?.info({ auditCheckpoint: checkpoint }, 'audit checkpoint');
  return checkpoint;
}

/** Every checkpoint in the file, and the lines that are not one. A missing file has none. */
export async function readCheckpoints(file: string): Promise<{ checkpoints: Checkpoint[]; malformed: number[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { checkpoints: [], malformed: [] };
    throw error;
  }
  const checkpoints: Checkpoint[] = [];
  const malformed: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    try {
      const value = JSON.parse(line) as Checkpoint;
      if (value.v !== 1 || typeof value.count !== 'number' || typeof value.database !== 'string')
        throw new Error('not a checkpoint');
      checkpoints.push(value);
    } catch {
      malformed.push(index + 1);
    }
  });
  return { checkpoints, malformed };
}

/**
 * Writes a checkpoint now, then every `minutes` (0: only now and at stop); `stop()` writes a
 * last one (clean shutdown). Failures are logged, never thrown: the server keeps serving.
 */
export function scheduleCheckpoints(
  prisma: () => Db,
  settings: CheckpointSettings & { minutes: number },
): { first: Promise<void>; stop: () => Promise<void> } {
  let last = '';
  const take = async () => {
    try {
      const head = await chainHead(prisma());
      const state = `${head.database}|${head.count}|${head.headHash}`;
      if (state === last) return; // nothing new since the previous checkpoint
      await writeCheckpoint(prisma(), settings, head);
      last = state;
    } catch (error) {
      settings.logger?.error({ err: error }, 'audit checkpoint failed');
    }
  };
  let running: Promise<void> = take();
  const timer =
    settings.minutes > 0 ? setInterval(() => (running = running.then(take)), settings.minutes * 60_000) : undefined;
  timer?.unref();
  return {
    first: running,
    stop: async () => {
      if (timer) clearInterval(timer);
      await running;
      await take();
    },
  };
}
