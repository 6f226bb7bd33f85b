// The schema builder: plugins and scalars, no domain types (those live in schema/<domain>.ts).
import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import type PrismaTypes from '@welkom/db/generated/pothos-types.ts';
import { getDatamodel } from '@welkom/db/generated/pothos-types.ts';
import type { Context } from './context.js';
import { db } from './db.js';
import { DateScalar, DateTimeScalar } from './scalars.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
  };
}>({
  plugins: [PrismaPlugin],
  defaultFieldNullability: false,
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
