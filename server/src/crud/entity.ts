// The uniform API of one entity, derived from its Prisma model:
//   <entity>(id), <plural>(filter, orderBy, offset/limit, first/after) -> connection,
//   create<Entity>(input), update<Entity>(id, input, expectedVersion), delete<Entity>(id, expectedVersion).
// A domain module calls `defineEntity` and declares only what is special about its entity.
// Pothos' typed field builders are keyed by literal model names; this generic layer works with
// names known only at run time, so it talks to them through `any` (here, object-type.ts, delegate.ts).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { queryFromInfo } from '@pothos/plugin-prisma';
import type { Prisma } from '@welkom/db';
import type { GraphQLError, GraphQLResolveInfo } from 'graphql';
import { recordAuditEvent } from '../audit/record.js';
import { historyField } from './history-field.js';
import type { EntityAccess } from '../auth/rules.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { db } from '../db.js';
import { delegateOf, lowerFirst } from './delegate.js';
import { type DmmfField, describeModel, getModel, labelOf } from './dmmf.js';
import { mapDatabaseError, notFound, staleVersion } from './errors.js';
import { type DerivedFilter, checkSortable, filterTypeFor, toWhere } from './filters.js';
import { accessDirective, guardedBy, naturalOrder, objectFields, objectRefs, scalarTypeOf } from './object-type.js';
import { registerEntity } from '../auth/registry.js';
import {
  PageInfo,
  type PageArgs,
  type PageInfoShape,
  type SortKey,
  encodeCursor,
  encodeKeysetCursor,
  keysetPossible,
  keysetWhere,
  pageOf,
  selectedFieldNames,
} from './pagination.js';
import { type FieldRule, checkId, editableFields, isRequiredOnCreate, validateInput } from './validation.js';
import { updateAudited } from './write.js';

export interface EntityOptions {
  /**
   * The GraphQL type and audit entity type, when it is not the model's name: a second entity
   * over the same table (a Pothos variant). Relations of other models keep pointing at the model's own type.
   */
  name?: string;
  /** Name of the list query, e.g. `targetGroups`. */
  plural: string;
  /** Who may read and change it (auth/rules.ts); there is no default: deny unless stated. */
  access: EntityAccess;
  /** Filters that follow relations, e.g. actions by theme. */
  derivedFilters?: Record<string, DerivedFilter>;
  /** Extra validation per field (length, pattern). */
  rules?: Record<string, FieldRule>;
  /** Default order of lists; the id is always added as the last tie-breaker. */
  defaultOrder?: { field: string; direction: 'asc' | 'desc' }[];
  /** Computed fields beside the model's own. */
  extraFields?: (t: any) => Record<string, unknown>;
  /** Model fields and relations the API never shows (secrets, or relations another domain guards). */
  hidden?: string[];
  // Added for subsidies (issue 6): state and money are shown and filterable, but only the
  // domain's transition mutations may change them.
  /** Fields shown and filterable but in neither the create nor the update input. */
  readOnly?: string[];
  /** Fields set on create and never changed by update (e.g. the scheme an application belongs to). */
  createOnly?: string[];
  /**
   * Refuses a generic update or delete of a record in a state that forbids it (an erased panel
   * member): return the error to throw, or undefined. Sees the record as the audit trail would.
   */
  refuseChange?: (record: Record<string, unknown>, operation: 'update' | 'delete') => GraphQLError | undefined;
  /**
   * Refuses a generic delete that would lose what must be kept (money, a timeline): return the
   * error to throw (CONFLICT, with a reason), or undefined. Runs in the delete's transaction
   * after the version check, so it may look at related rows; the record is as the audit trail sees it.
   */
  refuseDelete?: (record: Record<string, unknown>, tx: Prisma.TransactionClient) => Promise<GraphQLError | undefined>;
  /**
   * Removes, in the delete's transaction, rows the database keeps with `onDelete: Restrict` but
   * that may go with a deletable record (e.g. the timeline of a withdrawn application); returns
   * them for the audit event, so what was removed stays in the trail.
   */
  deleteDependents?: (
    record: Record<string, unknown>,
    tx: Prisma.TransactionClient,
  ) => Promise<Record<string, unknown>>;
}

