// Filter inputs: one input type per field kind, shared by every entity, and one
// `<Entity>Filter` per entity derived from its model. `toWhere` turns a filter into a
// Prisma `where`, validating values the database would otherwise reject with SQL errors.
import { searchValue } from '@welkom/db';
import { builder } from '../builder.js';
import { apiError } from '../api-error.js';
import { badUserInput } from './errors.js';
import { type DmmfField, type ModelShape, getEnum, isDateOnly } from './dmmf.js';
import { enumRef } from './enums.js';
import { UUID, isUuid } from './uuid.js';

type Where = Record<string, unknown>;
type FilterValue = Record<string, unknown> | null | undefined;

export const IdFilter = builder.inputType('IdFilter', {
  description: 'Filter op een id | Filter on an id',
  fields: (t) => ({
    eq: t.id({ description: 'Gelijk aan | Equals' }),
    in: t.idList({ description: 'Een van | One of' }),
    isNull: t.boolean({ description: 'Leeg (true) of gevuld (false) | Empty (true) or set (false)' }),
  }),
});

export const StringFilter = builder.inputType('StringFilter', {
  description: 'Filter op tekst | Filter on text',
  fields: (t) => ({
    eq: t.string({ description: 'Precies gelijk aan | Exactly equals' }),
    in: t.stringList({ description: 'Een van | One of' }),
    contains: t.string({
      description:
        'Bevat, hoofdletterongevoelig; % en _ zijn gewone tekens | Contains, case-insensitive; % and _ are ordinary characters',
    }),
    startsWith: t.string({
      description:
        'Begint met, hoofdletterongevoelig; % en _ zijn gewone tekens | Starts with, case-insensitive; % and _ are ordinary characters',
    }),
    isNull: t.boolean({ description: 'Leeg (true) of gevuld (false) | Empty (true) or set (false)' }),
  }),
});

export const StringListFilter = builder.inputType('StringListFilter', {
  description: 'Filter op een lijst van teksten | Filter on a list of texts',
  fields: (t) => ({
    has: t.string({ description: 'Bevat deze waarde | Contains this value' }),
    hasSome: t.stringList({ description: 'Bevat een van deze waarden | Contains one of these values' }),
  }),
});

export const IntFilter = builder.inputType('IntFilter', {
  description: 'Filter op een geheel getal | Filter on an integer',
  fields: (t) => ({
    eq: t.int(),
    in: t.intList(),
    gt: t.int(),
    gte: t.int(),
    lt: t.int(),
    lte: t.int(),
    isNull: t.boolean(),
  }),
});

export const FloatFilter = builder.inputType('FloatFilter', {
  description: 'Filter op een getal | Filter on a number',
  fields: (t) => ({ eq: t.float(), gt: t.float(), gte: t.float(), lt: t.float(), lte: t.float(), isNull: t.boolean() }),
});

export const BooleanFilter = builder.inputType('BooleanFilter', {
  description: 'Filter op ja/nee | Filter on yes/no',
  fields: (t) => ({ eq: t.boolean(), isNull: t.boolean() }),
});

export const DateFilter = builder.inputType('DateFilter', {
  description: 'Filter op een datum (grenzen inclusief bij gte/lte) | Filter on a date (bounds inclusive with gte/lte)',
  fields: (t) => ({
    eq: t.field({ type: 'Date' }),
    gt: t.field({ type: 'Date' }),
    gte: t.field({ type: 'Date' }),
    lt: t.field({ type: 'Date' }),
    lte: t.field({ type: 'Date' }),
    isNull: t.boolean(),
  }),
});

export const DateTimeFilter = builder.inputType('DateTimeFilter', {
  description: 'Filter op een tijdstip | Filter on an instant',
  fields: (t) => ({
    eq: t.field({ type: 'DateTime' }),
    gt: t.field({ type: 'DateTime' }),
    gte: t.field({ type: 'DateTime' }),
    lt: t.field({ type: 'DateTime' }),
    lte: t.field({ type: 'DateTime' }),
    isNull: t.boolean(),
  }),
});

