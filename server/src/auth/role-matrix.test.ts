// Who may do what, for every caller kind against every entity: anonymous, each role, and
// partner tokens. A representative read (the list) and write (an update of an id that does not
// exist: allowed callers reach the resolver and get NOT_FOUND, the others are stopped first).
import { GraphQLObjectType, GraphQLSchema, GraphQLString, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../schema/index.js';
import { type Client, type Harness, startHarness } from '../test/harness.js';
import { NO_SUCH_ID, describeEntityAccess, outcome, startCallers } from '../test/role-matrix.js';
import { registeredEntities, registeredEntity } from './registry.js';
import { findUnguardedFields } from './rules-check.js';

const REGISTER = ['Theme', 'Section', 'Goal', 'Action', 'Partner', 'TargetGroup', 'Precondition', 'DataQualityNote'];

let api: Harness;
let callers: Record<string, Client> = {};

beforeAll(async () => {
  api = await startHarness();
  callers = await startCallers(api);
});
afterAll(() => api?.close());

const plural = (entity: string) =>
  ({
    Theme: 'themes',
    Section: 'sections',
    Goal: 'goals',
    Action: 'actions',
    Partner: 'partners',
    TargetGroup: 'targetGroups',
    Precondition: 'preconditions',
    DataQualityNote: 'dataQualityNotes',
  })[entity]!;

const WRITERS = new Set(['ADMIN', 'SECRETARY']);

describe.each(REGISTER)('%s', (entity) => {
  it('is readable by everyone: the published register', async () => {
    for (const [name, client] of Object.entries(callers)) {
      expect([name, await outcome(client, `{ ${plural(entity)}(limit: 1) { totalCount nodes { id } } }`)]).toEqual([
        name,
        'OK',
      ]);
    }
  });

  it('is changed only by programme secretaries and administrators', async () => {
    for (const [name, client] of Object.entries(callers)) {
      const code = await outcome(
        client,
        `mutation { update${entity}(id: "${NO_SUCH_ID}", input: {}, expectedVersion: 1) { id } }`,
      );
      const expected = WRITERS.has(name) ? 'NOT_FOUND' : name === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      expect([name, code]).toEqual([name, expected]);
    }
  });
});

describe('internal fields of the register', () => {
  it('are visible to signed-in staff, not to anonymous visitors or partner tokens', async () => {
    for (const [name, client] of Object.entries(callers)) {
      const code = await outcome(client, `{ actions(limit: 1) { nodes { owner notes } } }`);
      const expected = name === 'anonymous' ? 'UNAUTHENTICATED' : name.startsWith('token') ? 'FORBIDDEN' : 'OK';
      expect([name, code]).toEqual([name, expected]);
    }
  });
});

describe('administration', () => {
  it('lists users and API tokens for administrators only', async () => {
    for (const [name, client] of Object.entries(callers)) {
      const expected = name === 'ADMIN' ? 'OK' : name === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      expect([name, await outcome(client, `{ users { id } }`)]).toEqual([name, expected]);
      expect([name, await outcome(client, `{ apiTokens { id } }`)]).toEqual([name, expected]);
    }
  });

  it('shows the audit trail to administrators and, for the register, to secretaries', async () => {
    for (const [name, client] of Object.entries(callers)) {
      const expected = WRITERS.has(name) ? 'OK' : name === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      expect([name, await outcome(client, `{ auditEvents(filter: { entityType: "Action" }) { totalCount } }`)]).toEqual(
        [name, expected],
      );
    }
  });
});

describe('history of entities changed only through a workflow', () => {
  it('is read by their keepers: secretaries read progress rounds, updates and realisations', async () => {
    for (const entityType of ['ProgressRound', 'ProgressUpdate', 'BudgetRealisation']) {
      expect([
        entityType,
        await outcome(callers.SECRETARY!, `{ auditEvents(filter: { entityType: "${entityType}" }) { totalCount } }`),
      ]).toEqual([entityType, 'OK']);
      expect([
        entityType,
        await outcome(callers.VIEWER!, `{ auditEvents(filter: { entityType: "${entityType}" }) { totalCount } }`),
      ]).toEqual([entityType, 'FORBIDDEN']);
    }
  });
});

describe('deny by default', () => {
  it('every object type and root field of the real schema has a rule', () => {
    expect(findUnguardedFields(schema)).toEqual([]);
  });

  it('finds a field without a rule', () => {
    const unguarded = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { secret: { type: GraphQLString } } }),
    });
    expect(findUnguardedFields(unguarded)).toEqual(['Query.secret']);
  });
});

// ---- every registered entity, as declared ----------------------------------------------------
// The expectations come from the registry (auth/registry.ts), which defineEntity, defineLinkObject
// and the audited hand-written types fill: an entity added tomorrow is covered without a line here.

const entities = registeredEntities().filter((entity) => entity.kind === 'entity');

describe('the registry', () => {
  it('holds every type with uniform mutations, and every type with a history', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    const uniform = Object.values(schema.getTypeMap())
      .filter(
        (type) =>
          isObjectType(type) && mutations.includes(`update${type.name}`) && mutations.includes(`delete${type.name}`),
      )
      .map((type) => type.name);
    expect(uniform.filter((name) => registeredEntity(name)?.kind !== 'entity')).toEqual([]);
    const withHistory = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && 'history' in type.getFields())
      .map((type) => type.name);
    expect(withHistory.filter((name) => !registeredEntity(name))).toEqual([]);
    expect(entities.length).toBeGreaterThan(REGISTER.length);
  });
});

for (const entity of entities)
  describeEntityAccess(
    entity,
    () => schema,
    () => callers,
  );
