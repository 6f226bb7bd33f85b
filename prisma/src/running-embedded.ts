// The embedded PostgreSQL another process (`npm start`) is running on a data folder, if any,
// so a command-line tool can work beside it instead of failing to start a second postmaster
// on the same data. PostgreSQL itself says where it listens: postmaster.pid holds the pid
// (line 1), the port (line 4) and the state (line 8, "ready" once it accepts connections).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { EMBEDDED_DATABASE, isServerFor } from './embedded.js';

// The same fixed credentials as embedded.ts: the server listens on 127.0.0.1 only.
const USER = 'postgres';
const PASSWORD = 'postgres';

export interface RunningEmbedded {
  pid: number;
  port: number;
  url: string;
}

/** The live embedded server on `dataDir`, or null when none runs (or it is not ready yet). */
export async function findRunningEmbedded(
  dataDir: string,
  database = EMBEDDED_DATABASE,
): Promise<RunningEmbedded | null> {
  const resolved = path.resolve(dataDir);
  let lines: string[];
  try {
    lines = (await readFile(path.join(resolved, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return null;
  }
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  if (!(await isServerFor(pid, resolved))) return null;
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  // Starting up or shutting down: wait a little for "ready" (and the connection to succeed).
  for (let attempt = 0; attempt < 50; attempt++) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return { pid, port, url };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(`PostgreSQL (pid ${pid}) runs on ${resolved}, port ${port}, but does not accept connections.`);
}
