// Offset pagination with two faces: `offset`/`limit` for the console and relay-style
// `first`/`after` for partners. Cursors are opaque offsets; the register is small and
// ordered with a unique tie-breaker, so offsets are stable between pages.
import { GraphQLError, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { builder } from '../builder.js';
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
}

const CURSOR_PREFIX = 'offset:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString();
  const offset = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : Number.NaN;
  if (!Number.isInteger(offset) || offset < 0) {
    throw badUserInput([
      { field: 'after', reason: 'invalid_cursor', message: 'Ongeldige cursor.', messageEn: 'Invalid cursor.' },
    ]);
  }
  return offset;
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

export function pageOf(args: PageArgs): Page {
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
