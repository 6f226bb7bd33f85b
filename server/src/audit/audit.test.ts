// The audit trail against a real PostgreSQL: append-only for every role, a hash chain that
// verification trusts when intact and pinpoints when tampered with, a linear chain under
// concurrent writers, redaction of sensitive fields, changed fields, and the CLI's exit codes.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Prisma } from '@welkom/db';
import { type TestDatabase, createTestDatabase } from '@welkom/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../context.js';
import { recordAuditEvent } from './record.js';
import { REDACTED, markSensitive } from './sensitive.js';
import { verifyAuditChain } from './verify.js';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));

const admin: Identity = {
  kind: 'user',
  userId: randomUUID(),
  email: 'beheer@nijmegen.nl',
  name: 'Beheerder',
  roles: ['ADMIN'],
  sessionId: randomUUID(),
};
const context = { identity: admin, requestId: 'req-1' };

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ maxConnections: 20 });
});
afterAll(() => database.drop());

async function record(event: Partial<Parameters<typeof recordAuditEvent>[1]> = {}) {
  return database.prisma.$transaction((tx) =>
    recordAuditEvent(tx, {
      context,
      operation: 'UPDATE',
      entityType: 'Theme',
      entityId: randomUUID(),
      before: { name: 'oud', version: 1 },
      after: { name: 'nieuw', version: 2 },
      ...event,
    }),
  );
}

async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return await client.query<T>(text, values);
  } finally {
    await client.end();
  }
}

