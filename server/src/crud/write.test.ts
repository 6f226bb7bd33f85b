// The one write path (crud/write.ts): what an audited update costs in SQL statements, and that
// it keeps the version check, the audit event and the answer exact under a burst.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type SignedInClient, startHarness } from '../test/harness.js';

let api: Harness;
let secretary: SignedInClient;
let actionIds: string[];
let partnerIds: string[];

beforeAll(async () => {
  api = await startHarness();
  secretary = await api.createUser({ roles: ['SECRETARY'] });
  const { data } = await api.gql(`{ actions(limit: 3) { nodes { id } } partners(limit: 3) { nodes { id } } }`);
  actionIds = data!.actions.nodes.map((action: { id: string }) => action.id);
  partnerIds = data!.partners.nodes.map((partner: { id: string }) => partner.id);
});
afterAll(() => api?.close());

const versionOf = async (id: string) =>
  (await api.gql(`{ action(id: "${id}") { version } }`)).data!.action.version as number;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: ActionUpdateInput!) {
  updateAction(id: $id, input: $input, expectedVersion: $v) { id version notes partnerIds: partners { id } }
}`;
const events = async (id: string) =>
  (
    await secretary.gql(
      `{ auditEvents(filter: { entityType: "Action", entityId: "${id}" }, limit: 500) { nodes { operation before after changedFields } } }`,
    )
  ).data!.auditEvents.nodes as {
    operation: string;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    changedFields: string[];
  }[];

describe('an audited update of an entity', () => {
  it('is one versioned UPDATE ... RETURNING between the read of the before-snapshot and the audit event', async () => {
    const id = actionIds[0]!;
    const version = await versionOf(id);
    await secretary.gql(`{ me { id } }`);
    const { count, statements } = await api.countStatements(() =>
      secretary.gql(
        `mutation ($id: ID!, $v: Int!) { updateAction(id: $id, input: { notes: "kort" }, expectedVersion: $v) { version } }`,
        { id, v: version },
      ),
    );
    // session, before-snapshot, UPDATE ... RETURNING (the after-snapshot and the answer), chain lock, event, COMMIT.
    // Before this path it was 8: a second read for the after-snapshot and a third for the answer.
    expect(statements.filter((sql) => sql.startsWith('UPDATE')).map((sql) => /RETURNING/.test(sql))).toEqual([true]);
    expect(count).toBe(6);
  });

  it('changing a link list adds only the link statements (the answer with relations is read once)', async () => {
    const id = actionIds[1]!;
    const version = await versionOf(id);
    const { count } = await api.countStatements(async () => {
      const result = await secretary.gql(UPDATE, { id, v: version, input: { partnerIds } });
      expect(result.errors).toBeUndefined();
    });
    // session, before, DELETE and INSERT of links, UPDATE ... RETURNING, the answer, lock, event, COMMIT (was 10).
    expect(count).toBe(9);
  });

  it('records the written row as the after-snapshot: the link lists given and the fields changed', async () => {
    const id = actionIds[1]!;
    const version = await versionOf(id);
    const result = await secretary.gql(UPDATE, {
      id,
      v: version,
      input: { notes: 'na', partnerIds: [partnerIds[0], partnerIds[0]] },
    });
    expect(result.errors).toBeUndefined();
    const [latest] = await events(id);
    expect(latest!.operation).toBe('UPDATE');
    expect(latest!.after).toMatchObject({ notes: 'na', version: version + 1, partnerIds: [partnerIds[0]] });
    expect(latest!.before).toMatchObject({ version, partnerIds: [...partnerIds].sort() });
    expect(latest!.after.targetGroupIds).toEqual(latest!.before.targetGroupIds);
    expect(latest!.changedFields).toEqual(['notes', 'partnerIds']);
  });

  it('lets exactly one of 60 editors of the same version win, with one audit event', async () => {
    const id = actionIds[2]!;
    const version = await versionOf(id);
    const before = (await events(id)).length;
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        secretary.gql(UPDATE, { id, v: version, input: { notes: `burst ${index}` } }),
      ),
    );
    const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code !== 'OK').every((code) => code === 'CONFLICT')).toBe(true);
    const winner = results.find((result) => !result.errors)!.data!.updateAction;
    expect(winner.version).toBe(version + 1);
    const trail = await events(id);
    expect(trail).toHaveLength(before + 1);
    expect(trail[0]!.after).toMatchObject({ notes: winner.notes, version: version + 1 });
    expect(await versionOf(id)).toBe(version + 1);
  });

  it('says NOT_FOUND for a record that does not exist and CONFLICT, with the current version, for a stale one', async () => {
    const missing = await secretary.gql(UPDATE, {
      id: '00000000-0000-4000-8000-000000000000',
      v: 1,
      input: { notes: 'x' },
    });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const id = actionIds[0]!;
    const version = await versionOf(id);
    const stale = await secretary.gql(UPDATE, { id, v: version - 1, input: { notes: 'x' } });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: version });
  });
});
