// The uniform API shared by every entity, exercised over HTTP on a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type SignedInClient, startHarness } from '../test/harness.js';

let api: Harness;
/** The register is kept by programme secretaries; every write here is theirs. */
let secretary: SignedInClient;
let ids: {
  themeId: string;
  sectionId: string;
  goalId: string;
  actionId: string;
  partnerId: string;
  targetGroupId: string;
};

beforeAll(async () => {
  api = await startHarness();
  secretary = await api.createUser({ roles: ['SECRETARY'] });
  const { data } = await api.gql(`{
    actions(filter: { code: { eq: "1.1 1.A" } }) { nodes { id goal { id section { id theme { id } } } } }
    partners(limit: 1) { nodes { id } }
    targetGroups(limit: 1) { nodes { id } }
  }`);
  const action = data?.actions.nodes[0];
  ids = {
    actionId: action.id,
    goalId: action.goal.id,
    sectionId: action.goal.section.id,
    themeId: action.goal.section.theme.id,
    partnerId: data?.partners.nodes[0].id,
    targetGroupId: data?.targetGroups.nodes[0].id,
  };
});
afterAll(() => api?.close());

const upper = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

interface EntityCase {
  entity: string;
  plural: string;
  fields: string;
  create: () => Record<string, unknown>;
  update: Record<string, unknown>;
}

const entities: EntityCase[] = [
  {
    entity: 'theme',
    plural: 'themes',
    fields: 'number name',
    create: () => ({ number: 9, name: 'Testopgave' }),
    update: { name: 'Gewijzigde opgave' },
  },
  {
    entity: 'section',
    plural: 'sections',
    fields: 'code title themeId',
    create: () => ({ code: '9.9', title: 'Testonderdeel', themeId: ids.themeId }),
    update: { title: 'Gewijzigd onderdeel' },
  },
  {
    entity: 'goal',
    plural: 'goals',
    fields: 'code number text subPoints',
    create: () => ({
      code: '1.1 9',
      number: 9,
      text: 'Testdoel',
      subPoints: ['eerste', 'tweede'],
      sectionId: ids.sectionId,
    }),
    update: { subPoints: ['alleen dit'] },
  },
  {
    entity: 'action',
    plural: 'actions',
    fields: 'code status startDate partners { id } targetGroups { id }',
    create: () => ({
      code: '1.1 1.Z',
      letter: 'Z',
      description: 'Testactie',
      goalId: ids.goalId,
      status: 'RUNNING',
      startDate: '2025-03-01',
      partnerIds: [ids.partnerId],
      targetGroupIds: [ids.targetGroupId],
    }),
    update: { status: 'DONE', partnerIds: [] },
  },
  {
    entity: 'partner',
    plural: 'partners',
    fields: 'name kind aliases',
    create: () => ({ name: 'Testorganisatie', kind: 'FOUNDATION', aliases: ['Test org'] }),
    update: { kind: 'WELFARE' },
  },
  {
    entity: 'targetGroup',
    plural: 'targetGroups',
    fields: 'name description',
    create: () => ({ name: 'Testdoelgroep' }),
    update: { description: 'Omschrijving' },
  },
  {
    entity: 'precondition',
    plural: 'preconditions',
    fields: 'text met actionId',
    create: () => ({ text: 'Testvoorwaarde', actionId: ids.actionId, sortOrder: 99 }),
    update: { met: true },
  },
  {
    entity: 'dataQualityNote',
    plural: 'dataQualityNotes',
    fields: 'key title severity status',
    create: () => ({ key: 'test:note', title: 'Test', description: 'Testnotitie', severity: 'INFO' }),
    update: { status: 'RESOLVED' },
  },
];