const enumFilters = new Map<string, unknown>();

function enumFilter(name: string) {
  if (!enumFilters.has(name)) {
    const values = enumRef(name);
    enumFilters.set(
      name,
      builder.inputType(`${name}Filter`, {
        description: `Filter op ${getEnum(name).name} | Filter on ${name}`,
        fields: (t) => ({
          eq: t.field({ type: values }),
          in: t.field({ type: [values] }),
          isNull: t.boolean(),
        }),
      }),
    );
  }
  return enumFilters.get(name) as ReturnType<typeof builder.inputType>;
}

/** The filter input type for one scalar field, or undefined when it cannot be filtered. */
export function filterTypeFor(field: DmmfField) {
  if (field.kind === 'enum') return field.isList ? undefined : enumFilter(field.type);
  if (field.isList) return field.type === 'String' ? StringListFilter : undefined;
  if (isUuid(field)) return IdFilter;
  switch (field.type) {
    case 'String':
      return StringFilter;
    case 'Int':
      return IntFilter;
    case 'Float':
      return FloatFilter;
    case 'Boolean':
      return BooleanFilter;
    case 'DateTime':
      return isDateOnly(field) ? DateFilter : DateTimeFilter;
    default:
      return undefined;
  }
}

/** A filter that is not a plain column: a relation path, declared by the domain module. */
export type DerivedFilter =
  | {
      description: string;
      type: 'id';
      /** Turns a Prisma id condition ({ equals } / { in }) into a where on this model. */
      where: (condition: Where) => Where;
    }
  | {
      description: string;
      /** A yes/no question about the row that no single column answers (e.g. "te laat"). */
      type: 'boolean';
      where: (value: boolean) => Where;
    };

function checkIds(path: string, values: unknown[]): void {
  const bad = values.find((value) => typeof value !== 'string' || !UUID.test(value));
  if (bad !== undefined) {
    throw badUserInput([
      {
        field: path,
        reason: 'invalid_id',
        message: `"${String(bad).slice(0, 60)}" is geen geldig id.`,
        messageEn: `"${String(bad).slice(0, 60)}" is not a valid id.`,
      },
    ]);
  }
}

function idCondition(path: string, value: Record<string, unknown>): Where {
  const condition: Where = {};
  if (value.eq != null) {
    checkIds(`${path}.eq`, [value.eq]);
    condition.equals = value.eq;
  }
  if (value.in != null) {
    checkIds(`${path}.in`, value.in as unknown[]);
    condition.in = value.in;
  }
  return condition;
}

function nullCondition(value: Record<string, unknown>): Where | undefined {
  if (value.isNull == null) return undefined;
  return value.isNull ? { equals: null } : { not: null };
}

function scalarCondition(field: DmmfField, path: string, value: Record<string, unknown>): Where[] {
  const conditions: Where[] = [];
  const isNull = nullCondition(value);
  if (isNull) conditions.push(isNull);
  if (field.isList) {
    if (value.has != null) conditions.push({ has: value.has });
    if (value.hasSome != null) conditions.push({ hasSome: value.hasSome });
    return conditions;
  }
  if (isUuid(field)) {
    const condition = idCondition(path, value);
    if (Object.keys(condition).length) conditions.push(condition);
    return conditions;
  }
  const condition: Where = {};
  if (value.eq != null) condition.equals = value.eq;
  if (value.in != null) condition.in = value.in;
  for (const bound of ['gt', 'gte', 'lt', 'lte'] as const) {
    if (value[bound] != null) condition[bound] = value[bound];
  }
  if (Object.keys(condition).length) conditions.push(condition);
  // Prisma passes the text to LIKE as it is, so % and _ would be wildcards (and "%" match everything).
  if (value.contains != null) conditions.push({ contains: escapeLike(String(value.contains)), mode: 'insensitive' });
  if (value.startsWith != null)
    conditions.push({ startsWith: escapeLike(String(value.startsWith)), mode: 'insensitive' });
  return conditions;
}

