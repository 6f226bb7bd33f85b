// The audit trail in the API: `auditEvents` (filtered, newest first) and, through
// `historyField`, a `history` field on every entity. Who may read what is decided once, in
// audit/permissions.ts; the scope-auth rules here and the resolvers' own filtering both ask it
// (the list also narrows its query to the entity types the caller may read).
import type { FieldRef } from '@pothos/core';
import type { AuditEvent } from '@welkom/db';
import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { loadHistory } from '../audit/history.js';
import { canReadAudit, readableAuditEntityTypes } from '../audit/permissions.js';
import { builder } from '../builder.js';
import type { Identity } from '../context.js';
import { getModel } from '../crud/dmmf.js';
import { pageOf } from '../crud/pagination.js';
import { db } from '../db.js';

type SchemaTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

const model = getModel('AuditEvent');
const describe = (field: string) => model.fields.find((f) => f.name === field)?.documentation;

function literalValue(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.NULL:
      return null;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.STRING:
    case Kind.ENUM:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.LIST:
      return ast.values.map(literalValue);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((field) => [field.name.value, literalValue(field.value)]));
    default:
      throw new GraphQLError('Variabelen zijn hier niet toegestaan. | Variables are not allowed here.');
  }
}

// builder.ts declares its scalars' TypeScript shapes; JSON is not among them yet, hence the
// cast. Declaring `JSON: { Input: unknown; Output: unknown }` there makes it unnecessary.
export const JsonScalar = builder.scalarType('JSON' as 'String', {
  description: 'Willekeurige JSON-waarde | Any JSON value',
  serialize: (value) => value as never,
  parseValue: (value) => value as never,
  parseLiteral: (ast) => literalValue(ast) as never,
});

export const AuditEventRef = builder.objectRef<AuditEvent>('AuditEvent').implement({
  description: `${model.documentation ?? ''}\nLezen: ADMIN, en de eigenaar van het domein. | Read: ADMIN, and the domain's owner.`,
  // Checked per event, so a single event of another domain can never slip through.
  authScopes: (event, context) => canReadAudit(context.identity, event.entityType),
  fields: (t) => ({
    id: t.id({ description: describe('id'), resolve: (event) => event.id.toString() }),
    at: t.field({ type: 'DateTime', description: describe('at'), resolve: (event) => event.at }),
    actorType: t.exposeString('actorType', { description: describe('actorType') }),
    actorId: t.exposeID('actorId', { nullable: true, description: describe('actorId') }),
    actorLabel: t.exposeString('actorLabel', { nullable: true, description: describe('actorLabel') }),
    operation: t.exposeString('operation', { description: describe('operation') }),
    entityType: t.exposeString('entityType', { description: describe('entityType') }),
    entityId: t.exposeID('entityId', { description: describe('entityId') }),
    before: t.field({ type: JsonScalar, nullable: true, description: describe('before'), resolve: (e) => e.before as never }),
    after: t.field({ type: JsonScalar, nullable: true, description: describe('after'), resolve: (e) => e.after as never }),
    changedFields: t.exposeStringList('changedFields', { description: describe('changedFields') }),
    requestId: t.exposeString('requestId', { nullable: true, description: describe('requestId') }),
  }),
});

function forbidden(identity: Identity): GraphQLError {
  return identity.kind === 'anonymous'
    ? new GraphQLError('Log in om de audittrail te lezen.', {
        extensions: { code: 'UNAUTHENTICATED', messageEn: 'Sign in to read the audit trail.' },
      })
    : new GraphQLError('U mag deze audittrail niet lezen.', {
        extensions: { code: 'FORBIDDEN', messageEn: 'You may not read this audit trail.' },
      });
}

/**
 * A `history` field for an entity's object type: its audit events, newest first, batched
 * per request (one query for a whole list). Null with an error for callers who may not read
 * the entity type's audit trail. Use inside a `fields: (t) => ({ ... })` thunk:
 *   history: historyField(t, 'Action'),
 */