describe.each(entities)('$entity: create, read, list, update, delete', ({ entity, plural, fields, create, update }) => {
  const Entity = upper(entity);

  it('goes through its whole life cycle', async () => {
    const input = create();
    const created = await secretary.gql(
      `mutation ($input: ${Entity}CreateInput!) { create${Entity}(input: $input) { id version ${fields} } }`,
      { input },
    );
    expect(created.errors).toBeUndefined();
    const record = created.data?.[`create${Entity}`];
    expect(record.version).toBe(1);
    for (const [key, value] of Object.entries(input)) {
      if (key.endsWith('Ids')) expect(record[key.replace(/Ids$/, 's')].map((r: { id: string }) => r.id)).toEqual(value);
      else if (fields.split(/\s+/).includes(key)) expect(record[key]).toEqual(value);
    }

    const read = await api.gql(`query ($id: ID!) { ${entity}(id: $id) { id ${fields} } }`, { id: record.id });
    expect(read.data?.[entity].id).toBe(record.id);

    const listed = await api.gql(
      `query ($id: ID!) { ${plural}(filter: { id: { eq: $id } }) { totalCount nodes { id } } }`,
      { id: record.id },
    );
    expect(listed.data?.[plural]).toEqual({ totalCount: 1, nodes: [{ id: record.id }] });

    const updated = await secretary.gql(
      `mutation ($id: ID!, $input: ${Entity}UpdateInput!) { update${Entity}(id: $id, input: $input, expectedVersion: 1) { version ${fields} } }`,
      { id: record.id, input: update },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.[`update${Entity}`].version).toBe(2);
    for (const [key, value] of Object.entries(update)) {
      if (key.endsWith('Ids')) expect(updated.data?.[`update${Entity}`][key.replace(/Ids$/, 's')]).toEqual(value);
      else expect(updated.data?.[`update${Entity}`][key]).toEqual(value);
    }

    const deleted = await secretary.gql(`mutation ($id: ID!) { delete${Entity}(id: $id, expectedVersion: 2) { id } }`, {
      id: record.id,
    });
    expect(deleted.data?.[`delete${Entity}`].id).toBe(record.id);
    const gone = await api.gql(`query ($id: ID!) { ${entity}(id: $id) { id } }`, { id: record.id });
    expect(gone.data?.[entity]).toBeNull();
  });
});

/** A snapshot of an action, to prove a refused request changed nothing. */
async function actionState(id: string) {
  const { data } = await api.gql(
    `query ($id: ID!) { action(id: $id) { version code description status partners { id } } }`,
    { id },
  );
  return data?.action;
}

describe('concurrent edits', () => {
  it('refuses a stale expectedVersion with CONFLICT, says the current version, and changes nothing', async () => {
    const before = await actionState(ids.actionId);
    const first = await secretary.gql(
      `mutation ($id: ID!, $v: Int!) { updateAction(id: $id, input: { notes: "eerste" }, expectedVersion: $v) { version } }`,
      { id: ids.actionId, v: before.version },
    );
    expect(first.data?.updateAction.version).toBe(before.version + 1);
    const afterFirst = await actionState(ids.actionId);

    const second = await secretary.gql(
      `mutation ($id: ID!, $v: Int!) { updateAction(id: $id, input: { status: CANCELLED }, expectedVersion: $v) { version } }`,
      { id: ids.actionId, v: before.version },
    );
    expect(second.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'stale_version',
      currentVersion: before.version + 1,
    });
    expect(second.errors?.[0]?.message).toMatch(/Iemand anders/);
    expect(await actionState(ids.actionId)).toEqual(afterFirst);
  });

  it('lets exactly one of two simultaneous updates of the same version win', async () => {
    const before = await actionState(ids.actionId);
    const update = (notes: string) =>
      secretary.gql(
        `mutation ($id: ID!, $v: Int!, $n: String) { updateAction(id: $id, input: { notes: $n }, expectedVersion: $v) { version } }`,
        {
          id: ids.actionId,
          v: before.version,
          n: notes,
        },
      );
    const results = await Promise.all([update('a'), update('b')]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
  });
});