const SortDirection = builder.enumType('SortDirection', {
  description: 'Sorteerrichting | Sort direction',
  values: {
    ASC: { value: 'asc', description: 'Oplopend | Ascending' },
    DESC: { value: 'desc', description: 'Aflopend | Descending' },
  },
});

interface ConnectionShape {
  nodes: unknown[];
  pageInfo: PageInfoShape;
  cursorOf: (index: number) => string;
  totalCount: () => Promise<number>;
}

/** What every step of an entity's definition shares: its model, names, access and options. */
interface EntityPlan {
  /** The Prisma model. */
  model: string;
  /** The GraphQL type and the audit trail's entity type (the model's name unless `options.name`). */
  name: string;
  /** The one-record query, e.g. `targetGroup`. */
  single: string;
  options: EntityOptions;
  shape: ReturnType<typeof describeModel>;
  label: string;
  labelEn: string;
  access: EntityAccess;
  hidden: ReadonlySet<string>;
  derived: Record<string, DerivedFilter>;
  /** Many-to-many links this entity shows (one another domain guards is hidden). */
  visibleLinks: ReturnType<typeof describeModel>['manyToMany'];
  /** Scalar fields a list may be sorted by. */
  sortable: DmmfField[];
  /** Whether a field is readable by this request's caller (hidden fields never are). */
  canReadField: (context: Context) => (field: string) => boolean;
}

/**
 * The uniform API of one model: an object type, a connection, filter and order inputs, create and
 * update inputs, the two queries and three mutations, each a named step below.
 */
export function defineEntity(model: string, options: EntityOptions): void {
  const plan = planEntity(model, options);
  const ref = defineObjectType(plan);
  const Connection = defineConnection(plan, ref);
  const Filter = defineFilterInput(plan);
  const OrderBy = defineOrderByInput(plan);
  const inputs = defineWriteInputs(plan);
  defineOneQuery(plan, ref);
  defineListQuery(plan, { Connection, Filter, OrderBy });
  const writer = entityWriter(plan);
  defineCreateMutation(plan, ref, inputs.CreateInput, writer);
  defineUpdateMutation(plan, ref, inputs.UpdateInput, writer);
  defineDeleteMutation(plan, ref, writer);
}

function planEntity(model: string, options: EntityOptions): EntityPlan {
  const shape = describeModel(model);
  const name = options.name ?? model;
  const hidden = new Set(options.hidden ?? []);
  const fieldRules = options.access.fields ?? {};
  return {
    model,
    name,
    single: lowerFirst(name),
    options,
    shape,
    label: labelOf(shape.model),
    labelEn: labelOf(shape.model, 'en'),
    access: options.access,
    hidden,
    derived: options.derivedFilters ?? {},
    // A hidden link list (one another domain guards, e.g. an action's panel advice) gets no filter,
    // input or audit snapshot here either.
    visibleLinks: shape.manyToMany.filter((link) => !hidden.has(link.linkField)),
    sortable: shape.scalars.filter((field) => !field.isList && !hidden.has(field.name)),
    // A hidden field is unreadable to everyone, so `q` never searches it either (e.g. a ciphertext).
    canReadField: (context) => (field) => !hidden.has(field) && (fieldRules[field]?.allows(context.identity) ?? true),
  };
}

// ---- object type ---------------------------------------------------------------------------

