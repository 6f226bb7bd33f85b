// Which database a process uses: DATABASE_URL when set, otherwise our own embedded server,
// so `npm start` works on a fresh machine (DESIGN.md, principle 3).
import { startEmbeddedPostgres, type StartEmbeddedPostgresOptions } from './embedded.js';

export interface ResolvedDatabase {
  url: string;
  /** Stops the embedded server; does nothing for DATABASE_URL. */
  stop(): Promise<void>;
  /** True when the embedded server was started. */
  embedded: boolean;
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
