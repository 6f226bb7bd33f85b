// The one place a Prisma client is made. Prisma 7 talks to PostgreSQL through the
// `pg` driver adapter, so no native query engine is needed at run time.
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlQuery } from '@prisma/driver-adapter-utils';
import { countWithoutOffset } from './count-without-offset.js';
import { PrismaClient } from './generated/prisma/client.js';
import { statementNamer } from './statement-names.js';

export type { PrismaClient } from './generated/prisma/client.js';
export { Prisma } from './generated/prisma/client.js';

export interface CreatePrismaClientOptions {
  /** Called with every SQL statement the client sends; tests use it to count statements. */
  onQuery?: (sql: string) => void;
  /** Pool size per client. */
  maxConnections?: number;
}

export function createPrismaClient(url: string, options: CreatePrismaClientOptions = {}): PrismaClient {
  const adapter = countWithoutOffset(
    new PrismaPg(
      { connectionString: url, max: options.maxConnections ?? 10 },
      // Unnamed (undefined) past the namer's cap; the adapter's type says string only.
      { statementNameGenerator: statementNamer() as (query: SqlQuery) => string },
    ),
  );
  if (!options.onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  const onQuery = options.onQuery;
  client.$on('query', (event) => onQuery(event.query));
  return client;
}