describe('bad input gets a specific error and changes nothing', () => {
  const createAction = (input: Record<string, unknown>) =>
    secretary.gql(`mutation ($input: ActionCreateInput!) { createAction(input: $input) { id } }`, { input });
  const actionCount = async () => (await api.gql(`{ actions { totalCount } }`)).data?.actions.totalCount;

  it('a missing required field names the field', async () => {
    const before = await actionCount();
    const result = await createAction({ code: '1.1 1.Y', letter: 'Y', goalId: ids.goalId });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
    expect(await actionCount()).toBe(before);
  });

  it('an empty required text names the field, in Dutch', async () => {
    const result = await createAction({ code: '1.1 1.Y', letter: 'Y', description: '   ', goalId: ids.goalId });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.description',
      reason: 'required',
    });
    expect(result.errors?.[0]?.message).toMatch(/Activiteit mag niet leeg zijn/);
  });

  it('a value of the wrong type is refused', async () => {
    const result = await secretary.gql(`mutation { createTheme(input: { number: "twee", name: "X" }) { id } }`);
    expect(result.errors?.[0]?.extensions?.code).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    expect(result.errors?.[0]?.message).toMatch(/Int/);
  });

  it('a code in the wrong form says what it expects', async () => {
    const result = await createAction({ code: '11A', letter: 'A', description: 'x', goalId: ids.goalId });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.code',
      reason: 'invalid_format',
    });
    expect(result.errors?.[0]?.message).toContain('1.2 1.A');
  });

  it('an unknown id is NOT_FOUND, a malformed one BAD_USER_INPUT', async () => {
    const unknown = await secretary.gql(
      `mutation { updateAction(id: "00000000-0000-4000-8000-000000000000", input: { notes: "x" }, expectedVersion: 1) { id } }`,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await api.gql(`{ action(id: "42") { id } }`);
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
      reason: 'invalid_id',
    });
  });

  it('a duplicate unique value is a CONFLICT naming the field', async () => {
    const before = await actionCount();
    const result = await createAction({ code: '1.1 1.A', letter: 'A', description: 'dubbel', goalId: ids.goalId });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'unique', field: 'input.code' });
    expect(await actionCount()).toBe(before);
  });

  it('a relation to a missing record names the field', async () => {
    const before = await actionCount();
    const missingGoal = await createAction({
      code: '1.1 1.X',
      letter: 'X',
      description: 'x',
      goalId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missingGoal.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.goalId',
      reason: 'not_found',
    });
    const missingPartner = await createAction({
      code: '1.1 1.X',
      letter: 'X',
      description: 'x',
      goalId: ids.goalId,
      partnerIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(missingPartner.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.partnerIds',
      reason: 'not_found',
    });
    expect(await actionCount()).toBe(before);
  });

  // A 100 kB string does not even reach the resolver: the body limit answers 413 (http/security.test.ts).
  it('a text longer than the field allows is refused as too long', async () => {
    const before = await actionState(ids.actionId);
    const result = await secretary.gql(
      `mutation ($id: ID!, $v: Int!, $d: String) { updateAction(id: $id, input: { description: $d }, expectedVersion: $v) { id } }`,
      { id: ids.actionId, v: before.version, d: 'x'.repeat(30 * 1024) },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.description',
      reason: 'too_long',
    });
    expect(await actionState(ids.actionId)).toEqual(before);
  });

  it('an unknown filter field is refused by name', async () => {
    const result = await api.gql(`query ($f: ActionFilter) { actions(filter: $f) { totalCount } }`, {
      f: { colour: { eq: 'red' } },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'colour' });
  });

  it('deleting a record others still refer to is a CONFLICT', async () => {
    const { data } = await api.gql(`query ($id: ID!) { theme(id: $id) { version } }`, { id: ids.themeId });
    const result = await secretary.gql(
      `mutation ($id: ID!, $v: Int!) { deleteTheme(id: $id, expectedVersion: $v) { id } }`,
      {
        id: ids.themeId,
        v: data?.theme.version,
      },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'referenced' });
  });

  it('errors never carry a stack trace or SQL', async () => {
    const result = await createAction({ code: '1.1 1.A', letter: 'A', description: 'dubbel', goalId: ids.goalId });
    const text = JSON.stringify(result.errors);
    expect(text).not.toMatch(/stacktrace|INSERT|SELECT|prisma|at .*\.ts/i);
  });
});

