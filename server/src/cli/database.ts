// The database a command-line tool works on: DATABASE_URL, or the embedded development
// database (migrated first, as `npm start` would; the running server's when `npm start` holds it).
import { type PrismaClient, createPrismaClient, migrate, resolveDatabaseForTool } from '@welkom/db';

export async function openDatabase(): Promise<{ prisma: PrismaClient; embedded: boolean; close: () => Promise<void> }> {
  const database = await resolveDatabaseForTool(process.env, { dataDir: process.env.EMBEDDED_PG_DIR || undefined });
  try {
    if (database.embedded) await migrate(database.url);
    const prisma = createPrismaClient(database.url, { maxConnections: 2 });
    return {
      prisma,
      embedded: database.embedded,
      close: async () => {
        await prisma.$disconnect();
        await database.stop();
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}

/** An API error (BAD_USER_INPUT with fieldErrors, CONFLICT) as lines a person can act on. */
export function describeError(error: unknown): string {
  const extensions = (error as { extensions?: Record<string, unknown> }).extensions;
  const fieldErrors = extensions?.fieldErrors as { field: string; message: string }[] | undefined;
  if (fieldErrors?.length) return fieldErrors.map((item) => item.message).join('\n');
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a command's work on the database, prints a failure as lines a person can act on, and
 * exits 1 then, 0 otherwise.
 */
export async function runOnDatabase(work: (prisma: PrismaClient) => Promise<void>): Promise<never> {
  let exitCode = 0;
  const database = await openDatabase();
  try {
    await work(database.prisma);
  } catch (error) {
    console.error(describeError(error));
    exitCode = 1;
  } finally {
    await database.close();
  }
  process.exit(exitCode);
}