function defineObjectType(plan: EntityPlan): any {
  const { model, name, shape, access, options } = plan;
  // Registered first: the registry is what audit ownership, the role matrix and @access read.
  const entry = registerEntity(name, 'entity', access, options.plural);
  const ref = builder.prismaObject(
    model as any,
    {
      ...(name !== model ? { variant: name } : {}),
      // The prose is for people reading the SDL; programs read the @access directive.
      description: `${shape.model.documentation ?? ''}\nLezen: ${access.read.description.split(' | ')[0]}; wijzigen: ${access.write.description.split(' | ')[0]}. | Read: ${access.read.description.split(' | ')[1]}; change: ${access.write.description.split(' | ')[1]}.`,
      authScopes: guardedBy(access.read),
      directives: accessDirective(entry),
      // Select mode: a row carries only the columns its selected fields expose (plus the id), not
      // every column of the model (a section's long background text, say). A computed field names
      // the columns it reads with its own `select`.
      select: {},
      fields: (t: any) => ({
        ...objectFields(t, shape, plan.hidden, access.fields ?? {}),
        history: historyField(t, name),
        ...(options.extraFields?.(t) ?? {}),
      }),
    } as any,
  );
  // Relations of other models point at the model's own type, not at a variant of it.
  if (name === model) objectRefs.set(model, ref);
  return ref;
}

// ---- connection ----------------------------------------------------------------------------

function defineConnection(plan: EntityPlan, ref: any) {
  const { name, access, label, labelEn } = plan;
  const Edge = builder.objectRef<{ cursor: string; node: unknown }>(`${name}Edge`).implement({
    authScopes: guardedBy(access.read),
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      node: t.field({ type: ref, resolve: (edge: any) => edge.node }),
    }),
  });

  return builder.objectRef<ConnectionShape>(`${name}Connection`).implement({
    description: `Lijst van ${label} | List of ${labelEn}`,
    authScopes: guardedBy(access.read),
    fields: (t) => ({
      totalCount: t.int({
        description: 'Totaal aantal dat aan het filter voldoet | Total matching the filter',
        resolve: (connection) => connection.totalCount(),
      }),
      nodes: t.field({ type: [ref], resolve: (connection: any) => connection.nodes }),
      edges: t.field({
        type: [Edge],
        resolve: (connection) => connection.nodes.map((node, index) => ({ cursor: connection.cursorOf(index), node })),
      }),
      pageInfo: t.field({ type: PageInfo, resolve: (connection) => connection.pageInfo }),
    }),
  });
}

// ---- filters -------------------------------------------------------------------------------

function defineFilterInput(plan: EntityPlan): any {
  const { name, shape, label, labelEn, hidden, visibleLinks, derived } = plan;
  const filterableScalars = shape.scalars.filter((field) => filterTypeFor(field) && !hidden.has(field.name));
  const Filter: any = builder.inputRef<Record<string, unknown>>(`${name}Filter`).implement({
    description: `Filter op ${label}; alle opgegeven voorwaarden gelden samen | Filter on ${labelEn}; all given conditions apply together`,
    fields: (t) => ({
      q: t.string({
        description:
          'Zoekt in alle tekstvelden; hoofdletters en accenten tellen niet | Searches every text field, ignoring case and accents',
      }),
      ...Object.fromEntries(
        filterableScalars.map((field) => [
          field.name,
          t.field({ type: filterTypeFor(field) as any, description: field.documentation }),
        ]),
      ),
      ...Object.fromEntries(
        visibleLinks.map((link) => [
          `${link.singular}Id`,
          t.field({
            type: 'IdFilter' as any,
            description: `Gekoppeld aan ${labelOf(getModel(link.otherModel))} | Linked to ${labelOf(getModel(link.otherModel), 'en')}`,
          }),
        ]),
      ),
      ...Object.fromEntries(
        Object.entries(derived).map(([filterName, filter]) => [
          filterName,
          t.field({
            type: (filter.type === 'boolean' ? 'BooleanFilter' : 'IdFilter') as any,
            description: filter.description,
          }),
        ]),
      ),
      AND: t.field({ type: [Filter] }),
      OR: t.field({ type: [Filter] }),
      NOT: t.field({ type: Filter }),
    }),
  });
  return Filter;
}

function defineOrderByInput(plan: EntityPlan) {
  const OrderField = builder.enumType(`${plan.name}OrderField`, {
    description: `Sorteerveld | Sort field`,
    values: Object.fromEntries(
      plan.sortable.map((field) => [field.name, { value: field.name, description: field.documentation }]),
    ),
  });
  return builder.inputType(`${plan.name}OrderBy`, {
    fields: (t) => ({
      field: t.field({ type: OrderField, required: true }),
      direction: t.field({ type: SortDirection, defaultValue: 'asc' as any }),
    }),
  });
}

