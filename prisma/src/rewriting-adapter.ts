// A driver adapter factory whose every statement passes through `rewrite` before it reaches
// PostgreSQL, inside transactions too. What is rewritten, and why, lives with each rewrite
// (count-without-offset.ts, search-condition.ts).
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

export type StatementRewrite = (query: SqlQuery) => SqlQuery;

function wrapQueryable<T extends SqlDriverAdapter | Transaction>(queryable: T, rewrite: StatementRewrite): T {
  return new Proxy(queryable, {
    get(target, property, receiver) {
      if (property === 'queryRaw') return (query: SqlQuery) => target.queryRaw(rewrite(query));
      if (property === 'executeRaw') return (query: SqlQuery) => target.executeRaw(rewrite(query));
      if (property === 'startTransaction') {
        return async (...args: Parameters<SqlDriverAdapter['startTransaction']>) =>
          wrapQueryable(await (target as SqlDriverAdapter).startTransaction(...args), rewrite);
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The driver adapter factory `inner`, sending each statement as `rewrite` makes it. */
export function rewritingAdapter<F extends SqlDriverAdapterFactory>(inner: F, rewrite: StatementRewrite): F {
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (property === 'connect') return async () => wrapQueryable(await target.connect(), rewrite);
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
