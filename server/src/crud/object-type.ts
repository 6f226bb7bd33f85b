// The object type of an entity, derived from its Prisma model: its columns, its relations
// (to-one, to-many with a count, and link tables flattened into plain lists), each guarded
// by the entity's access rules. Used by defineEntity and for link models.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { builder } from '../builder.js';
import { type RegisteredEntity, registerEntity } from '../auth/registry.js';
import { type AccessRule, anyone, nobody } from '../auth/rules.js';
import { type DmmfField, type ModelShape, describeModel, getModel, isDateOnly, labelOf } from './dmmf.js';
import { enumRef } from './enums.js';
import { isUuid } from './uuid.js';
export const objectRefs = new Map<string, any>();

export function entityRef(model: string): any {
  const ref = objectRefs.get(model);
  if (!ref) throw new Error(`Model ${model} is not exposed; call defineEntity or defineLinkObject first.`);
  return ref;
}

export function scalarTypeOf(field: DmmfField): any {
  if (field.kind === 'enum') return enumRef(field.type);
  if (field.isId || isUuid(field)) return 'ID';
  if (field.type === 'DateTime') return isDateOnly(field) ? 'Date' : 'DateTime';
  return field.type; // String, Int, Float, Boolean
}

/** A sensible order for lists of this model: its own sort key, else code, number, name. */
export function naturalOrder(model: string): Record<string, 'asc'>[] {
  const names = new Set(getModel(model).fields.map((field) => field.name));
  const key = ['sortOrder', 'number', 'code', 'name', 'title'].find((name) => names.has(name));
  return key ? [{ [key]: 'asc' }] : [];
}

/** Scope-auth options for a field or type guarded by a rule: the builder's `access` scope loader asks it. */
export function guardedBy(rule: AccessRule): { access: AccessRule } {
  return { access: rule };
}

function describeAccess(description: string | undefined, rule: AccessRule | undefined): string | undefined {
  if (!rule) return description;
  return `${description ?? ''}\nAlleen zichtbaar voor ${rule.description.split(' | ')[0]}. | Visible to ${rule.description.split(' | ')[1]} only.`;
}

export function objectFields(
  t: any,
  shape: ModelShape,
  hidden: ReadonlySet<string> = new Set(),
  fieldRules: Record<string, AccessRule> = {},
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  // A relation to a model no module exposes is left out rather than failing the schema.
  const exposed = (field: DmmfField) => !hidden.has(field.name) && objectRefs.has(field.type);
  for (const field of shape.scalars.filter((f) => !hidden.has(f.name))) {
    const type = scalarTypeOf(field);
    const rule = fieldRules[field.name];
    fields[field.name] = t.expose(field.name, {
      type: field.isList ? [type] : type,
      // A guarded field may be refused, so it must be able to answer null.
      nullable: !field.isRequired || Boolean(rule),
      description: describeAccess(field.documentation, rule),
      ...(rule ? { authScopes: guardedBy(rule) } : {}),
    });
  }
  for (const relation of shape.toOne.filter(exposed)) {
    fields[relation.name] = t.relation(relation.name, {
      nullable: !relation.isRequired,
      description: relation.documentation,
    });
  }
  for (const relation of shape.toMany.filter(exposed)) {
    fields[relation.name] = t.relation(relation.name, {
      description: relation.documentation,
      query: { orderBy: [...naturalOrder(relation.type), { id: 'asc' }] },
    });
    fields[`${relation.name}Count`] = t.relationCount(relation.name, {
      description: `Aantal: ${labelOf(relation)} | Count: ${labelOf(relation, 'en')}`,
    });
  }
  for (const link of shape.manyToMany.filter(
    (m) => !hidden.has(m.linkField) && objectRefs.has(m.otherModel) && objectRefs.has(m.linkModel),
  )) {
    const relation = shape.model.fields.find((field) => field.name === link.linkField)!;
    const order = naturalOrder(link.otherModel).map((o) => ({ [link.otherRelation]: o }));
    fields[link.linkField] = t.relation(link.linkField, {
      description: relation.documentation,
      query: { orderBy: order },
    });
    // The other side of a link table as a plain list, loaded in the same query as the parent.
    fields[link.listName] = t.field({
      type: [entityRef(link.otherModel)],
      description: relation.documentation,
      select: (_args: unknown, _ctx: unknown, nestedSelection: (selection: unknown) => unknown) => ({
        [link.linkField]: { orderBy: order, select: { [link.otherRelation]: nestedSelection(true) } },
      }),
      resolve: (parent: Record<string, Record<string, unknown>[]>) =>
        parent[link.linkField]!.map((row) => row[link.otherRelation]),
    });
    fields[`${link.listName}Count`] = t.relationCount(link.linkField, {
      description: `Aantal: ${labelOf(relation)} | Count: ${labelOf(relation, 'en')}`,
    });
  }
  return fields;
}

/** The `@access` directive of a registered type: its audiences as data, for the console and partners. */
export function accessDirective(entry: RegisteredEntity) {
  return {
    access: { read: [...entry.read.audience], write: [...entry.write.audience], history: [...entry.history.audience] },
  };
}

/**
 * Registers a hand-written type whose changes are audited (users, tokens, role grants) and
 * returns its `@access` directive: `directives: typeAccess('User', { read, write })`.
 */
export function typeAccess(name: string, access: { read: AccessRule; write: AccessRule; history?: AccessRule }) {
  return accessDirective(registerEntity(name, 'type', { history: nobody, ...access }));
}

/**
 * Exposes a model without queries or mutations of its own: a link model (e.g. ActionPartner),
 * or a part read only through its parent (a subsidy application's payments). It is changed only
 * through its parent; `history` names who reads its audit events besides ADMIN (the parent's keepers).
 */
export function defineLinkObject(
  model: string,
  // By default a link row is as readable as the records it links; each side guards itself.
  read: AccessRule = anyone,
  history: AccessRule = nobody,
): void {
  const shape = describeModel(model);
  const entry = registerEntity(model, 'part', { read, write: nobody, history });
  const ref = builder.prismaObject(
    model as any,
    {
      description: shape.model.documentation,
      authScopes: guardedBy(read),
      directives: accessDirective(entry),
      select: {}, // only the columns asked for; see defineEntity
      fields: (t: any) => objectFields(t, shape),
    } as any,
  );
  objectRefs.set(model, ref);
}
