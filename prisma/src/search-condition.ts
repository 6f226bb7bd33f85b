// The text search (`q`) inside Prisma's own statement. Prisma cannot call unaccent(), so a search
// is written as an ordinary Prisma condition on each searched column, `contains` for text and
// `has` for a list of texts, whose value carries SEARCH_MARK in front (searchValue). Before the
// statement leaves, withSearchConditions turns exactly those conditions into
//   welkom_search_text(column) LIKE welkom_search_text('%' || $n || '%')
// (lower + unaccent on both sides; the trigram index of each column is on the same expression)
// and drops the mark. So the page and its count each carry the search in one statement: no
// round trip with the ids of every match, and no cap on how many may match.
import type { SqlQuery } from '@prisma/driver-adapter-utils';

/** A private-use character: marks a value as a search needle; never sent to PostgreSQL. */
export const SEARCH_MARK = '\uE000';

/** The value of a `contains` (text) or the element of a `has` (list) condition that searches for `needle`. */
export function searchValue(needle: string): string {
  return SEARCH_MARK + needle.replaceAll(SEARCH_MARK, '');
}

const COLUMN = String.raw`((?:"[^"]+"\.)*"[^"]+")`;
// What Prisma 7 sends for `{ column: { contains: v } }` and `{ list: { has: v } }`.
const CONTAINS = new RegExp(String.raw`${COLUMN}::text LIKE \('%' \|\| \$(\d+) \|\| '%'\)`, 'g');
const HAS = new RegExp(String.raw`${COLUMN} @> \$(\d+)`, 'g');

const isMarked = (value: unknown) => typeof value === 'string' && value.startsWith(SEARCH_MARK);
const unmark = (value: string) => value.slice(SEARCH_MARK.length);

/** The statement with its search conditions (marked values) made accent- and case-insensitive; others untouched. */
export function withSearchConditions(query: SqlQuery): SqlQuery {
  const marked = query.args.some(
    (arg) => isMarked(arg) || (Array.isArray(arg) && arg.length === 1 && isMarked(arg[0])),
  );
  if (!marked) return query;
  const args = [...query.args];
  const rewritten = new Set<number>();
  let sql = query.sql.replace(CONTAINS, (whole, column: string, position: string) => {
    const index = Number(position) - 1;
    if (!isMarked(args[index])) return whole;
    args[index] = unmark(args[index] as string);
    rewritten.add(index);
    return `welkom_search_text(${column}) LIKE welkom_search_text('%' || $${position} || '%')`;
  });
  sql = sql.replace(HAS, (whole, column: string, position: string) => {
    const index = Number(position) - 1;
    const value = args[index];
    if (!Array.isArray(value) || value.length !== 1 || !isMarked(value[0])) return whole;
    args[index] = [unmark(value[0] as string)];
    rewritten.add(index);
    return `welkom_search_text(${column}) LIKE welkom_search_text('%' || ($${position}::text[])[1] || '%')`;
  });
  // A marked value left over means Prisma wrote a condition in a shape this does not know: fail
  // loudly instead of searching for the mark itself.
  const left = args.findIndex(
    (arg, index) => !rewritten.has(index) && (isMarked(arg) || (Array.isArray(arg) && arg.some(isMarked))),
  );
  if (left >= 0)
    throw new Error(
      `A search condition (parameter $${left + 1}) has a shape that cannot be rewritten: ${query.sql.slice(0, 300)}`,
    );
  return { ...query, sql, args };
}