// ---- queries -------------------------------------------------------------------------------

function defineOneQuery(plan: EntityPlan, ref: any): void {
  const { model, name, single, label, labelEn, access } = plan;
  builder.queryField(single, (t: any) =>
    t.prismaField({
      type: name === model ? model : ref,
      nullable: true,
      description: `Eén ${label} op id | One ${labelEn} by id`,
      authScopes: guardedBy(access.read),
      args: { id: t.arg.id({ required: true }) },
      resolve: (query: object, _root: unknown, args: { id: string }) => {
        checkId(args.id);
        return delegateOf(db(), model).findUnique({ ...query, where: { id: args.id } });
      },
    }),
  );
}

/** The list's sort keys, as asked or by default, always ending with the id (the tie-breaker). */
function sortKeysOf(
  plan: EntityPlan,
  orderBy: { field: string; direction: 'asc' | 'desc' }[] | null | undefined,
  canRead: (field: string) => boolean,
): SortKey[] {
  const idField = plan.shape.model.fields.find((field) => field.isId)!;
  checkSortable(
    canRead,
    (orderBy ?? []).map((order) => order.field),
  );
  const requested = orderBy?.length
    ? orderBy
    : (plan.options.defaultOrder ??
      naturalOrder(plan.model).map((o) => ({
        field: Object.keys(o)[0]!,
        direction: 'asc' as const,
      })));
  return [
    ...requested.map(({ field, direction }) => ({ field: plan.sortable.find((f) => f.name === field)!, direction })),
    { field: idField, direction: 'asc' as const },
  ];
}

const orderByOf = (keys: SortKey[]) =>
  keys.map(({ field, direction }) => ({
    [field.name]: field.isRequired ? direction : { sort: direction, nulls: 'last' },
  }));

function defineListQuery(
  plan: EntityPlan,
  types: {
    Connection: ReturnType<typeof defineConnection>;
    Filter: any;
    OrderBy: ReturnType<typeof defineOrderByInput>;
  },
): void {
  const { model, name, shape, derived, label, labelEn, access } = plan;
  const { Connection, Filter, OrderBy } = types;
  builder.queryField(plan.options.plural, (t) =>
    t.field({
      type: Connection,
      description: `${label}: gefilterd, gesorteerd en gepagineerd | ${labelEn}: filtered, sorted and paginated`,
      authScopes: guardedBy(access.read),
      args: {
        filter: t.arg({ type: Filter }),
        orderBy: t.arg({ type: [OrderBy] }),
        offset: t.arg.int({ description: 'Aantal over te slaan (console) | Number to skip (console)' }),
        limit: t.arg.int({ description: 'Paginagrootte (console) | Page size (console)' }),
        first: t.arg.int({ description: 'Paginagrootte (relay) | Page size (relay)' }),
        after: t.arg.string({
          description: 'Cursor van het laatste gelezen item (relay) | Cursor of the last item read (relay)',
        }),
      },
      resolve: async (_root, args, context: Context, info: GraphQLResolveInfo) => {
        const canRead = plan.canReadField(context);
        const filtered = await toWhere(shape, derived, args.filter as Record<string, unknown> | null, canRead);
        const keys = sortKeysOf(plan, args.orderBy as any, canRead);
        const keyset = keysetPossible(keys);
        const { skip, take, afterKeys } = pageOf(args as PageArgs, keys);
        const delegate = delegateOf(db(), model);
        const selected = selectedFieldNames(info);
        // The count does not wait for the page: both queries run at once, on two connections.
        const totalCount = selected.has('totalCount') ? delegate.count({ where: filtered }) : undefined;
        totalCount?.catch(() => undefined); // its error is reported by the totalCount field, not as an unhandled rejection
        let nodes: Record<string, unknown>[] = [];
        let hasNextPage = false;
        const cursorsWanted = selected.has('edges') || selected.has('pageInfo');
        if (selected.has('nodes') || cursorsWanted) {
          const query = queryFromInfo({ context, info, typeName: name, paths: [['nodes'], ['edges', 'node']] }) as {
            select?: Record<string, unknown>;
            include?: unknown;
          };
          // A keyset cursor is made of the row's sort keys, so they are loaded even when not asked for.
          if (cursorsWanted && keyset && !query.include) {
            query.select = { ...query.select, ...Object.fromEntries(keys.map(({ field }) => [field.name, true])) };
          }
          const where = afterKeys ? { AND: [filtered, keysetWhere(keys, afterKeys)] } : filtered;
          // One row more than asked tells whether another page exists without counting.
          const rows = await delegate.findMany({ ...query, where, orderBy: orderByOf(keys), skip, take: take + 1 });
          hasNextPage = rows.length > take;
          nodes = rows.slice(0, take);
        }
        const cursorOf = (index: number) =>
          keyset ? encodeKeysetCursor(keys, nodes[index]!) : encodeCursor(skip + index);
        return {
          nodes,
          cursorOf,
          totalCount: () => totalCount ?? delegate.count({ where: filtered }),
          pageInfo: {
            hasNextPage,
            hasPreviousPage: skip > 0 || afterKeys !== undefined,
            startCursor: nodes.length ? cursorOf(0) : null,
            endCursor: nodes.length ? cursorOf(nodes.length - 1) : null,
          },
        };
      },
    }),
  );
}

