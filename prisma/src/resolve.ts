// Which database a process uses: DATABASE_URL when set, otherwise our own embedded server,
// so `npm start` works on a fresh machine (DESIGN.md, principle 3).
import { DEFAULT_DATA_DIR, startEmbeddedPostgres, type StartEmbeddedPostgresOptions } from './embedded.js';
import { findRunningEmbedded } from './running-embedded.js';

export interface ResolvedDatabase {
  url: string;
  /** Stops the embedded server; does nothing for DATABASE_URL. */
  stop(): Promise<void>;
  /** True when the database is the embedded server (started here, or by another process). */
  embedded: boolean;
  /** True when the embedded server belongs to another process (e.g. `npm start`); stop() leaves it running. */
  shared?: boolean;
}

export async function resolveDatabase(
  env: NodeJS.ProcessEnv = process.env,
  embeddedOptions: StartEmbeddedPostgresOptions = {},
): Promise<ResolvedDatabase> {
  const url = env.DATABASE_URL?.trim();
  if (url) return { url, stop: async () => {}, embedded: false };
  // EMBEDDED_PG_DIR is the documented setting; every tool (server, seed, db:migrate) honours it here.
  const dataDir = embeddedOptions.dataDir ?? (env.EMBEDDED_PG_DIR?.trim() || undefined);
  const server = await startEmbeddedPostgres({ ...embeddedOptions, dataDir });
  return { url: server.url, stop: server.stop, embedded: true };
}

/**
 * For command-line tools (user:create, seed:demo, seed, audit:verify, db:migrate): like
 * resolveDatabase, but when another process (`npm start`) already runs the embedded server on
 * the data folder, connect to that one instead of starting a second postmaster, which
 * PostgreSQL would refuse; stop() then leaves it running.
 */
export async function resolveDatabaseForTool(
  env: NodeJS.ProcessEnv = process.env,
  embeddedOptions: StartEmbeddedPostgresOptions = {},
): Promise<ResolvedDatabase> {
  if (!env.DATABASE_URL?.trim()) {
    const dataDir = embeddedOptions.dataDir ?? (env.EMBEDDED_PG_DIR?.trim() || DEFAULT_DATA_DIR);
    const running = await findRunningEmbedded(dataDir, embeddedOptions.database);
    if (running) return { url: running.url, stop: async () => {}, embedded: true, shared: true };
  }
  return resolveDatabase(env, embeddedOptions);
}