describe('lists', () => {
  it('page the same way with offset/limit and first/after', async () => {
    const all = await api.gql(`{ actions(limit: 500) { nodes { code } } }`);
    const codes = all.data?.actions.nodes.map((a: { code: string }) => a.code);
    const page2 = await api.gql(
      `{ actions(offset: 10, limit: 10) { nodes { code } pageInfo { hasNextPage hasPreviousPage } } }`,
    );
    expect(page2.data?.actions.nodes.map((a: { code: string }) => a.code)).toEqual(codes.slice(10, 20));
    expect(page2.data?.actions.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });

    const first = await api.gql(`{ actions(first: 10) { edges { cursor } pageInfo { endCursor } } }`);
    const after = first.data?.actions.pageInfo.endCursor;
    const next = await api.gql(
      `query ($after: String) { actions(first: 10, after: $after) { edges { node { code } } } }`,
      { after },
    );
    expect(next.data?.actions.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(codes.slice(10, 20));
  });

  it('page with first/after through any order, nulls last and ties included, to the same rows as one long list', async () => {
    const orders = [
      '',
      'orderBy: [{ field: code, direction: DESC }]',
      'orderBy: [{ field: startDate }]', // nullable, with ties: the id breaks them
      'orderBy: [{ field: startDate, direction: DESC }, { field: code }]',
      'orderBy: [{ field: status }]', // an enum: paged by offset cursors
    ];
    for (const order of orders) {
      const all = await api.gql(`{ actions(${order} limit: 500) { nodes { id } } }`);
      const expected = all.data?.actions.nodes.map((a: { id: string }) => a.id);
      const paged: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 100; pages++) {
        const page: any = await api.gql(
          `query ($after: String) { actions(${order} first: 7, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        expect(page.errors, order).toBeUndefined();
        paged.push(...page.data.actions.edges.map((edge: { node: { id: string } }) => edge.node.id));
        if (!page.data.actions.pageInfo.hasNextPage) break;
        after = page.data.actions.pageInfo.endCursor;
        expect(page.data.actions.edges.at(-1).cursor).toBe(after);
      }
      expect(paged, order).toEqual(expected);
    }
  });

  it('continue after the row the cursor names, also when rows were added before it meanwhile', async () => {
    const first = await api.gql(`{ targetGroups(first: 3) { nodes { name } pageInfo { endCursor } } }`);
    const all = await api.gql(`{ targetGroups(limit: 500) { nodes { name } } }`);
    const names = all.data?.targetGroups.nodes.map((g: { name: string }) => g.name);
    // A new record that sorts first moves every offset by one; a keyset cursor is not moved.
    const created = await secretary.gql(
      `mutation { createTargetGroup(input: { name: "  Aaa eerst" }) { id version } }`,
    );
    expect(created.errors).toBeUndefined();
    try {
      const next = await api.gql(
        `query ($after: String) { targetGroups(first: 3, after: $after) { nodes { name } pageInfo { hasPreviousPage } } }`,
        {
          after: first.data?.targetGroups.pageInfo.endCursor,
        },
      );
      expect(next.data?.targetGroups.nodes.map((g: { name: string }) => g.name)).toEqual(names.slice(3, 6));
      expect(next.data?.targetGroups.pageInfo.hasPreviousPage).toBe(true);
    } finally {
      const { id, version } = created.data!.createTargetGroup;
      await secretary.gql(`mutation ($id: ID!, $v: Int!) { deleteTargetGroup(id: $id, expectedVersion: $v) { id } }`, {
        id,
        v: version,
      });
    }
  });

  it('refuse a cursor of another sort order, or a made-up one, as BAD_USER_INPUT', async () => {
    const byCode = await api.gql(`{ actions(first: 2) { pageInfo { endCursor } } }`);
    const other = await api.gql(
      `query ($after: String) { actions(first: 2, after: $after, orderBy: [{ field: description }]) { nodes { code } } }`,
      {
        after: byCode.data?.actions.pageInfo.endCursor,
      },
    );
    expect(other.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
      reason: 'invalid_cursor',
    });
    for (const after of [
      'bm9uc2Vuc2U',
      Buffer.from('keys:{"k":["code:asc","id:asc"],"v":[1,"x"]}').toString('base64url'),
    ]) {
      const made = await api.gql(`query ($after: String) { actions(first: 2, after: $after) { nodes { code } } }`, {
        after,
      });
      expect(made.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
        reason: 'invalid_cursor',
      });
    }
  });

  it('sort by any column, with the id as tie-breaker', async () => {
    const result = await api.gql(
      `{ actions(orderBy: [{ field: status, direction: DESC }, { field: code }], limit: 500) { nodes { status code } } }`,
    );
    const nodes = result.data?.actions.nodes as { status: string; code: string }[];
    const sorted = [...nodes].sort((a, b) =>
      a.status === b.status ? a.code.localeCompare(b.code) : a.status < b.status ? 1 : -1,
    );
    expect(nodes).toEqual(sorted);
  });

  it('refuse a page larger than the maximum', async () => {
    const result = await api.gql(`{ actions(limit: 100000) { totalCount } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  });
});

describe('SQL statements per request', () => {
  const listActions = (limit: number) =>
    api.gql(
      `query ($limit: Int) { actions(limit: $limit) { totalCount nodes { code
      goal { code section { code theme { name } } } partners { name } targetGroups { name } } } }`,
      { limit },
    );

  it('listing actions with theme, section, goal, partners and target groups takes the same few statements for 5 and 50 rows', async () => {
    const five = await api.countStatements(() => listActions(5));
    const fifty = await api.countStatements(() => listActions(50));
    expect(five.count).toBeLessThanOrEqual(3);
    expect(fifty.count).toBe(five.count);
    const result = await listActions(50);
    expect(result.data?.actions.nodes).toHaveLength(50);
    expect(result.data?.actions.nodes[0].goal.section.theme.name).toBeTruthy();
  });
});

describe('an audited update', () => {
  it('holds the audit chain lock for one statement only: the event itself, after the answer is read', async () => {
    const before = await api.gql(`query ($id: ID!) { targetGroup(id: $id) { version } }`, { id: ids.targetGroupId });
    const { statements } = await api.countStatements(() =>
      secretary.gql(
        `mutation ($id: ID!, $v: Int!) { updateTargetGroup(id: $id, input: { description: "Bijgewerkt" }, expectedVersion: $v) { description } }`,
        {
          id: ids.targetGroupId,
          v: before.data?.targetGroup.version,
        },
      ),
    );
    const lock = statements.findIndex((sql) => sql.includes('pg_advisory_xact_lock'));
    expect(lock).toBeGreaterThan(0);
    const underLock = statements.slice(lock + 1).filter((sql) => !/^\s*COMMIT/i.test(sql));
    expect(underLock).toHaveLength(1);
    expect(underLock[0]).toMatch(/INSERT INTO "AuditEvent"/);
  });
});

describe('what a list loads', () => {
  it('reads only the columns the query asks for, not every column of the model', async () => {
    const { count, statements } = await api.countStatements(() =>
      api.gql(`{ sections(limit: 50) { nodes { code theme { name } } } }`),
    );
    expect(count).toBe(1);
    expect(statements[0]).toMatch(/"code"/);
    // A section's background is several kilobytes of text nobody asked for.
    expect(statements[0]).not.toMatch(/"background"|"currentState"|"ambition"/);
  });
});

describe('health', () => {
  it('answers /health and /ready', async () => {
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
    const ready = await fetch(`${api.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
