// Who may do what, for every caller kind against every entity: anonymous, each role, and
// partner tokens. A representative read (the list) and write (an update of an id that does not
// exist: allowed callers reach the resolver and get NOT_FOUND, the others are stopped first).
import type { Role } from '@welkom/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../schema/index.js';
import { type Client, type Harness, startHarness } from '../test/harness.js';
import { findUnguardedFields } from './rules-check.js';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';

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
