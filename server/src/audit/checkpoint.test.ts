// Signed checkpoints as the audit chain's outside witness: a database superuser who switches the
// trigger off, rewrites events, re-chains their hashes and deletes the last ones keeps the chain
// consistent, so the chain alone says "intact"; the checkpoints do not, and say what is wrong.
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TemporaryDir, createTemporaryDir } from '@welkom/db';
import { type TestDatabase, createTestDatabase } from '@welkom/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../context.js';
import type { Logger } from '../logger.js';
import { type Checkpoint, readCheckpoints, scheduleCheckpoints, writeCheckpoint } from './checkpoint.js';
import { type AuditContent, hashEvent, recordAuditEvent } from './record.js';
import type { JsonValue } from './serialize.js';
import { auditVerify } from './verify-command.js';
import { verifyAuditChain } from './verify.js';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
const KEY = 'test-checkpoint-key-0123456789-abcdefghijklmnop';
const identity: Identity = {
  kind: 'user',
  userId: randomUUID(),
  email: 'beheer@nijmegen.nl',
  name: 'Beheer',
  roles: ['ADMIN'],
  sessionId: randomUUID(),
};

let database: TestDatabase;
let root: TemporaryDir;

beforeAll(async () => {
  database = await createTestDatabase();
  root = await createTemporaryDir('welkom-checkpoints-');
});
afterAll(async () => {
  await database.drop();
  await root.remove();
});

const record = (n: number) =>
  database.prisma.$transaction((tx) =>
    recordAuditEvent(tx, {
      context: { identity, requestId: `r${n}` },
      operation: 'UPDATE',
      entityType: 'Theme',
      entityId: `t${n}`,
      before: { n },
      after: { n: n + 1 },
    }),
  );

/** What a superuser can do: trigger off, rewrite events from `fromPosition` on, re-chain every hash, delete the last `remove`. */
async function superuserRewrite(fromPosition: number, remove: number) {
  const prisma = database.prisma;
  await prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER USER');
  try {
    const rows = await prisma.auditEvent.findMany({ orderBy: { id: 'asc' } });
    let previous: string | null = null;
    for (const [index, row] of rows.entries()) {
      const after = index + 1 >= fromPosition ? { n: 'vervalst' } : row.after;
      const content: AuditContent = {
        at: row.at.toISOString(),
        actorType: row.actorType,
        actorId: row.actorId,
        actorLabel: row.actorLabel,
        operation: row.operation,
        entityType: row.entityType,
        entityId: row.entityId,
        before: (row.before ?? null) as JsonValue,
        after: after as JsonValue,
        changedFields: row.changedFields,
        requestId: row.requestId,
      };
      const hash = hashEvent(previous, content);
      await prisma.auditEvent.update({
        where: { id: row.id },
        data: { after: after as object, prevHash: previous, hash },
      });
      previous = hash;
    }
    const last = rows.slice(-remove).map((row) => row.id);
    await prisma.auditEvent.deleteMany({ where: { id: { in: last } } });
  } finally {
    await prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER USER');
  }
}

