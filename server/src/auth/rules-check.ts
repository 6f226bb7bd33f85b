// Deny by default: every root field and every object type must state who may reach it.
// The schema refuses to build otherwise (schema/index.ts), so a forgotten rule cannot ship.
import { type GraphQLSchema, isObjectType } from 'graphql';

type WithRule = { extensions?: { pothosOptions?: { authScopes?: unknown } } | null };

const hasRule = (item: WithRule) => item.extensions?.pothosOptions?.authScopes !== undefined;

/** Fields (Type.field) that nothing guards. */
export function findUnguardedFields(schema: GraphQLSchema): string[] {
  const roots = new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean),
  );
  const unguarded: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const isRoot = roots.has(type);
    const typeGuarded = !isRoot && hasRule(type as WithRule);
    for (const field of Object.values(type.getFields())) {
      if (!typeGuarded && !hasRule(field as WithRule)) unguarded.push(`${type.name}.${field.name}`);
    }
  }
  return unguarded;
}

export function assertEveryFieldGuarded(schema: GraphQLSchema): GraphQLSchema {
  const unguarded = findUnguardedFields(schema);
  if (unguarded.length) {
    throw new Error(
      `These fields have no authorization rule (deny by default: add authScopes):\n  ${unguarded.join('\n  ')}`,
    );
  }
  return schema;
}
