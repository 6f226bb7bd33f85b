// Prisma sends every `count` as `SELECT COUNT(*) FROM (SELECT id FROM t WHERE … OFFSET $n) AS sub`
// with $n = 0. `OFFSET` makes the subquery a fence PostgreSQL may not flatten, so a large count
// cannot use a parallel aggregate (reported on 100,000 rows: 340 ms against 147 ms). This adapter
// wrapper sends that exact shape without its zero offset; any other statement passes untouched.
import type { SqlDriverAdapterFactory, SqlQuery } from '@prisma/driver-adapter-utils';
import { rewritingAdapter } from './rewriting-adapter.js';

const PRISMA_COUNT = /^SELECT COUNT\(\*\) AS "_count\$_all" FROM \((SELECT [\s\S]*) OFFSET \$(\d+)\) AS "sub"$/;

/** The statement without a zero `OFFSET` when it is Prisma's count wrapper; else the statement itself. */
export function withoutCountOffset(query: SqlQuery): SqlQuery {
  const match = PRISMA_COUNT.exec(query.sql);
  if (!match) return query;
  const position = Number(match[2]);
  // Only the last parameter can be dropped without renumbering the others.
  if (position !== query.args.length || Number(query.args[position - 1]) !== 0) return query;
  return {
    sql: `SELECT COUNT(*) AS "_count$_all" FROM (${match[1]}) AS "sub"`,
    args: query.args.slice(0, -1),
    argTypes: query.argTypes.slice(0, -1),
  };
}

/** The driver adapter factory `inner`, sending Prisma's counts without their zero offset. */
export function countWithoutOffset<F extends SqlDriverAdapterFactory>(inner: F): F {
  return rewritingAdapter(inner, withoutCountOffset);
}
