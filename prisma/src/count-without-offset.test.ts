import { PrismaPg } from '@prisma/adapter-pg';
import { describe, expect, it } from 'vitest';
import { countWithoutOffset, withoutCountOffset } from './count-without-offset.js';
import { PrismaClient } from './generated/prisma/client.js';
import { createTestDatabase } from './testing.js';

// The exact statement Prisma 7 sends for `action.count({ where: { status } })`.
const COUNT =
  'SELECT COUNT(*) AS "_count$_all" FROM (SELECT "public"."Action"."id" FROM "public"."Action" WHERE "public"."Action"."status" = CAST($1::text AS "public"."ActionStatus") OFFSET $2) AS "sub"';

describe("Prisma's count without its zero offset", () => {
  it('drops the OFFSET and its parameter, keeping the filter', () => {
    const rewritten = withoutCountOffset({
      sql: COUNT,
      args: ['PLANNED', 0],
      argTypes: [
        { scalarType: 'string', arity: 'scalar' },
        { scalarType: 'int', arity: 'scalar' },
      ] as never,
    });
    expect(rewritten.sql).toBe(
      'SELECT COUNT(*) AS "_count$_all" FROM (SELECT "public"."Action"."id" FROM "public"."Action" WHERE "public"."Action"."status" = CAST($1::text AS "public"."ActionStatus")) AS "sub"',
    );
    expect(rewritten.args).toEqual(['PLANNED']);
    expect(rewritten.argTypes).toHaveLength(1);
  });

  it('leaves a count that skips rows, and every other statement, as it is', () => {
    const skipping = { sql: COUNT, args: ['PLANNED', 10], argTypes: [] };
    expect(withoutCountOffset(skipping)).toBe(skipping);
    const list = {
      sql: 'SELECT "t0"."id" FROM "public"."Action" AS "t0" LIMIT $1 OFFSET $2',
      args: [10, 0],
      argTypes: [],
    };
    expect(withoutCountOffset(list)).toBe(list);
  });
});

describe('a count through the wrapped adapter', () => {
  it('reaches PostgreSQL without the OFFSET, inside a transaction too, and counts right', async () => {
    const database = await createTestDatabase();
    const sent: string[] = [];
    // Records what the wrapped adapter passes on to the real one.
    const spy = <T extends object>(target: T): T =>
      new Proxy(target, {
        get(object, property) {
          const value = Reflect.get(object, property);
          if (property === 'queryRaw') {
            return (query: { sql: string }) => {
              sent.push(query.sql);
              return (value as (query: unknown) => unknown).call(object, query);
            };
          }
          if (property === 'connect' || property === 'startTransaction')
            return async (...args: unknown[]) =>
              spy(await (value as (...args: unknown[]) => Promise<object>).apply(object, args));
          return typeof value === 'function' ? value.bind(object) : value;
        },
      });
    const prisma = new PrismaClient({
      adapter: countWithoutOffset(spy(new PrismaPg({ connectionString: database.url }))),
    });
    try {
      await prisma.theme.createMany({
        data: [
          { number: 1, name: 'Opvang' },
          { number: 2, name: 'Huisvesting' },
          { number: 3, name: 'Inburgering' },
        ],
      });
      expect(await prisma.theme.count({ where: { number: { gte: 2 } } })).toBe(2);
      expect(await prisma.$transaction((tx) => tx.theme.count())).toBe(3);
      const counts = sent.filter((sql) => sql.startsWith('SELECT COUNT(*)'));
      expect(counts).toHaveLength(2);
      for (const sql of counts) expect(sql).not.toMatch(/OFFSET/);
    } finally {
      await prisma.$disconnect();
      await database.drop();
    }
  });
});
