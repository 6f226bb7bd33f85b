import { describe, expect, it } from 'vitest';
import { SEARCH_MARK, searchValue, withSearchConditions } from './search-condition.js';

// The shapes Prisma 7 writes for `contains` on a text column and `has` on a list of texts.
const LIST = `SELECT "t0"."id" FROM "public"."Partner" AS "t0" WHERE (("t0"."name"::text LIKE ('%' || $1 || '%') OR "t0"."aliases" @> $2) AND "t0"."kind" = $3)`;

describe('search conditions', () => {
  it('become accent- and case-free LIKEs on the indexed expression, and the mark is dropped', () => {
    const query = withSearchConditions({
      sql: LIST,
      args: [searchValue('cafe'), [searchValue('cafe')], 'SCHOOL'],
      argTypes: [],
    });
    expect(query.sql).toBe(
      `SELECT "t0"."id" FROM "public"."Partner" AS "t0" WHERE ((welkom_search_text("t0"."name") LIKE welkom_search_text('%' || $1 || '%') OR ` +
        `welkom_search_text("t0"."aliases") LIKE welkom_search_text('%' || ($2::text[])[1] || '%')) AND "t0"."kind" = $3)`,
    );
    expect(query.args).toEqual(['cafe', ['cafe'], 'SCHOOL']);
  });

  it('leave an ordinary contains or has, and an unmarked statement, as they are', () => {
    const plain = { sql: LIST, args: ['cafe', ['cafe'], 'SCHOOL'], argTypes: [] };
    expect(withSearchConditions(plain)).toBe(plain);
    const mixed = withSearchConditions({ sql: LIST, args: [searchValue('cafe'), ['cafe'], 'SCHOOL'], argTypes: [] });
    expect(mixed.sql).toContain(`"t0"."aliases" @> $2`);
    expect(mixed.args).toEqual(['cafe', ['cafe'], 'SCHOOL']);
  });

  it('refuse a marked value in a shape they do not know, rather than search for the mark', () => {
    expect(() =>
      withSearchConditions({ sql: 'SELECT 1 WHERE "x" = $1', args: [searchValue('cafe')], argTypes: [] }),
    ).toThrow(/cannot be rewritten/);
  });

  it('a needle cannot smuggle in a mark of its own', () => {
    expect(searchValue(`a${SEARCH_MARK}b`)).toBe(`${SEARCH_MARK}ab`);
  });
});
