// Who may do what, for every caller kind against every entity: anonymous, each role, and
// partner tokens. A representative read (the list) and write (an update of an id that does not
// exist: allowed callers reach the resolver and get NOT_FOUND, the others are stopped first).
import type { Role } from '@welkom/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../schema/index.js';
import { type Client, type Harness, startHarness } from '../test/harness.js';
import { findUnguardedFields } from './rules-check.js';
import {
  type GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { ANONYMOUS, type Identity } from '../context.js';
import { canReadHistory, registeredEntities, registeredEntity } from './registry.js';
import type { AccessRule } from './rules.js';

const REGISTER = ['Theme', 'Section', 'Goal', 'Action', 'Partner', 'TargetGroup', 'Precondition', 'DataQualityNote'];
const ROLES: Role[] = ['ADMIN', 'SECRETARY', 'GRANT_OFFICER', 'PANEL_COORDINATOR', 'VIEWER'];
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

let api: Harness;
const callers: Record<string, Client> = {};

beforeAll(async () => {
  api = await startHarness();
  callers.anonymous = { gql: api.gql, headers: {} };
  for (const role of ROLES) callers[role] = await api.createUser({ roles: [role] });
  callers['token register:read'] = await api.issueToken({ scopes: ['register:read'] });
  callers['token subsidies:own'] = await api.issueToken({ scopes: ['subsidies:own'] });
  callers['token progress:write'] = await api.issueToken({ scopes: ['progress:write'] });
});
afterAll(() => api?.close());

const plural = (entity: string) =>
  ({ Theme: 'themes', Section: 'sections', Goal: 'goals', Action: 'actions', Partner: 'partners', TargetGroup: 'targetGroups', Precondition: 'preconditions', DataQualityNote: 'dataQualityNotes' })[entity]!;

async function outcome(client: Client, query: string): Promise<string> {
  const result = await client.gql(query);
  return result.errors?.[0]?.extensions?.code ?? 'OK';
}

const WRITERS = new Set(['ADMIN', 'SECRETARY']);

describe.each(REGISTER)('%s', (entity) => {
  it('is readable by everyone: the published register', async () => {
    for (const [name, client] of Object.entries(callers)) {
      expect([name, await outcome(client, `{ ${plural(entity)}(limit: 1) { totalCount nodes { id } } }`)]).toEqual([name, 'OK']);
    }
  });

  it('is changed only by programme secretaries and administrators', async () => {
    for (const [name, client] of Object.entries(callers)) {
      const code = await outcome(client, `mutation { update${entity}(id: "${NO_SUCH_ID}", input: {}, expectedVersion: 1) { id } }`);
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
      expect([name, await outcome(client, `{ auditEvents(filter: { entityType: "Action" }) { totalCount } }`)]).toEqual([name, expected]);
    }
  });
});

describe('history of entities changed only through a workflow', () => {
  it('is read by their keepers: secretaries read progress rounds, updates and realisations', async () => {
    for (const entityType of ['ProgressRound', 'ProgressUpdate', 'BudgetRealisation']) {
      expect([entityType, await outcome(callers.SECRETARY!, `{ auditEvents(filter: { entityType: "${entityType}" }) { totalCount } }`)]).toEqual([entityType, 'OK']);
      expect([entityType, await outcome(callers.VIEWER!, `{ auditEvents(filter: { entityType: "${entityType}" }) { totalCount } }`)]).toEqual([entityType, 'FORBIDDEN']);
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

/** The identity each caller above stands for, to ask a declared rule what it should get. */
function identityOf(caller: string): Identity {
  if (caller === 'anonymous') return ANONYMOUS;
  if (caller.startsWith('token ')) {
    return { kind: 'token', tokenId: 't', partnerId: 'p', label: caller, prefix: 'p', scopes: [caller.slice('token '.length)] } as Identity;
  }
  return { kind: 'user', userId: 'u', email: 'u@welkom.test', name: caller, roles: [caller as Role], sessionId: 's' };
}

const denial = (caller: string) => (caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
const DENIED = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/** A value of an input type that passes GraphQL's own checks, so the guard (not validation) answers first. */
function sampleOf(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleOf(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sampleOf(f.type)]));
  }
  const samples: Record<string, unknown> = {
    String: 'rolmatrix', Int: 1, Float: 1, Boolean: false, ID: NO_SUCH_ID, Date: '2025-01-01', DateTime: '2025-01-01T00:00:00Z',
  };
  if (!(type.name in samples)) throw new Error(`No sample for scalar ${type.name}`);
  return samples[type.name];
}

const entities = registeredEntities().filter((entity) => entity.kind === 'entity');

describe('the registry', () => {
  it('holds every type with uniform mutations, and every type with a history', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    const uniform = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && mutations.includes(`update${type.name}`) && mutations.includes(`delete${type.name}`))
      .map((type) => type.name);
    expect(uniform.filter((name) => registeredEntity(name)?.kind !== 'entity')).toEqual([]);
    const withHistory = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && 'history' in type.getFields())
      .map((type) => type.name);
    expect(withHistory.filter((name) => !registeredEntity(name))).toEqual([]);
    expect(entities.length).toBeGreaterThan(REGISTER.length);
  });
});

describe.each(entities.map((entity) => [entity.name, entity] as const))('%s, as its registry entry declares', (name, entity) => {
  const expected = (caller: string, rule: AccessRule, allowed: string) => (rule.allows(identityOf(caller)) ? allowed : denial(caller));
  const all = async (check: (caller: string, client: Client) => Promise<[string, string, string]>) => {
    const results = await Promise.all(Object.entries(callers).map(([caller, client]) => check(caller, client)));
    for (const [caller, actual, wanted] of results) expect([caller, actual]).toEqual([caller, wanted]);
  };
  const single = name.charAt(0).toLowerCase() + name.slice(1);

  it('is read by exactly its readers (list and by id)', async () => {
    await all(async (caller, client) => [caller, await outcome(client, `{ ${entity.plural}(limit: 1) { totalCount nodes { id } } }`), expected(caller, entity.read, 'OK')]);
    await all(async (caller, client) => [caller, await outcome(client, `{ ${single}(id: "${NO_SUCH_ID}") { id } }`), expected(caller, entity.read, 'OK')]);
  });

  it('is created by exactly its writers', async () => {
    const input = sampleOf(schema.getMutationType()!.getFields()[`create${name}`]!.args.find((arg) => arg.name === 'input')!.type);
    await all(async (caller, client) => {
      const result = await client.gql(`mutation($input: ${name}CreateInput!) { create${name}(input: $input) { id } }`, { input });
      const code = result.errors?.[0]?.extensions?.code ?? 'OK';
      // A writer passes the guard; what the resolver then says of a sample record does not matter here.
      const actual = entity.write.allows(identityOf(caller)) && !DENIED.has(code) ? 'passed the guard' : code;
      return [caller, actual, expected(caller, entity.write, 'passed the guard')];
    });
  });

  it('is updated and deleted by exactly its writers', async () => {
    await all(async (caller, client) => [
      caller,
      await outcome(client, `mutation { update${name}(id: "${NO_SUCH_ID}", input: {}, expectedVersion: 1) { id } }`),
      expected(caller, entity.write, 'NOT_FOUND'),
    ]);
    await all(async (caller, client) => [
      caller,
      await outcome(client, `mutation { delete${name}(id: "${NO_SUCH_ID}", expectedVersion: 1) { id } }`),
      expected(caller, entity.write, 'NOT_FOUND'),
    ]);
  });

  it('has its history read by ADMIN and its keepers only', async () => {
    await all(async (caller, client) => [
      caller,
      await outcome(client, `{ auditEvents(filter: { entityType: "${name}" }) { totalCount } }`),
      canReadHistory(identityOf(caller), name) ? 'OK' : denial(caller),
    ]);
  });
});
