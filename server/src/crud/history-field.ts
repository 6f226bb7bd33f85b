// The audit event type and, through `historyField`, the `history` field every entity gets.
// It lives in crud/ because defineEntity adds it; the `auditEvents` query is in schema/audit.ts.
// Who may read what is decided once, in audit/permissions.ts.
import type { FieldRef } from '@pothos/core';
import type { AuditEvent } from '@welkom/db';
import { type GraphQLError, Kind, type ValueNode } from 'graphql';
import { loadHistory } from '../audit/history.js';
import { canReadAudit } from '../audit/permissions.js';
import { builder } from '../builder.js';
import type { Identity } from '../context.js';
import { getModel } from './dmmf.js';
import { apiError } from '../api-error.js';

type SchemaTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

export const auditModel = getModel('AuditEvent');
export const describeAuditField = (field: string) => auditModel.fields.find((f) => f.name === field)?.documentation;

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
      throw apiError('BAD_USER_INPUT', 'Variabelen zijn hier niet toegestaan.', 'Variables are not allowed here.');
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
  description: `${auditModel.documentation ?? ''}\nLezen: ADMIN, en de eigenaar van het domein. | Read: ADMIN, and the domain's owner.`,
  // Checked per event, so a single event of another domain can never slip through.
  authScopes: (event, context) => canReadAudit(context.identity, event.entityType),
  fields: (t) => ({
    id: t.id({ description: describeAuditField('id'), resolve: (event) => event.id.toString() }),
    at: t.field({ type: 'DateTime', description: describeAuditField('at'), resolve: (event) => event.at }),
    actorType: t.exposeString('actorType', { description: describeAuditField('actorType') }),
    actorId: t.exposeID('actorId', { nullable: true, description: describeAuditField('actorId') }),
    actorLabel: t.exposeString('actorLabel', { nullable: true, description: describeAuditField('actorLabel') }),
    operation: t.exposeString('operation', { description: describeAuditField('operation') }),
    entityType: t.exposeString('entityType', { description: describeAuditField('entityType') }),
    entityId: t.exposeID('entityId', { description: describeAuditField('entityId') }),
    before: t.field({
      type: JsonScalar,
      nullable: true,
      description: describeAuditField('before'),
      resolve: (e) => e.before as never,
    }),
    after: t.field({
      type: JsonScalar,
      nullable: true,
      description: describeAuditField('after'),
      resolve: (e) => e.after as never,
    }),
    changedFields: t.exposeStringList('changedFields', { description: describeAuditField('changedFields') }),
    requestId: t.exposeString('requestId', { nullable: true, description: describeAuditField('requestId') }),
  }),
});

export function auditForbidden(identity: Identity): GraphQLError {
  return identity.kind === 'anonymous'
    ? apiError('UNAUTHENTICATED', 'Log in om de audittrail te lezen.', 'Sign in to read the audit trail.')
    : apiError('FORBIDDEN', 'U mag deze audittrail niet lezen.', 'You may not read this audit trail.');
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
    description:
      "Wijzigingsgeschiedenis, nieuwste eerst (ADMIN en de eigenaar van het domein) | Change history, newest first (ADMIN and the domain's owner)",
    authScopes: (_parent, _args, context) => canReadAudit(context.identity, entityType),
    resolve: (parent, _args, context) => {
      if (!canReadAudit(context.identity, entityType)) throw auditForbidden(context.identity);
      return loadHistory(context, entityType, parent.id);
    },
  });
}
