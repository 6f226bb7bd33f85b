import { describe, expect, it } from 'vitest';
import { statementNamer } from './statement-names.js';
import { createTestDatabase } from './testing.js';

const query = (sql: string) => ({ sql, args: [], argTypes: [] });

describe('prepared statement names', () => {
  it('give one SQL text one name, and two texts two names', () => {
    const name = statementNamer();
    expect(name(query('SELECT 1'))).toBe(name(query('SELECT 1')));
    expect(name(query('SELECT 1'))).not.toBe(name(query('SELECT 2')));
  });

  it('stop naming new texts past the cap, and keep the names already given', () => {
    const name = statementNamer(2);
    const first = name(query('SELECT 1'));
    name(query('SELECT 2'));
    expect(name(query('SELECT 3'))).toBeUndefined();
    expect(name(query('SELECT 1'))).toBe(first);
  });

  it('let a connection prepare a statement once and reuse it, in and out of transactions', async () => {
    const database = await createTestDatabase({ maxConnections: 1 });
    try {
      await database.prisma.theme.create({ data: { number: 1, name: 'Opvang' } });
      for (let i = 0; i < 3; i++) expect(await database.prisma.theme.count({ where: { number: 1 } })).toBe(1);
      expect(
        await database.prisma.$transaction((tx) => tx.theme.findMany({ where: { number: 1 }, select: { name: true } })),
      ).toEqual([{ name: 'Opvang' }]);
      const prepared = await database.prisma.$queryRawUnsafe<{ name: string }[]>(
        'SELECT name FROM pg_prepared_statements',
      );
      const names = prepared.map((row) => row.name).filter((name) => name.startsWith('w'));
      expect(names.length).toBeGreaterThan(1);
      expect(new Set(names).size).toBe(names.length);
    } finally {
      await database.drop();
    }
  });
});
