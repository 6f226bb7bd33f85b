// Overload and faults, against the real server in a process of its own (so its peak memory is
// its own): a burst of heavy reads, a burst of writes, and PostgreSQL killed under load.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Peak resident memory of the server process so far (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/**
 * What a production server is started with (fresh random keys): NODE_ENV=production also turns
 * off graphql-js' development checks and the Prisma plugin's unused-query check, which cost CPU
 * on every field; the peers in bench:peers run in production mode too.
 */
export function productionEnv(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(48).toString('base64'),
    PANEL_DATA_KEY: randomBytes(32).toString('base64'),
    AUDIT_CHECKPOINT_KEY: randomBytes(48).toString('base64'),
  };
}

/**
 * The Node flags of `npm start` (server/package.json): a young generation of 4 MB semi-spaces
 * instead of 16 keeps about 45 MB less resident, at rest and at peak (measured with
 * `npm run bench:profile -- L2 --memory`), for slightly more frequent minor collections.
 */
export const START_FLAGS = ['--max-semi-space-size=4'];

export async function spawnServer(env: Record<string, string>, nodeArgs: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...START_FLAGS, ...nodeArgs, '--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      // info: the line that says where it listens; requests are logged at debug only.
      LOG_LEVEL: 'info',
      RATE_LIMIT_ANONYMOUS: '0',
      RATE_LIMIT_USER: '0',
      RATE_LIMIT_TOKEN: '0',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${log.join('')}`));
    }, 120_000);
    const keep = (chunk: unknown) => log.length < 200 && log.push(String(chunk));
    child.stderr?.on('data', keep);
    child.stdout?.on('data', (chunk) => {
      keep(chunk);
      const match = /draait op (http:\/\/[\d.:]+)/.exec(String(chunk));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${log.join('')}`)));
  });
  child.removeAllListeners('exit');
  return {
    child,
    url,
    peakRssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface Result {
  ms: number;
  status: number;
  code?: string;
  data?: any;
}

export async function post(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  cookie?: string,
): Promise<Result> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
    return {
      ms: performance.now() - started,
      status: response.status,
      code: body.errors?.[0]?.extensions?.code,
      data: body.data,
    };
  } catch {
    return { ms: performance.now() - started, status: 0, code: 'NETWORK' };
  }
}

export async function login(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`,
      variables: { e: email, p: password },
    }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`login failed: ${await response.text()}`);
  return cookie;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;
};

// Asks /health every 25 ms from a process of its own, so the benchmark client's own work (300
// responses to parse) does not count as the server's latency; prints the latencies on SIGTERM.
const HEALTH_PROBE = `
let stop = false;
process.on('SIGTERM', () => { stop = true; });
const latencies = [];
(async () => {
  while (!stop) {
    const started = performance.now();
    await fetch(process.env.HEALTH_URL);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  process.stdout.write(JSON.stringify(latencies));
})();`;

/** `count` requests at once, while /health is asked every 25 ms. */
export async function burst(server: ServerProcess, count: number, request: (index: number) => Promise<Result>) {
  const probe = spawn(process.execPath, ['-e', HEALTH_PROBE], {
    env: { ...process.env, HEALTH_URL: `${server.url}/health` },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  probe.stdout.on('data', (chunk) => (output += String(chunk)));
  const probeDone = new Promise((resolve) => probe.once('exit', resolve));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const results = await Promise.all(Array.from({ length: count }, (_, index) => request(index)));
  probe.kill('SIGTERM');
  await probeDone;
  // The first answers (before the burst) are left out.
  const health = (JSON.parse(output || '[]') as number[]).slice(5);
  const ok = results.filter((result) => result.status === 200 && !result.code);
  const refused = results.filter(
    (result) => result.status === 503 && ['OVERLOADED', 'TRY_AGAIN'].includes(result.code ?? ''),
  );
  const other = results.filter((result) => !ok.includes(result) && !refused.includes(result));
  return {
    ok: ok.length,
    refused: refused.length,
    errors: other.length,
    otherCodes: [
      ...new Set(
        other.map((result) =>
          result.status ? `${result.status} ${result.code}` : "no HTTP answer: the client's fetch failed",
        ),
      ),
    ],
    p50: percentile(
      ok.map((result) => result.ms),
      50,
    ),
    p99: percentile(
      ok.map((result) => result.ms),
      99,
    ),
    healthP50: percentile(health, 50),
    healthMax: Math.max(...health),
    peakRssMb: server.peakRssMb(),
  };
}

/**
 * Reads and writes for `seconds`; `kill` is called at `killAt` s and resolves when it has done
 * its part. Reports the outage as clients saw it and whether every acknowledged write is stored.
 */
export async function loadWithOutage(
  url: string,
  cookie: string,
  options: { label: string; seconds: number; killAt: number; kill: () => Promise<number | undefined> },
) {
  const started = performance.now();
  const outcomes: { at: number; ok: boolean; code?: string; status: number }[] = [];
  const acknowledged: string[] = [];
  let written = 0;
  const until = started + options.seconds * 1000;
  const reader = async () => {
    while (performance.now() < until) {
      const result = await post(url, `{ actions(limit: 20) { totalCount nodes { code goal { code } } } }`, {}, cookie);
      outcomes.push({
        at: performance.now() - started,
        ok: result.status === 200 && !result.code,
        code: result.code,
        status: result.status,
      });
      if (result.code) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const writer = async (id: number) => {
    while (performance.now() < until) {
      const name = `${options.label} ${id}-${++written}`;
      const result = await post(
        url,
        `mutation ($name: String!) { createTargetGroup(input: { name: $name }) { id } }`,
        { name },
        cookie,
      );
      const ok = result.status === 200 && !result.code;
      outcomes.push({ at: performance.now() - started, ok, code: result.code, status: result.status });
      if (ok) acknowledged.push(name);
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  let killedAt = 0;
  let backAt: number | undefined;
  const fault = (async () => {
    await new Promise((resolve) => setTimeout(resolve, options.killAt * 1000));
    killedAt = performance.now() - started;
    const back = await options.kill();
    backAt = back === undefined ? undefined : back - started;
  })();
  await Promise.all([reader(), reader(), reader(), writer(1), writer(2), fault]);
  const failures = outcomes.filter((outcome) => !outcome.ok);
  const lastFailure = failures.at(-1);
  const firstSuccess = outcomes.find((outcome) => outcome.ok && outcome.at > (lastFailure?.at ?? killedAt));
  return {
    requests: outcomes.length,
    ok: outcomes.length - failures.length,
    failures: failures.length,
    byCode: Object.entries(
      failures.reduce<Record<string, number>>((counts, failure) => {
        const key = `${failure.status} ${failure.code}`;
        counts[key] = (counts[key] ?? 0) + 1;
        return counts;
      }, {}),
    )
      .map(([code, count]) => `${count}× ${code}`)
      .join(', '),
    internal: failures.filter(
      (failure) => !['DATABASE_UNAVAILABLE', 'TRY_AGAIN', 'OVERLOADED'].includes(failure.code ?? ''),
    ).length,
    outageMs: lastFailure && firstSuccess ? firstSuccess.at - killedAt : 0,
    // The pool may serve before the start-up call returns: 0 then.
    afterBackMs: backAt !== undefined && firstSuccess ? Math.max(0, firstSuccess.at - backAt) : undefined,
    acknowledged,
  };
}

export const postmasterPid = (dataDir: string): number =>
  Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
