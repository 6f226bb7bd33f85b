// The schema builder: plugins and scalars, no domain types (those live in schema/<domain>.ts).
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import PrismaPlugin from '@pothos/plugin-prisma';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type PrismaTypes from '@welkom/db/generated/pothos-types.ts';
import { getDatamodel } from '@welkom/db/generated/pothos-types.ts';
import type { Context } from './context.js';
import { db } from './db.js';
import { DateScalar, DateTimeScalar } from './scalars.js';
import { apiError } from './api-error.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  // Rules are functions of the identity (auth/rules.ts) returning booleans; these scopes
  // exist for the rare field that wants a plain map.
  AuthScopes: { signedIn: boolean };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
  };
}>({
  // scope-auth first, so authorization wraps every other plugin's resolvers.
  plugins: [ScopeAuthPlugin, ComplexityPlugin, PrismaPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({ signedIn: context.identity.kind === 'user' }),
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
      const dutch = { depth: 'te diep genest', breadth: 'te breed (te veel velden of aliassen)', complexity: 'te zwaar' }[key];
      const english = { depth: 'nested too deep', breadth: 'too broad (too many fields or aliases)', complexity: 'too heavy' }[key];
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