// ---- inputs --------------------------------------------------------------------------------

function defineWriteInputs(plan: EntityPlan) {
  const { name, shape, hidden, visibleLinks, options } = plan;
  const readOnly = new Set(options.readOnly ?? []);
  const createOnly = new Set(options.createOnly ?? []);
  const editable = editableFields(shape).filter((field) => !hidden.has(field.name) && !readOnly.has(field.name));
  const inputFields = (t: any, mode: 'create' | 'update') => ({
    ...Object.fromEntries(
      editable
        .filter((field) => mode === 'create' || !createOnly.has(field.name))
        .map((field) => {
          const type = scalarTypeOf(field);
          return [
            field.name,
            t.field({
              type: field.isList ? [type] : type,
              required: mode === 'create' && isRequiredOnCreate(field),
              description: field.documentation,
            }),
          ];
        }),
    ),
    ...Object.fromEntries(
      visibleLinks.map((link) => {
        const relation = shape.model.fields.find((field) => field.name === link.linkField)!;
        return [
          `${link.singular}Ids`,
          t.idList({
            description: `${labelOf(relation)}: de volledige lijst van id's | ${labelOf(relation, 'en')}: the complete list of ids`,
          }),
        ];
      }),
    ),
  });
  return {
    CreateInput: builder.inputType(`${name}CreateInput`, { fields: (t) => inputFields(t, 'create') }),
    UpdateInput: builder.inputType(`${name}UpdateInput`, {
      description: 'Alleen opgegeven velden veranderen | Only the fields given change',
      fields: (t) => inputFields(t, 'update'),
    }),
  };
}

// ---- mutations -----------------------------------------------------------------------------

type Link = EntityPlan['visibleLinks'][number];