export function historyField<Parent extends { id: string }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, Parent>,
  entityType: string,
): FieldRef<SchemaTypes, readonly AuditEvent[] | null | undefined, 'Object'> {
  return t.field({
    type: [AuditEventRef],
    nullable: true,
    description: 'Wijzigingsgeschiedenis, nieuwste eerst (ADMIN en de eigenaar van het domein) | Change history, newest first (ADMIN and the domain\'s owner)',
    authScopes: (_parent, _args, context) => canReadAudit(context.identity, entityType),
    resolve: (parent, _args, context) => {
      if (!canReadAudit(context.identity, entityType)) throw forbidden(context.identity);
      return loadHistory(context, entityType, parent.id);
    },
  });
}

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  description: 'Filter op auditgebeurtenissen; alle opgegeven voorwaarden gelden samen | Filter on audit events; all given conditions apply together',
  fields: (t) => ({
    entityType: t.string({ description: describe('entityType') }),
    entityId: t.id({ description: describe('entityId') }),
    actorId: t.id({ description: describe('actorId') }),
    operation: t.string({ description: describe('operation') }),
    from: t.field({ type: 'DateTime', description: 'Vanaf dit tijdstip (inclusief) | From this instant (inclusive)' }),
    to: t.field({ type: 'DateTime', description: 'Tot en met dit tijdstip | Up to and including this instant' }),
  }),
});

interface AuditEventListShape {
  nodes: AuditEvent[];
  totalCount: () => Promise<number>;
}

const mayReadSomeAudit = (identity: Identity) => {
  const readable = readableAuditEntityTypes(identity);
  return readable === 'all' || readable.length > 0;
};

const AuditEventList = builder.objectRef<AuditEventListShape>('AuditEventList').implement({
  description: 'Lijst van auditgebeurtenissen | List of audit events',
  authScopes: (_list, context) => mayReadSomeAudit(context.identity),
  fields: (t) => ({
    totalCount: t.int({
      description: 'Totaal aantal dat aan het filter voldoet | Total matching the filter',
      resolve: (list) => list.totalCount(),
    }),
    nodes: t.field({ type: [AuditEventRef], resolve: (list) => list.nodes }),
  }),
});

builder.queryField('auditEvents', (t) =>
  t.field({
    type: AuditEventList,
    description: 'Auditgebeurtenissen, nieuwste eerst; ADMIN ziet alles, de eigenaar van een domein de gebeurtenissen van dat domein | Audit events, newest first; ADMIN sees all, a domain\'s owner the events of that domain',
    authScopes: (_root, _args, context) => mayReadSomeAudit(context.identity),
    args: {
      filter: t.arg({ type: AuditEventFilter }),
      offset: t.arg.int({ description: 'Aantal over te slaan | Number to skip' }),
      limit: t.arg.int({ description: 'Paginagrootte (standaard 25, hoogstens 500) | Page size (default 25, at most 500)' }),
    },
    resolve: async (_root, args, context) => {
      const readable = readableAuditEntityTypes(context.identity);
      if (!mayReadSomeAudit(context.identity)) throw forbidden(context.identity);
      const filter = args.filter ?? {};
      if (filter.entityType && !canReadAudit(context.identity, filter.entityType)) throw forbidden(context.identity);
      const { skip, take } = pageOf({ offset: args.offset, limit: args.limit });
      const where = {
        entityType: filter.entityType ?? (readable === 'all' ? undefined : { in: readable }),
        entityId: filter.entityId ?? undefined,
        actorId: filter.actorId ?? undefined,
        operation: filter.operation ?? undefined,
        at: filter.from || filter.to ? { gte: filter.from ?? undefined, lte: filter.to ?? undefined } : undefined,
      };
      const nodes = take === 0 ? [] : await db().auditEvent.findMany({ where, orderBy: { id: 'desc' }, skip, take });
      return { nodes, totalCount: () => db().auditEvent.count({ where }) };
    },
  }),
);
