// The audit trail through the API, over HTTP: who may read which events, filters, paging
// and order of `auditEvents`, and one statement for the histories of a whole list.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHistory } from '../audit/history.js';
import { recordAuditEvent } from '../audit/record.js';
import { verifyAuditChain } from '../audit/verify.js';
import { ANONYMOUS, type Identity } from '../context.js';
import { db } from '../db.js';
import { type Harness, type SignedInClient, startHarness } from '../test/harness.js';

let harness: Harness;
let admin: SignedInClient;
let secretary: SignedInClient;
let themeIds: string[];

const EVENTS = `query ($filter: AuditEventFilter, $offset: Int, $limit: Int) {
  auditEvents(filter: $filter, offset: $offset, limit: $limit) {
    totalCount
    nodes { id at actorType actorId actorLabel operation entityType entityId before after changedFields requestId }
  }
}`;

async function record(
  identity: Identity,
  operation: string,
  entityType: string,
  entityId: string,
  before: object | null,
  after: object | null,
) {
  await db().$transaction((tx) =>
    recordAuditEvent(tx, {
      context: { identity, requestId: randomUUID() },
      operation,
      entityType,
      entityId,
      before,
      after,
    }),
  );
}

beforeAll(async () => {
  harness = await startHarness();
  admin = await harness.createUser({ roles: ['ADMIN'] });
  secretary = await harness.createUser({ roles: ['SECRETARY'] });
  const themes = await db().theme.findMany({ orderBy: { number: 'asc' }, select: { id: true, name: true } });
  themeIds = themes.map((theme) => theme.id);
  const actor: Identity = {
    kind: 'user',
    userId: admin.user.id,
    email: admin.user.email,
    name: 'Beheer',
    roles: ['ADMIN'],
    sessionId: 'x',
  };
  for (const theme of themes) {
    await record(
      actor,
      'UPDATE',
      'Theme',
      theme.id,
      { name: theme.name, version: 1 },
      { name: `${theme.name}!`, version: 2 },
    );
  }
  await record(ANONYMOUS, 'CREATE', 'Theme', themeIds[0]!, null, { name: 'eerste' });
  await record(actor, 'UPDATE', 'User', secretary.user.id, { roles: ['VIEWER'] }, { roles: ['SECRETARY'] });
});
afterAll(() => harness?.close());