async function tamper(id: bigint | string, set: string) {
  await sql(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
  try {
    await sql(`UPDATE "AuditEvent" SET ${set} WHERE id = $1`, [String(id)]);
  } finally {
    await sql(`ALTER TABLE "AuditEvent" ENABLE TRIGGER USER`);
  }
}

function runVerifyCli(url: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/scripts/audit-verify.ts'],
      { cwd: SERVER_DIR, env: { ...process.env, DATABASE_URL: url } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('recording an event', () => {
  it('writes who, what, when, before, after, changed fields and request id, linked to the previous event', async () => {
    const first = await record();
    const entityId = randomUUID();
    const second = await record({
      operation: 'CREATE',
      entityId,
      before: null,
      after: { id: entityId, name: 'Wonen', version: 1 },
    });
    const row = await database.prisma.auditEvent.findUniqueOrThrow({ where: { id: second.id } });
    expect(row).toMatchObject({
      actorType: 'USER',
      actorId: admin.kind === 'user' ? admin.userId : '',
      actorLabel: 'beheer@nijmegen.nl',
      operation: 'CREATE',
      entityType: 'Theme',
      entityId,
      before: null,
      after: { id: entityId, name: 'Wonen', version: 1 },
      changedFields: ['id', 'name'],
      requestId: 'req-1',
      prevHash: first.hash,
    });
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes text in any script, quotes and line breaks exactly as the verifier does', async () => {
    await record({
      before: { name: 'Ontheemden uit Oekraïne', note: null },
      after: {
        name: 'Statushouders “nieuw” ✓ 🏠',
        note: 'regel 1\nregel 2 \\ "aanhalingstekens"',
        list: ['één', 2, true],
      },
    });
    expect(await verifyAuditChain(database.prisma)).toMatchObject({ ok: true });
  });

  it('lists only the top-level fields whose values differ, ignoring version and updatedAt', async () => {
    const { id } = await record({
      before: {
        name: 'Wonen',
        startDate: new Date('2025-01-01T00:00:00Z'),
        budget: new Prisma.Decimal('1000.50'),
        visits: 3n,
        tags: ['a', 'b'],
        meta: { b: 1, a: 2 },
        owner: null,
        version: 3,
        updatedAt: new Date('2025-01-01T00:00:00Z'),
      },
      after: {
        name: 'Wonen',
        startDate: new Date('2025-01-01T00:00:00Z'),
        budget: new Prisma.Decimal('1000.75'),
        visits: 3n,
        tags: ['b', 'a'],
        meta: { a: 2, b: 1 },
        owner: 'Team Integratie',
        version: 4,
        updatedAt: new Date('2025-02-01T00:00:00Z'),
      },
    });
    const row = await database.prisma.auditEvent.findUniqueOrThrow({ where: { id } });
    expect(row.changedFields).toEqual(['budget', 'owner', 'tags']);
    // Stored JSON-safely: dates as ISO text, decimals and big integers as text.
    expect(row.after).toMatchObject({ startDate: '2025-01-01T00:00:00.000Z', budget: '1000.75', visits: '3' });
  });

  it('lists the fields a delete removed (the ones that had a value)', async () => {
    const { id } = await record({
      operation: 'DELETE',
      before: { id: 'x', name: 'Wonen', owner: null, version: 2 },
      after: null,
    });
    const row = await database.prisma.auditEvent.findUniqueOrThrow({ where: { id } });
    expect(row.changedFields).toEqual(['id', 'name']);
    expect(row.after).toBeNull();
  });

  it('never stores a sensitive value in clear text, yet names the field as changed', async () => {
    markSensitive('AuditTestPerson', ['healthNotes', 'residenceStatus']);
    const secret = `diabetes-${randomUUID()}`;
    const { id } = await record({
      entityType: 'AuditTestPerson',
      before: { name: 'A. Jansen', healthNotes: null, residenceStatus: 'status-houder-geheim' },
      after: { name: 'A. Jansen', healthNotes: secret, residenceStatus: 'status-houder-geheim' },
    });
    const { rows } = await sql<{ text: string }>(
      `SELECT row_to_json(e)::text AS text FROM "AuditEvent" e WHERE id = $1`,
      [String(id)],
    );
    expect(rows[0]!.text).not.toContain(secret);
    expect(rows[0]!.text).not.toContain('status-houder-geheim');
    const row = await database.prisma.auditEvent.findUniqueOrThrow({ where: { id } });
    expect(row.changedFields).toEqual(['healthNotes']);
    expect(row.before).toEqual({ name: 'A. Jansen', healthNotes: REDACTED, residenceStatus: REDACTED });
    expect(row.after).toEqual({ name: 'A. Jansen', healthNotes: REDACTED, residenceStatus: REDACTED });
  });

  it('never stores password or token hashes: they are sensitive from the start', async () => {
    const { id } = await record({
      entityType: 'User',
      before: { email: 'a@nijmegen.nl', passwordHash: '$argon2id$v=19$old-hash' },
      after: { email: 'a@nijmegen.nl', passwordHash: '$argon2id$v=19$new-hash' },
    });
    const { rows } = await sql<{ text: string }>(
      `SELECT row_to_json(e)::text AS text FROM "AuditEvent" e WHERE id = $1`,
      [String(id)],
    );
    expect(rows[0]!.text).not.toContain('argon2id');
    expect(await database.prisma.auditEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({
      changedFields: ['passwordHash'],
    });
  });

  it('is rolled back with the transaction that failed, and the chain stays intact', async () => {
    const entityId = randomUUID();
    await expect(
      database.prisma.$transaction(async (tx) => {
        await recordAuditEvent(tx, {
          context,
          operation: 'UPDATE',
          entityType: 'Theme',
          entityId,
          before: {},
          after: { a: 1 },
        });
        throw new Error('forced failure after the audit event');
      }),
    ).rejects.toThrow('forced failure');
    expect(await database.prisma.auditEvent.count({ where: { entityId } })).toBe(0);
    await record();
    expect(await verifyAuditChain(database.prisma)).toMatchObject({ ok: true });
  });

  it('refuses a transaction whose snapshot predates the chain lock (REPEATABLE READ)', async () => {
    await expect(
      database.prisma.$transaction(
        (tx) => recordAuditEvent(tx, { context, operation: 'UPDATE', entityType: 'Theme', entityId: 'x' }),
        {
          isolationLevel: 'RepeatableRead',
        },
      ),
    ).rejects.toThrow(/READ COMMITTED/);
  });

  it('names a partner token and an anonymous actor', async () => {
    const token: Identity = {
      kind: 'token',
      tokenId: randomUUID(),
      prefix: 'wk_ab12',
      label: 'COA',
      partnerId: randomUUID(),
      scopes: [],
    };
    const { id } = await record({ context: { identity: token, requestId: 'req-2' } });
    expect(await database.prisma.auditEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({
      actorType: 'TOKEN',
      actorId: token.tokenId,
      actorLabel: 'COA (wk_ab12)',
    });
  });
});

describe('concurrent writers', () => {
  it('keep the chain linear: 20 transactions at once, each event after exactly one predecessor', async () => {
    const before = await database.prisma.auditEvent.count();
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        database.prisma.$transaction(async (tx) => {
          // Each transaction does some work of its own before and after, as a real change would.
          await tx.$executeRaw`SELECT pg_sleep(${(index % 4) * 0.005})`;
          await recordAuditEvent(tx, {
            context,
            operation: 'UPDATE',
            entityType: 'Theme',
            entityId: `c${index}`,
            before: { n: index },
            after: { n: index + 1 },
          });
        }),
      ),
    );
    const rows = await database.prisma.auditEvent.findMany({
      orderBy: { id: 'asc' },
      select: { prevHash: true, hash: true },
    });
    expect(rows).toHaveLength(before + 20);
    const predecessors = rows.map((row) => row.prevHash);
    expect(new Set(predecessors).size).toBe(rows.length);
    for (let index = 1; index < rows.length; index += 1) expect(rows[index]!.prevHash).toBe(rows[index - 1]!.hash);
    expect(await verifyAuditChain(database.prisma, { batchSize: 7 })).toEqual({ ok: true, count: rows.length });
  });
});

describe('append-only', () => {
  for (const statement of [
    `UPDATE "AuditEvent" SET "actorLabel" = 'iemand anders'`,
    `DELETE FROM "AuditEvent"`,
    `TRUNCATE "AuditEvent"`,
  ]) {
    it(`refuses ${statement.split(' ')[0]} by the application's own connection`, async () => {
      await record();
      await expect(database.prisma.$executeRawUnsafe(statement)).rejects.toThrow(/append-only/);
    });
  }

  it('refuses UPDATE, DELETE and TRUNCATE even to a role granted every privilege on the table', async () => {
    const role = `audit_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await sql(`CREATE ROLE ${role} LOGIN PASSWORD 'test'`);
    try {
      await sql(`GRANT ALL ON "AuditEvent" TO ${role}`);
      const url = new URL(database.url);
      url.username = role;
      url.password = 'test';
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        for (const statement of [
          `UPDATE "AuditEvent" SET "operation" = 'X'`,
          `DELETE FROM "AuditEvent"`,
          `TRUNCATE "AuditEvent"`,
        ]) {
          await expect(client.query(statement)).rejects.toThrow(/append-only/);
        }
      } finally {
        await client.end();
      }
    } finally {
      await sql(`REVOKE ALL ON "AuditEvent" FROM ${role}`);
      await sql(`DROP ROLE ${role}`);
    }
  });
});

describe('verifying the chain', () => {
  it('passes on an intact chain, and so does npm run audit:verify (exit code 0)', async () => {
    const report = await verifyAuditChain(database.prisma);
    expect(report).toEqual({ ok: true, count: await database.prisma.auditEvent.count() });
    const cli = await runVerifyCli(database.url);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/Audit trail intact: \d+ events/);
  });

  it('finds a changed row by its id, and the CLI exits 1 naming it', async () => {
    const { id } = await record({ after: { name: 'echt' } });
    await record();
    await tamper(id, `"after" = '{"name": "vervalst"}'::jsonb`);
    expect(await verifyAuditChain(database.prisma, { batchSize: 3 })).toMatchObject({
      ok: false,
      brokenAt: id.toString(),
      reason: expect.stringContaining('does not match its hash'),
    });
    const cli = await runVerifyCli(database.url);
    expect(cli, cli.stdout + cli.stderr).toMatchObject({ code: 1 });
    expect(cli.stderr).toContain(`BROKEN at event ${id}`);
  });
});

describe('verifying a chain with an event removed', () => {
  it('names the event after the gap', async () => {
    const other = await createTestDatabase();
    try {
      const write = (entityId: string) =>
        other.prisma.$transaction((tx) =>
          recordAuditEvent(tx, { context, operation: 'CREATE', entityType: 'Theme', entityId, after: { entityId } }),
        );
      await write('a');
      const removed = await write('b');
      const next = await write('c');
      const client = new pg.Client({ connectionString: other.url });
      await client.connect();
      await client.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
      await client.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [String(removed.id)]);
      await client.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER USER`);
      await client.end();
      expect(await verifyAuditChain(other.prisma)).toMatchObject({ ok: false, brokenAt: next.id.toString(), count: 1 });
    } finally {
      await other.drop();
    }
  });
});
