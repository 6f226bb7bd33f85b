// A real Welkom for tests: its own PostgreSQL database (from @welkom/db/testing), the
// programme data loaded from the document, and the HTTP server on a free port.
// Every SQL statement is counted so tests can keep N+1 out.
import { createTestDatabase } from '@welkom/db/testing';
import { extractProgramme, loadProgramme, readSourceDocument } from '@welkom/seeds';
import { connectDatabase, db, disconnectDatabase } from '../db.js';
import { type App, createApp } from '../http/app.js';
import { createLogger } from '../logger.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface Harness {
  url: string;
  /** Sends one GraphQL operation over HTTP. */
  gql: <T = Record<string, any>>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;
  /** Runs `work` and returns how many SQL statements it caused. */
  countStatements: (work: () => Promise<unknown>) => Promise<{ count: number; statements: string[] }>;
  close: () => Promise<void>;
}

export async function startHarness(
  options: { seed?: boolean; development?: boolean; corsOrigins?: string[] } = {},
): Promise<Harness> {
  const database = await createTestDatabase();
  await database.prisma.$disconnect();
  let recording: string[] | undefined;
  connectDatabase(database.url, { onQuery: (sql) => recording?.push(sql) });
  if (options.seed !== false) await loadProgramme(db(), extractProgramme(readSourceDocument()));
  const app: App = await createApp({
    logger: createLogger('silent'),
    development: options.development ?? false,
    corsOrigins: options.corsOrigins,
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    url,
    gql: async (query, variables) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResponse<never>;
      return { ...body, status: response.status };
    },
    countStatements: async (work) => {
      recording = [];
      try {
        await work();
        // Query events are emitted asynchronously; let them drain.
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { count: recording.length, statements: recording };
      } finally {
        recording = undefined;
      }
    },
    close: async () => {
      await app.close();
      await disconnectDatabase();
      await database.drop();
    },
  };
}
