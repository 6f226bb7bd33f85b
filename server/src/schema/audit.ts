// The audit trail in the API: `auditEvents` (filtered, newest first). The event type and the
// per-entity `history` field are in crud/history-field.ts. Who may read what is decided once, in
// audit/permissions.ts; the scope-auth rules here and the resolvers' own filtering both ask it
// (the list also narrows its query to the entity types the caller may read).
import type { AuditEvent } from '@welkom/db';
import { canReadAudit, readableAuditEntityTypes } from '../audit/permissions.js';
import { builder } from '../builder.js';
import type { Identity } from '../context.js';
import { AuditEventRef, auditForbidden as forbidden, describeAuditField as describe } from '../crud/history-field.js';
import { pageOf } from '../crud/pagination.js';
import { db } from '../db.js';

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  description:
    'Filter op auditgebeurtenissen; alle opgegeven voorwaarden gelden samen | Filter on audit events; all given conditions apply together',
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
    description:
      "Auditgebeurtenissen, nieuwste eerst; ADMIN ziet alles, de eigenaar van een domein de gebeurtenissen van dat domein | Audit events, newest first; ADMIN sees all, a domain's owner the events of that domain",
    authScopes: (_root, _args, context) => mayReadSomeAudit(context.identity),
    args: {
      filter: t.arg({ type: AuditEventFilter }),
      offset: t.arg.int({ description: 'Aantal over te slaan | Number to skip' }),
      limit: t.arg.int({
        description: 'Paginagrootte (standaard 25, hoogstens 500) | Page size (default 25, at most 500)',
      }),
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