describe('who may read the audit trail', () => {
  it('nobody anonymous: UNAUTHENTICATED, and no data', async () => {
    const response = await harness.gql(EVENTS);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.data?.auditEvents ?? null).toBeNull();
  });

  it('not a viewer, nor a partner token: FORBIDDEN', async () => {
    const viewer = await harness.createUser({ roles: ['VIEWER'] });
    const partner = await harness.issueToken({ scopes: ['register:read'] });
    for (const client of [viewer, partner]) {
      const response = await client.gql(EVENTS);
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(response.data?.auditEvents ?? null).toBeNull();
    }
  });

  it('an admin reads everything, newest first', async () => {
    const response = await admin.gql(EVENTS, { limit: 500 });
    expect(response.errors).toBeUndefined();
    const { totalCount, nodes } = response.data!.auditEvents;
    expect(totalCount).toBe(themeIds.length + 2);
    expect(nodes).toHaveLength(totalCount);
    expect(nodes[0]).toMatchObject({
      entityType: 'User',
      operation: 'UPDATE',
      changedFields: ['roles'],
      after: { roles: ['SECRETARY'] },
    });
    const ids = nodes.map((node: { id: string }) => BigInt(node.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  });

  it("the programme secretary reads the register's events, not the accounts'", async () => {
    const response = await secretary.gql(EVENTS, { limit: 500 });
    expect(response.errors).toBeUndefined();
    expect(response.data!.auditEvents.totalCount).toBe(themeIds.length + 1);
    expect(response.data!.auditEvents.nodes.map((node: { entityType: string }) => node.entityType)).not.toContain(
      'User',
    );
    const refused = await secretary.gql(EVENTS, { filter: { entityType: 'User' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('filtering and paging', () => {
  it('by entity and id, with before, after, changed fields and actor', async () => {
    const response = await admin.gql(EVENTS, { filter: { entityType: 'Theme', entityId: themeIds[0] } });
    const { totalCount, nodes } = response.data!.auditEvents;
    expect(totalCount).toBe(2);
    expect(nodes[0]).toMatchObject({
      operation: 'CREATE',
      actorType: 'ANONYMOUS',
      actorId: null,
      before: null,
      changedFields: ['name'],
    });
    expect(nodes[1]).toMatchObject({
      operation: 'UPDATE',
      actorType: 'USER',
      actorId: admin.user.id,
      actorLabel: admin.user.email,
      changedFields: ['name'],
      before: { version: 1 },
    });
    expect(typeof nodes[1].id).toBe('string');
    expect(nodes[1].requestId).toEqual(expect.any(String));
  });

  it('by actor, operation and time range', async () => {
    const byActor = await admin.gql(EVENTS, { filter: { actorId: admin.user.id, operation: 'UPDATE' } });
    expect(byActor.data!.auditEvents.totalCount).toBe(themeIds.length + 1);
    const future = await admin.gql(EVENTS, { filter: { from: new Date(Date.now() + 60_000).toISOString() } });
    expect(future.data!.auditEvents.totalCount).toBe(0);
    const past = await admin.gql(EVENTS, {
      filter: { to: new Date(Date.now() + 60_000).toISOString(), operation: 'CREATE' },
    });
    expect(past.data!.auditEvents.totalCount).toBe(1);
  });

  it('pages with offset and limit, and refuses a page over the maximum', async () => {
    const all = (await admin.gql(EVENTS, { limit: 500 })).data!.auditEvents.nodes.map(
      (node: { id: string }) => node.id,
    );
    const page = (await admin.gql(EVENTS, { offset: 2, limit: 3 })).data!.auditEvents.nodes.map(
      (node: { id: string }) => node.id,
    );
    expect(page).toEqual(all.slice(2, 5));
    const tooLarge = await admin.gql(EVENTS, { limit: 501 });
    expect(tooLarge.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('history of records', () => {
  it('loads the histories of a whole list in one statement', async () => {
    const context = {};
    let histories: Awaited<ReturnType<typeof loadHistory>>[] = [];
    const { count } = await harness.countStatements(async () => {
      histories = await Promise.all(themeIds.map((id) => loadHistory(context, 'Theme', id)));
    });
    expect(count).toBe(1);
    expect(histories.map((history) => history.length)).toEqual(themeIds.map((_, index) => (index === 0 ? 2 : 1)));
    expect(histories[0]!.map((event) => event.operation)).toEqual(['CREATE', 'UPDATE']);
  });
});

describe('changes through the API', () => {
  const UPDATE = `mutation ($id: ID!, $name: String!, $version: Int!) {
    updateTheme(id: $id, input: { name: $name }, expectedVersion: $version) { version }
  }`;

  it('each writes one event naming its own actor, also when several users write at once', async () => {
    const other = await harness.createUser({ roles: ['SECRETARY'] });
    const themes = await db().theme.findMany({
      where: { id: { in: themeIds.slice(1, 7) } },
      select: { id: true, version: true },
    });
    const writers = [secretary, other];
    const results = await Promise.all(
      themes.map((theme, index) =>
        writers[index % 2]!.gql(UPDATE, { id: theme.id, name: `Nieuwe naam ${index}`, version: theme.version }),
      ),
    );
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    for (const [index, theme] of themes.entries()) {
      const events = await db().auditEvent.findMany({
        where: { entityId: theme.id, operation: 'UPDATE', actorId: { not: admin.user.id } },
      });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actorId: writers[index % 2]!.user.id,
        changedFields: ['name'],
        after: { name: `Nieuwe naam ${index}` },
      });
    }
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it('a refused change (stale version) leaves no event', async () => {
    const theme = await db().theme.findFirstOrThrow({ where: { id: themeIds[0] } });
    const count = await db().auditEvent.count();
    const refused = await secretary.gql(UPDATE, { id: theme.id, name: 'Te laat', version: theme.version - 1 });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await db().auditEvent.count()).toBe(count);
  });
});
