// The role matrix of one registered entity, as its registry entry declares it: every caller kind
// (anonymous, each role, each token scope) against read, create, update, delete and its history.
// Shared by auth/role-matrix.test.ts (every entity of the app) and the test that adds an entity
// the app has never seen (crud/new-entity.test.ts).
import type { Role } from '@welkom/db';
import {
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { TOKEN_SCOPES } from '../auth/api-tokens.js';
import { type RegisteredEntity, canReadHistory } from '../auth/registry.js';
import type { AccessRule } from '../auth/rules.js';
import { ANONYMOUS, type Identity } from '../context.js';
import type { Client, Harness } from './harness.js';

export const ROLES: Role[] = ['ADMIN', 'SECRETARY', 'GRANT_OFFICER', 'PANEL_COORDINATOR', 'VIEWER'];
export const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** One client per caller kind, named `anonymous`, a role, or `token <scope>`. */
export async function startCallers(api: Harness): Promise<Record<string, Client>> {
  const callers: Record<string, Client> = { anonymous: { gql: api.gql, headers: {} } };
  for (const role of ROLES) callers[role] = await api.createUser({ roles: [role] });
  for (const scope of TOKEN_SCOPES) callers[`token ${scope}`] = await api.issueToken({ scopes: [scope] });
  return callers;
}

/** The identity each caller stands for, to ask a declared rule what it should get. */
export function identityOf(caller: string): Identity {
  if (caller === 'anonymous') return ANONYMOUS;
  if (caller.startsWith('token ')) {
    return {
      kind: 'token',
      tokenId: 't',
      partnerId: 'p',
      label: caller,
      prefix: 'p',
      scopes: [caller.slice('token '.length)],
    } as Identity;
  }
  return { kind: 'user', userId: 'u', email: 'u@welkom.test', name: caller, roles: [caller as Role], sessionId: 's' };
}

const denial = (caller: string) => (caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
const DENIED = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

export async function outcome(client: Client, query: string, variables?: Record<string, unknown>): Promise<string> {
  const result = await client.gql(query, variables);
  return result.errors?.[0]?.extensions?.code ?? 'OK';
}

/** A value of an input type that passes GraphQL's own checks, so the guard (not validation) answers first. */
function sampleOf(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleOf(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sampleOf(f.type)]),
    );
  }
  const samples: Record<string, unknown> = {
    String: 'rolmatrix',
    Int: 1,
    Float: 1,
    Boolean: false,
    ID: NO_SUCH_ID,
    Date: '2025-01-01',
    DateTime: '2025-01-01T00:00:00Z',
  };
  if (!(type.name in samples)) throw new Error(`No sample for scalar ${type.name}`);
  return samples[type.name];
}

/** The tests of one entity (kind `entity`); `callers` is read when the tests run. */
export function describeEntityAccess(
  entity: RegisteredEntity,
  schema: () => GraphQLSchema,
  callers: () => Record<string, Client>,
): void {
  const { name } = entity;
  const expected = (caller: string, rule: AccessRule, allowed: string) =>
    rule.allows(identityOf(caller)) ? allowed : denial(caller);
  const all = async (check: (caller: string, client: Client) => Promise<[string, string, string]>) => {
    const results = await Promise.all(Object.entries(callers()).map(([caller, client]) => check(caller, client)));
    for (const [caller, actual, wanted] of results) expect([caller, actual]).toEqual([caller, wanted]);
  };
  const single = name.charAt(0).toLowerCase() + name.slice(1);

  describe(`${name}, as its registry entry declares`, () => {
    it('is read by exactly its readers (list and by id)', async () => {
      await all(async (caller, client) => [
        caller,
        await outcome(client, `{ ${entity.plural}(limit: 1) { totalCount nodes { id } } }`),
        expected(caller, entity.read, 'OK'),
      ]);
      await all(async (caller, client) => [
        caller,
        await outcome(client, `{ ${single}(id: "${NO_SUCH_ID}") { id } }`),
        expected(caller, entity.read, 'OK'),
      ]);
    });

    it('is created by exactly its writers', async () => {
      const input = sampleOf(
        schema()
          .getMutationType()!
          .getFields()
          [`create${name}`]!.args.find((arg) => arg.name === 'input')!.type,
      );
      await all(async (caller, client) => {
        const code = await outcome(
          client,
          `mutation($input: ${name}CreateInput!) { create${name}(input: $input) { id } }`,
          { input },
        );
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
}