function runVerifyCli(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/scripts/audit-verify.ts'],
      { cwd: SERVER_DIR, env: { ...process.env, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('audit checkpoints', () => {
  it('are written at start, at stop and to the log, signed, and only when the chain moved', async () => {
    const file = path.join(root.path, 'scheduled.jsonl');
    const logged: unknown[] = [];
    const logger = { info: (value: unknown) => logged.push(value), error: () => undefined } as unknown as Logger;
    await record(0);
    const schedule = scheduleCheckpoints(() => database.prisma, { file, key: KEY, minutes: 0, logger });
    await record(1);
    await schedule.stop(); // clean shutdown: a last checkpoint
    const { checkpoints } = await readCheckpoints(file);
    expect(checkpoints.map((c) => c.count)).toEqual([1, 2]);
    expect(checkpoints[1]!.headHash).toBe(
      (await database.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } })).hash,
    );
    expect(logged).toEqual(checkpoints.map((checkpoint) => ({ auditCheckpoint: checkpoint })));
  });

  it('find a superuser rewrite with re-chained hashes and the last events deleted, which the chain alone misses', async () => {
    const file = path.join(root.path, 'checkpoints.jsonl');
    for (let n = 2; n < 6; n++) await record(n);
    await writeCheckpoint(database.prisma, { file, key: KEY }); // 6 events
    for (let n = 6; n < 12; n++) await record(n);
    await writeCheckpoint(database.prisma, { file, key: KEY }); // 12 events
    const lines: string[] = [];
    const print = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    expect(await auditVerify(database.prisma, { checkpointFile: file, key: KEY }, print)).toBe(0);
    expect(lines.join('\n')).toMatch(/intact: 12 events[\s\S]*Matches 2 signed checkpoints/);

    await superuserRewrite(3, 3);
    // The chain is consistent again: without a witness nothing is found.
    expect(await verifyAuditChain(database.prisma)).toEqual({ ok: true, count: 9 });

    lines.length = 0;
    expect(await auditVerify(database.prisma, { checkpointFile: file, key: KEY }, print)).toBe(1);
    const said = lines.join('\n');
    expect(said).toContain('does NOT match its checkpoints');
    expect(said).toMatch(/truncation: the trail has 9 events, but the checkpoint of .* witnessed 12/);
    expect(said).toMatch(/rewrite: event \d+ at position 6 has hash/);

    // npm run audit:verify says the same and exits 1.
    const cli = await runVerifyCli({
      DATABASE_URL: database.url,
      AUDIT_CHECKPOINT_FILE: file,
      AUDIT_CHECKPOINT_KEY: KEY,
    });
    expect(cli.code, cli.stdout + cli.stderr).toBe(1);
    expect(cli.stderr).toMatch(/truncation: the trail has 9 events/);
    expect(cli.stderr).toMatch(/rewrite: event \d+ at position 6/);
  }, 60_000);

  it('refuse a forged checkpoint, and one signed with another key', async () => {
    const file = path.join(root.path, 'forged.jsonl');
    const genuine = await writeCheckpoint(database.prisma, { file, key: KEY });
    const lines: string[] = [];
    const print = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    expect(await auditVerify(database.prisma, { checkpointFile: file, key: KEY }, print)).toBe(0);
    // Someone lowers the count to hide a truncation, keeping the old signature.
    const forged: Checkpoint = { ...genuine, count: genuine.count - 2, at: new Date().toISOString() };
    appendFileSync(file, `${JSON.stringify(forged)}\n`);
    lines.length = 0;
    expect(await auditVerify(database.prisma, { checkpointFile: file, key: KEY }, print)).toBe(1);
    expect(lines.join('\n')).toMatch(/forged checkpoint: the checkpoint of .* has a bad signature/);
    lines.length = 0;
    expect(await auditVerify(database.prisma, { checkpointFile: file, key: `${KEY}-other` }, print)).toBe(1);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('ignore checkpoints of another database, and say when there is none', async () => {
    const other = await createTestDatabase();
    try {
      const lines: string[] = [];
      const print = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
      expect(
        await auditVerify(other.prisma, { checkpointFile: path.join(root.path, 'checkpoints.jsonl'), key: KEY }, print),
      ).toBe(0);
      expect(lines.join('\n')).toMatch(/No checkpoint of this database/);
    } finally {
      await other.drop();
    }
  });
});

describe('the server', () => {
  it('writes a checkpoint at start and one at a clean shutdown (SIGTERM), in the file and the log', async () => {
    const file = path.join(root.path, 'server.jsonl');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: SERVER_DIR,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: '0',
        DATABASE_URL: database.url,
        MIGRATE_ON_START: 'false',
        SEED_ON_START: 'false',
        LOG_LEVEL: 'info',
        AUDIT_CHECKPOINT_FILE: file,
        AUDIT_CHECKPOINT_KEY: KEY,
        AUDIT_CHECKPOINT_MINUTES: '60',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log: string[] = [];
    child.stderr?.on('data', (chunk) => log.push(String(chunk)));
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk) => {
        log.push(String(chunk));
        if (/draait op/.test(String(chunk))) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${log.join('')}`)));
    });
    const atStart = (await readCheckpoints(file)).checkpoints;
    expect(atStart).toHaveLength(1);
    await record(100); // a change while it runs
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const { checkpoints } = await readCheckpoints(file);
    expect(checkpoints.map((c) => c.count)).toEqual([atStart[0]!.count, atStart[0]!.count + 1]);
    expect(log.join('').match(/"msg":"audit checkpoint"/g)).toHaveLength(2);
    expect(
      await auditVerify(database.prisma, { checkpointFile: file, key: KEY }, { out: () => {}, err: () => {} }),
    ).toBe(0);
  }, 90_000);
});
