// What a database looks like, read from pg_catalog, in a form that compares as text. Used to
// prove that the migrations and schema.prisma describe the same database.
import pg from 'pg';

/** Each entry maps an object's identity (e.g. `column Action.title`) to its definition. */
export type Catalog = Record<string, string>;

// Prisma's own bookkeeping; it exists only in the migrated database.
const IGNORED_TABLE = '_prisma_migrations';

const QUERIES: Array<{ kind: string; sql: string }> = [
  {
    kind: 'table',
    sql: `SELECT c.relname AS name, c.relkind::text AS definition
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relname <> $2`,
  },
  {
    // Not attnum: a column added by a later migration sits last, which Prisma does not mind.
    kind: 'column',
    sql: `SELECT c.relname || '.' || a.attname AS name,
                 concat_ws(' ', format_type(a.atttypid, a.atttypmod),
                           CASE WHEN a.attnotnull THEN 'NOT NULL' ELSE 'NULL' END,
                           'DEFAULT ' || pg_get_expr(d.adbin, d.adrelid),
                           nullif(a.attidentity, '')::text, nullif(a.attgenerated, '')::text,
                           'COLLATE ' || nullif(co.collname, 'default')) AS definition
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
           WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> $2
             AND a.attnum > 0 AND NOT a.attisdropped`,
  },
  {
    // Not expression indexes: schema.prisma cannot describe them (the search's trigram indexes
    // are hand-written in their migration and checked by the server's search tests).
    kind: 'index',
    sql: `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
           WHERE n.nspname = $1 AND t.relname <> $2 AND x.indexprs IS NULL`,
  },
  {
    kind: 'constraint',
    sql: `SELECT t.relname || '.' || k.conname AS name, k.contype::text || ' ' || pg_get_constraintdef(k.oid) AS definition
            FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
           WHERE n.nspname = $1 AND t.relname <> $2`,
  },
  {
    kind: 'enum',
    sql: `SELECT t.typname AS name, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS definition
            FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = $1 AND t.typname <> $2
           GROUP BY t.typname`,
  },
];

export async function readCatalog(url: string, schema = 'public'): Promise<Catalog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const catalog: Catalog = {};
    for (const { kind, sql } of QUERIES) {
      const { rows } = await client.query<{ name: string; definition: string }>(sql, [schema, IGNORED_TABLE]);
      for (const row of rows) catalog[`${kind} ${row.name}`] = row.definition;
    }
    return catalog;
  } finally {
    await client.end();
  }
}

/** Human-readable differences between two catalogs; empty when they are the same. */
export function compareCatalogs(
  expected: Catalog,
  actual: Catalog,
  labels = { expected: 'expected', actual: 'actual' },
): string[] {
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return keys.flatMap((key) => {
    const want = expected[key];
    const have = actual[key];
    if (want === have) return [];
    if (have === undefined) return [`${key}: only in ${labels.expected} (${want})`];
    if (want === undefined) return [`${key}: only in ${labels.actual} (${have})`];
    return [`${key}: ${labels.expected} has "${want}", ${labels.actual} has "${have}"`];
  });
}
