// Pagination with two faces: `offset`/`limit` for the console and relay-style `first`/`after`
// for partners. A cursor names its row by the values of the list's sort keys and the id (the
// tie-breaker that makes the order total), so `after` continues right after that row with a
// keyset condition the database answers from an index, however deep the page: it costs no
// offset. Sorts on a column a range cannot compare (an enum, a yes/no) fall back to offset
// cursors, as do cursors of the older offset form.
import { type GraphQLError, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { builder } from '../builder.js';
import type { DmmfField } from './dmmf.js';
import { badUserInput } from './errors.js';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 500;

export interface PageArgs {
  offset?: number | null;
  limit?: number | null;
  first?: number | null;
  after?: string | null;
}

export interface Page {
  skip: number;
  take: number;
  /** Set when `after` is a keyset cursor: the values of its row's sort keys, in order. */
  afterKeys?: unknown[];
}

const CURSOR_PREFIX = 'offset:';
const KEYSET_PREFIX = 'keys:';

function invalidCursor(): GraphQLError {
  return badUserInput([
    { field: 'after', reason: 'invalid_cursor', message: 'Ongeldige cursor.', messageEn: 'Invalid cursor.' },
  ]);
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString();
  const offset = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : Number.NaN;
  if (!Number.isInteger(offset) || offset < 0) throw invalidCursor();
  return offset;
}

/** One sort key of a list: a column, its direction, and whether its nulls come last. */
export interface SortKey {
  field: DmmfField;
  direction: 'asc' | 'desc';
}

// Types a Prisma `gt`/`lt` compares in the same order as ORDER BY does.
const RANGE_TYPES = new Set(['String', 'Int', 'Float', 'DateTime', 'Decimal', 'BigInt']);

/** Whether a list sorted by these keys can be paged by keyset (else: by offset). */
export function keysetPossible(keys: SortKey[]): boolean {
  return keys.every(({ field }) => field.kind === 'scalar' && !field.isList && RANGE_TYPES.has(field.type));
}

function cursorValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint' || (value !== null && typeof value === 'object')) return String(value); // BigInt, Decimal
  return value;
}

/** The keyset cursor of a row: its sort keys' values, tagged with the keys they belong to. */
export function encodeKeysetCursor(keys: SortKey[], row: Record<string, unknown>): string {
  const payload = {
    k: keys.map(({ field, direction }) => `${field.name}:${direction}`),
    v: keys.map(({ field }) => cursorValue(row[field.name] ?? null)),
  };
  return Buffer.from(`${KEYSET_PREFIX}${JSON.stringify(payload)}`).toString('base64url');
}

function parseKeyValue(field: DmmfField, value: unknown): unknown {
  if (value === null) {
    if (field.isRequired) throw invalidCursor();
    return null;
  }
  switch (field.type) {
    case 'String':
      if (typeof value !== 'string') throw invalidCursor();
      if (field.isId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value))
        throw invalidCursor();
      return value;
    case 'Int':
      if (!Number.isSafeInteger(value)) throw invalidCursor();
      return value;
    case 'Float':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidCursor();
      return value;
    case 'DateTime': {
      const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
      if (Number.isNaN(date.getTime())) throw invalidCursor();
      return date;
    }
    case 'Decimal':
      if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value)) throw invalidCursor();
      return value;
    case 'BigInt':
      if (typeof value !== 'string' || !/^-?\d+$/.test(value)) throw invalidCursor();
      return BigInt(value);
    default:
      throw invalidCursor();
  }
}

/**
 * The sort keys' values of a keyset cursor, checked against the list's current sort: a cursor
 * from a list sorted otherwise does not name a place in this one.
 */
