// The one place a Prisma client is made. Prisma 7 talks to PostgreSQL through the
// `pg` driver adapter, so no native query engine is needed at run time.
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlQuery } from '@prisma/driver-adapter-utils';
import { withoutCountOffset } from './count-without-offset.js';
import { rewritingAdapter } from './rewriting-adapter.js';
import { withSearchConditions } from './search-condition.js';
import { PrismaClient } from './generated/prisma/client.js';
import { statementNamer } from './statement-names.js';

export type { PrismaClient } from './generated/prisma/client.js';
export { Prisma } from './generated/prisma/client.js';
export { SEARCH_MARK, searchValue, withSearchConditions } from './search-condition.js';

export interface CreatePrismaClientOptions {
  /** Called with every SQL statement the client sends; tests use it to count statements. */
  onQuery?: (sql: string) => void;
  /** Pool size per client. */
  maxConnections?: number;
  /** PostgreSQL `statement_timeout` of every pooled connection, in ms; unset: no limit. */
  statementTimeoutMs?: number;
  /** How long a request may wait for a pooled connection (or for a new one to connect), in ms; unset: forever. */
  connectionTimeoutMs?: number;
  /** Interactive transactions: longest wait to start one and longest run, in ms (Prisma's maxWait/timeout). */
  transactionMaxWaitMs?: number;
  transactionTimeoutMs?: number;
  /** Called when a pooled connection fails (the database went away); the pool replaces it. */
  onConnectionError?: (error: Error) => void;
}

export function createPrismaClient(url: string, options: CreatePrismaClientOptions = {}): PrismaClient {
  // Counts without Prisma's zero OFFSET, and text search as one accent-free condition per column.
  const adapter = rewritingAdapter(
    new PrismaPg(
      {
        connectionString: url,
        max: options.maxConnections ?? 10,
        ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
        ...(options.connectionTimeoutMs ? { connectionTimeoutMillis: options.connectionTimeoutMs } : {}),
      },
      {
        // Unnamed (undefined) past the namer's cap; the adapter's type says string only.
        statementNameGenerator: statementNamer() as (query: SqlQuery) => string,
        // A failed idle or in-transaction connection is logged, not thrown: pg-pool drops it and
        // the next request connects afresh, so the server recovers when PostgreSQL is back.
        onPoolError: options.onConnectionError,
        onConnectionError: options.onConnectionError,
      },
    ),
    (query) => withSearchConditions(withoutCountOffset(query)),
  );
  const transactionOptions =
    options.transactionMaxWaitMs || options.transactionTimeoutMs
      ? { maxWait: options.transactionMaxWaitMs, timeout: options.transactionTimeoutMs }
      : undefined;
  if (!options.onQuery) return new PrismaClient({ adapter, transactionOptions });
  const client = new PrismaClient({ adapter, transactionOptions, log: [{ emit: 'event', level: 'query' }] });
  const onQuery = options.onQuery;
  client.$on('query', (event) => onQuery(event.query));
  return client;
}