/** What the three mutations share: input splitting, the transaction, snapshots and the audit event. */
function entityWriter(plan: EntityPlan) {
  const { model, name, visibleLinks } = plan;
  // Database columns the user typed under another name (link ids): for precise error paths.
  const fieldPaths = Object.fromEntries(visibleLinks.map((link) => [link.otherKey, `input.${link.singular}Ids`]));
  // What the audit trail records of a record: its own columns and its link lists as ids.
  const linkSelect = Object.fromEntries(
    visibleLinks.map((link) => [link.linkField, { select: { [link.otherKey]: true } }]),
  );
  return {
    splitLinks(clean: Record<string, unknown>) {
      const data: Record<string, unknown> = {};
      const links: { link: Link; ids: string[] }[] = [];
      for (const [key, value] of Object.entries(clean)) {
        const link = visibleLinks.find((m) => `${m.singular}Ids` === key);
        if (link) links.push({ link, ids: value as string[] });
        else data[key] = value;
      }
      return { data, links };
    },
    async run<T>(operation: 'create' | 'update' | 'delete', work: (tx: Prisma.TransactionClient) => Promise<T>) {
      try {
        return await db().$transaction((tx) => work(tx));
      } catch (error) {
        throw mapDatabaseError(error, model, operation, fieldPaths) ?? error;
      }
    },
    async snapshot(tx: Prisma.TransactionClient, id: string): Promise<Record<string, unknown> | null> {
      const row = await delegateOf(tx, model).findUnique({
        where: { id },
        ...(visibleLinks.length ? { include: linkSelect } : {}),
      });
      if (!row) return null;
      for (const link of visibleLinks) {
        const ids = (row[link.linkField] as Record<string, string>[]).map((linkRow) => linkRow[link.otherKey]!);
        delete row[link.linkField];
        row[`${link.singular}Ids`] = ids.sort();
      }
      return row;
    },
    async replaceLinks(tx: Prisma.TransactionClient, id: string, links: { link: Link; ids: string[] }[]) {
      for (const { link, ids } of links) {
        const linkDelegate = delegateOf(tx, link.linkModel);
        await linkDelegate.deleteMany({ where: { [link.selfKey]: id, [link.otherKey]: { notIn: ids } } });
        await (linkDelegate as any).createMany({
          data: ids.map((other) => ({ [link.selfKey]: id, [link.otherKey]: other })),
          skipDuplicates: true,
        });
      }
    },
    audit(
      tx: Prisma.TransactionClient,
      context: Context,
      operation: 'CREATE' | 'DELETE',
      id: string,
      before: object | null,
      after: object | null,
    ) {
      return recordAuditEvent(tx, { context, operation, entityType: name, entityId: id, before, after });
    },
  };
}
type EntityWriter = ReturnType<typeof entityWriter>;

function defineCreateMutation(plan: EntityPlan, ref: any, CreateInput: any, writer: EntityWriter): void {
  const { model, name, shape, label, labelEn, access, options } = plan;
  builder.mutationField(`create${name}`, (t: any) =>
    t.prismaField({
      type: name === model ? model : ref,
      description: `Maakt een ${label} | Creates a ${labelEn}`,
      authScopes: guardedBy(access.write),
      args: { input: t.arg({ type: CreateInput, required: true }) },
      resolve: (query: object, _root: unknown, args: { input: Record<string, unknown> }, context: Context) => {
        const { data, links } = writer.splitLinks(validateInput(shape, options.rules ?? {}, args.input, 'create'));
        for (const { link, ids } of links) {
          data[link.linkField] = { create: ids.map((id) => ({ [link.otherKey]: id })) };
        }
        return writer.run('create', async (tx) => {
          const { id } = await delegateOf(tx, model).create({ data, select: { id: true } });
          const after = await writer.snapshot(tx, id);
          // Read the answer before the audit event: from the event to the commit, every other
          // audited write waits on the chain's lock.
          const created = await delegateOf(tx, model).findUnique({ ...query, where: { id } });
          await writer.audit(tx, context, 'CREATE', id, null, after);
          return created;
        });
      },
    }),
  );
}

/** Whether a Pothos query asks only for columns (no relation, no count): the written row then answers it. */
function columnsOnly(query: { select?: Record<string, unknown>; include?: unknown }): boolean {
  return !query.include && query.select !== undefined && Object.values(query.select).every((value) => value === true);
}