export function decodeKeysetCursor(cursor: string, keys: SortKey[]): unknown[] | undefined {
  const text = Buffer.from(cursor, 'base64url').toString();
  if (!text.startsWith(KEYSET_PREFIX)) return undefined;
  let payload: { k?: unknown; v?: unknown };
  try {
    payload = JSON.parse(text.slice(KEYSET_PREFIX.length)) as typeof payload;
  } catch {
    throw invalidCursor();
  }
  const names = keys.map(({ field, direction }) => `${field.name}:${direction}`);
  if (
    !Array.isArray(payload.k) ||
    !Array.isArray(payload.v) ||
    payload.k.length !== names.length ||
    payload.v.length !== names.length ||
    payload.k.some((name, index) => name !== names[index])
  ) {
    throw badUserInput([
      {
        field: 'after',
        reason: 'invalid_cursor',
        message: 'Deze cursor hoort bij een andere sortering.',
        messageEn: 'This cursor belongs to another sort order.',
      },
    ]);
  }
  return keys.map(({ field }, index) => parseKeyValue(field, (payload.v as unknown[])[index]));
}

/**
 * The rows strictly after the cursor's row in the order of `keys` (nulls last), as a Prisma
 * where: (k1 > v1) OR (k1 = v1 AND k2 > v2) OR ... The first key's bound is repeated on its own
 * so the database can start its index scan at the cursor instead of filtering from the top.
 */
export function keysetWhere(keys: SortKey[], values: unknown[]): Record<string, unknown> {
  const beyond = (key: SortKey, value: unknown): Record<string, unknown> | undefined => {
    const name = key.field.name;
    if (value === null) return undefined; // nulls come last: nothing lies beyond a null but the next key
    const past = { [name]: { [key.direction === 'asc' ? 'gt' : 'lt']: value } };
    return key.field.isRequired ? past : { OR: [past, { [name]: null }] };
  };
  const branches: Record<string, unknown>[] = [];
  const equal: Record<string, unknown>[] = [];
  keys.forEach((key, index) => {
    const past = beyond(key, values[index]);
    if (past) branches.push(equal.length ? { AND: [...equal, past] } : past);
    equal.push({ [key.field.name]: values[index] });
  });
  if (!branches.length) return { id: { in: [] } };
  const [first] = keys;
  const firstValue = values[0];
  const bound =
    first && firstValue !== null && first.field.isRequired
      ? { [first.field.name]: { [first.direction === 'asc' ? 'gte' : 'lte']: firstValue } }
      : first && firstValue === null
        ? { [first.field.name]: null }
        : undefined;
  return bound ? { AND: [bound, { OR: branches }] } : { OR: branches };
}

function sizeError(field: string): GraphQLError {
  return badUserInput([
    {
      field,
      reason: 'out_of_range',
      message: `Moet tussen 0 en ${MAX_PAGE_SIZE} liggen.`,
      messageEn: `Must be between 0 and ${MAX_PAGE_SIZE}.`,
    },
  ]);
}

/** The page asked for; with the list's sort keys, `after` may be a keyset cursor. */
export function pageOf(args: PageArgs, keys?: SortKey[]): Page {
  if (args.offset != null && args.after != null) {
    throw badUserInput([
      {
        field: 'after',
        reason: 'conflicting_arguments',
        message: 'Gebruik offset of after, niet allebei.',
        messageEn: 'Use offset or after, not both.',
      },
    ]);
  }
  const size = args.first ?? args.limit ?? DEFAULT_PAGE_SIZE;
  if (size < 0 || size > MAX_PAGE_SIZE) throw sizeError(args.first != null ? 'first' : 'limit');
  if (args.offset != null && args.offset < 0) throw sizeError('offset');
  if (args.after != null && keys && keysetPossible(keys)) {
    const afterKeys = decodeKeysetCursor(args.after, keys);
    if (afterKeys) return { skip: 0, take: size, afterKeys };
  }
  const skip = args.after != null ? decodeCursor(args.after) + 1 : (args.offset ?? 0);
  return { skip, take: size };
}

export interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export const PageInfo = builder.objectRef<PageInfoShape>('PageInfo').implement({
  description: 'Paginering | Pagination',
  authScopes: () => true, // only reachable through a connection, which is guarded
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage'),
    startCursor: t.exposeString('startCursor', { nullable: true }),
    endCursor: t.exposeString('endCursor', { nullable: true }),
  }),
});

/** Names of the fields selected directly under this field (fragments included). */
export function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return names;
}
