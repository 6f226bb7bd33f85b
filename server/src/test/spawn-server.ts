// A real server process (`src/main.ts`, as `npm start` runs it) for the tests that need one: a
// restart, a second instance, a command-line tool beside a running server.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
const LISTENING = /draait op (http:\/\/[\d.:]+)/;

export interface SpawnedServer {
  child: ChildProcess;
  /** Where it listens, from its start-up line. */
  url: string;
  /** Everything it wrote to stdout and stderr so far. */
  log: string[];
}

/**
 * Starts the server with `env` over the test process's environment and resolves once it
 * listens; rejects with its output when it exits first or does not listen within `timeoutMs`.
 */
export function spawnServer(env: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<SpawnedServer> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      // Stopped, not left behind: a server that never listened may still hold its PostgreSQL.
      child.kill('SIGTERM');
      reject(new Error(`no start within ${timeoutMs / 1000} s:\n${log.join('')}`));
    }, timeoutMs);
    child.stderr?.on('data', (chunk) => log.push(String(chunk)));
    child.stdout?.on('data', (chunk) => {
      log.push(String(chunk));
      const match = LISTENING.exec(String(chunk));
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, log });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${log.join('')}`));
    });
  });
}

/** Sends `signal` and resolves with the exit code (null after a kill by signal). */
export function stopServer(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}