function defineUpdateMutation(plan: EntityPlan, ref: any, UpdateInput: any, writer: EntityWriter): void {
  const { model, name, shape, label, labelEn, access, options } = plan;
  builder.mutationField(`update${name}`, (t: any) =>
    t.prismaField({
      type: name === model ? model : ref,
      description: `Wijzigt een ${label}; weigert met CONFLICT als expectedVersion niet de huidige versie is | Updates a ${labelEn}; refused with CONFLICT when expectedVersion is not the current version`,
      authScopes: guardedBy(access.write),
      args: {
        id: t.arg.id({ required: true }),
        input: t.arg({ type: UpdateInput, required: true }),
        expectedVersion: t.arg.int({ required: true, description: 'De versie die u las | The version you read' }),
      },
      resolve: (
        query: { select?: Record<string, unknown>; include?: unknown },
        _root: unknown,
        args: { id: string; input: Record<string, unknown>; expectedVersion: number },
        context: Context,
      ) => {
        checkId(args.id);
        const { data, links } = writer.splitLinks(validateInput(shape, options.rules ?? {}, args.input, 'update'));
        return writer.run('update', async (tx) => {
          const before = await writer.snapshot(tx, args.id);
          if (!before) throw notFound(model, args.id);
          // A version newer than the one just read means a change committed in between: the
          // snapshot would not be what this update replaces.
          if (before.version !== args.expectedVersion) {
            throw staleVersion(model, args.id, args.expectedVersion, before.version as number);
          }
          const refusal = options.refuseChange?.(before, 'update');
          if (refusal) throw refusal;
          // Links first, so the versioned update is the last write (a stale version rolls them
          // back with it). Setting a link list makes it exactly the ids given, so the
          // after-snapshot takes them from the input, and unchanged lists from the before-snapshot.
          await writer.replaceLinks(tx, args.id, links);
          const linkIds = Object.fromEntries(
            plan.visibleLinks.map((link) => {
              const given = links.find((changed) => changed.link === link);
              const key = `${link.singular}Ids`;
              return [key, given ? [...new Set(given.ids)].sort() : before[key]];
            }),
          );
          const answerFromRow = columnsOnly(query);
          // Read the answer before the audit event (as in create), unless the written row is it.
          let answer: unknown;
          const row = await updateAudited(tx, {
            model,
            entityType: name,
            id: args.id,
            expectedVersion: args.expectedVersion,
            data,
            context,
            before,
            afterExtra: linkIds,
            beforeAudit: answerFromRow
              ? undefined
              : async () => {
                  answer = await delegateOf(tx, model).findUnique({ ...query, where: { id: args.id } });
                },
          });
          return answerFromRow ? row : answer;
        });
      },
    }),
  );
}

function defineDeleteMutation(plan: EntityPlan, ref: any, writer: EntityWriter): void {
  const { model, name, label, labelEn, access, options } = plan;
  builder.mutationField(`delete${name}`, (t: any) =>
    t.prismaField({
      type: name === model ? model : ref,
      description: `Verwijdert een ${label} en geeft terug wat er stond | Deletes a ${labelEn} and returns what it held`,
      authScopes: guardedBy(access.write),
      args: {
        id: t.arg.id({ required: true }),
        expectedVersion: t.arg.int({ required: true, description: 'De versie die u las | The version you read' }),
      },
      resolve: (query: object, _root: unknown, args: { id: string; expectedVersion: number }, context: Context) => {
        checkId(args.id);
        return writer.run('delete', async (tx) => {
          const delegate = delegateOf(tx, model);
          const before = await delegate.findUnique({ ...query, where: { id: args.id } });
          const recorded = await writer.snapshot(tx, args.id);
          if (recorded && recorded.version !== args.expectedVersion) {
            throw staleVersion(model, args.id, args.expectedVersion, recorded.version as number);
          }
          const refusal =
            recorded && (options.refuseChange?.(recorded, 'delete') ?? (await options.refuseDelete?.(recorded, tx)));
          if (refusal) throw refusal;
          const dependents = recorded && (await options.deleteDependents?.(recorded, tx));
          const { count } = await delegate.deleteMany({ where: { id: args.id, version: args.expectedVersion } });
          if (count === 0) {
            const current = await delegate.findUnique({ where: { id: args.id }, select: { version: true } });
            if (!current) throw notFound(model, args.id);
            throw staleVersion(model, args.id, args.expectedVersion, current.version);
          }
          await writer.audit(
            tx,
            context,
            'DELETE',
            args.id,
            dependents ? { ...recorded, ...dependents } : recorded,
            null,
          );
          return before;
        });
      },
    }),
  );
}

export { defineLinkObject, entityRef, guardedBy, typeAccess } from './object-type.js';
