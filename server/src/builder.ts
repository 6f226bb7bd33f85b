// The schema builder: plugins and scalars, no domain types (those live in schema/<domain>.ts).
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DirectivesPlugin from '@pothos/plugin-directives';
import PrismaPlugin from '@pothos/plugin-prisma';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type PrismaTypes from '@welkom/db/generated/pothos-types.ts';
import { getDatamodel } from '@welkom/db/generated/pothos-types.ts';
import type { AccessRule } from './auth/rules.js';
import type { Context } from './context.js';
import { db } from './db.js';
import FieldResolutionPlugin from './field-resolution.js';
import { DateScalar, DateTimeScalar } from './scalars.js';
import { apiError } from './api-error.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  // `access` is the scope every guarded type and field uses (`authScopes: { access: rule }`,
  // written `guardedBy(rule)`): its loader asks the rule (auth/rules.ts) about the request's identity.
  AuthScopes: { signedIn: boolean; access: AccessRule };
  // Who may read, change and read the history of an entity, published in schema.graphql for
  // the console and partners (auth/registry.ts; see sdl.ts for the definition).
  Directives: {
    access: { locations: 'OBJECT'; args: { read: string[]; write: string[]; history: string[] } };
  };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
  };
}>({
  // scope-auth first, so authorization wraps every other plugin's resolvers; fieldResolution
  // before Prisma, so a column already on its row skips Prisma's per-field lookup.
  plugins: [ScopeAuthPlugin, FieldResolutionPlugin, DirectivesPlugin, ComplexityPlugin, PrismaPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({
      signedIn: context.identity.kind === 'user',
      access: (rule: AccessRule) => rule.allows(context.identity),
    }),
    unauthorizedError: (_parent, context) =>
      context.identity.kind === 'anonymous'
        ? apiError('UNAUTHENTICATED', 'Log in om dit te zien of te doen.', 'Sign in to see or do this.')
        : apiError('FORBIDDEN', 'U hebt geen toegang tot dit onderdeel.', 'You have no access to this.'),
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { complexity: 5000, depth: 10, breadth: 250 },
    complexityError: (kind, result) => {
      const measure = { Depth: 'depth', Breadth: 'breadth', Complexity: 'complexity' } as const;
      const key = measure[kind];
      const dutch = {
        depth: 'te diep genest',
        breadth: 'te breed (te veel velden of aliassen)',
        complexity: 'te zwaar',
      }[key];
      const english = {
        depth: 'nested too deep',
        breadth: 'too broad (too many fields or aliases)',
        complexity: 'too heavy',
      }[key];
      const limits = { depth: result.maxDepth, breadth: result.maxBreadth, complexity: result.maxComplexity };
      return apiError(
        'QUERY_TOO_COMPLEX',
        `De vraag is ${dutch}: ${key} ${result[key]}, maximaal ${String(limits[key])}.`,
        `The query is ${english}: ${key} ${result[key]}, at most ${String(limits[key])}.`,
        { measure: key, value: result[key], limit: limits[key] },
      );
    },
  },
  prisma: {
    client: () => db(),
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    // A resolver that forgets to spread `query` reintroduces N+1; fail loudly outside production.
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'error',
  },
});

builder.addScalarType('DateTime', DateTimeScalar);
builder.addScalarType('Date', DateScalar);

builder.queryType({});
builder.mutationType({});