/** Makes LIKE's wildcards (% and _) and its escape character (\\) literal. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * The condition that finds the rows whose text columns contain `q`, ignoring case and accents:
 * one Prisma condition per column whose value the database client rewrites into
 * `welkom_search_text(column) LIKE welkom_search_text(pattern)` (see search-condition.ts in the db
 * package), the expression each column's trigram index is built on. So the search is part of the
 * page's statement and of the count's, however many rows match.
 */
export function searchCondition(columns: readonly DmmfField[], q: string): Where {
  const value = searchValue(escapeLike(q));
  return {
    OR: columns.map((field) => ({ [field.name]: field.isList ? { has: value } : { contains: value } })),
  };
}

/** Text fields searched by `q`: every text column and list of texts except ids. */
export function searchableFields(shape: ModelShape): DmmfField[] {
  return shape.scalars.filter((field) => field.type === 'String' && !isUuid(field));
}

function forbiddenField(path: string, field: string) {
  return apiError(
    'FORBIDDEN',
    `U mag niet filteren of sorteren op ${field}.`,
    `You may not filter or sort by ${field}.`,
    { field: path },
  );
}

/** Refuses to sort by a field the caller may not read. */
export function checkSortable(canRead: (field: string) => boolean, fields: string[]): void {
  const refused = fields.find((field) => !canRead(field));
  if (refused) throw forbiddenField('orderBy', refused);
}

/**
 * Translates a filter into a Prisma `where`. `canRead` says which fields the caller may read:
 * a filter on any other field is refused, and `q` does not search it, so nothing can be learnt
 * about a hidden value by probing.
 */
export async function toWhere(
  shape: ModelShape,
  derived: Record<string, DerivedFilter>,
  filter: FilterValue,
  canRead: (field: string) => boolean = () => true,
  path = 'filter',
): Promise<Where> {
  if (!filter) return {};
  const and: Where[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value == null) continue;
    const here = `${path}.${key}`;
    if (key === 'q') {
      const q = String(value).trim();
      if (!q) continue;
      const columns = searchableFields(shape).filter((field) => canRead(field.name));
      // Nothing the caller may read is searchable: nothing matches.
      and.push(columns.length ? searchCondition(columns, q) : { id: { in: [] } });
      continue;
    }
    if (key === 'AND' || key === 'OR') {
      const parts = await Promise.all(
        (value as FilterValue[]).map((part, index) => toWhere(shape, derived, part, canRead, `${here}.${index}`)),
      );
      and.push({ [key]: parts });
      continue;
    }
    if (key === 'NOT') {
      and.push({ NOT: await toWhere(shape, derived, value as FilterValue, canRead, here) });
      continue;
    }
    const derivedFilter = derived[key];
    if (derivedFilter?.type === 'boolean') {
      // Guarded like a field of the same name (EntityAccess.fields), e.g. one that reads staff-only rows.
      if (!canRead(key)) throw forbiddenField(here, key);
      const eq = (value as { eq?: boolean | null }).eq;
      if (typeof eq === 'boolean') and.push(derivedFilter.where(eq));
      continue;
    }
    if (derivedFilter) {
      const condition = idCondition(here, value as Record<string, unknown>);
      if (Object.keys(condition).length) and.push(derivedFilter.where(condition));
      continue;
    }
    const link = shape.manyToMany.find((m) => `${m.singular}Id` === key);
    if (link) {
      const condition = idCondition(here, value as Record<string, unknown>);
      if (Object.keys(condition).length) and.push({ [link.linkField]: { some: { [link.otherKey]: condition } } });
      continue;
    }
    const field = shape.scalars.find((f) => f.name === key);
    if (!field) continue; // GraphQL validation already rejects unknown filter fields.
    if (!canRead(field.name)) throw forbiddenField(here, field.name);
    for (const condition of scalarCondition(field, here, value as Record<string, unknown>)) {
      and.push({ [field.name]: condition });
    }
  }
  if (and.length === 0) return {};
  return and.length === 1 ? and[0]! : { AND: and };
}
