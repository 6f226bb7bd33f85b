// `npm run bench:profile -- <L1|L2|F1|D1> [--concurrency=8] [--duration=10]`: where the server's
// CPU goes on one read. Starts the server in a process of its own under `node --cpu-prof` over
// an embedded PostgreSQL with the programme, sends the read for a while, stops the server (which
// writes its profile) and prints the self time per package and the heaviest functions.
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { createTemporaryDir, migrate, startEmbeddedPostgres } from '@welkom/db';
import { extractProgramme, loadProgramme, readSourceDocument } from '@welkom/seeds';
import { connectDatabase, db, disconnectDatabase } from '../src/db.js';
import { productionEnv, spawnServer } from './overload.js';

const QUERIES: Record<string, (themeId: string) => { query: string; variables?: Record<string, unknown> }> = {
  L1: () => ({ query: `{ actions(first: 50) { totalCount nodes { id code description status startDate endDate } } }` }),
  L2: () => ({
    query: `{ actions(first: 50) { totalCount nodes { code description status goal { code section { code theme { name } } } partners { name } targetGroups { name } preconditions { text } } } }`,
  }),
  F1: (themeId) => ({
    query: `query ($t: ID!, $q: String!) { actions(first: 50, filter: { themeId: { eq: $t }, q: $q }) { totalCount nodes { code } } }`,
    variables: { t: themeId, q: 'statushouders' },
  }),
};

const argument = (name: string, fallback: number) => {
  const given = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return given ? Number(given.split('=')[1]) : fallback;
};
const operation = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'L1';
const concurrency = argument('concurrency', 8);
const seconds = argument('duration', 10);
// --memory: no CPU profile, only the server's memory: resident at rest and peak under the load.
const memoryOnly = process.argv.includes('--memory');
/** CPU time (user + system) the process has used so far, in ms. */
const cpuMs = (pid: number | undefined) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
};
const rssMb = (pid: number | undefined) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package (or our own source folder) a script URL belongs to. */
function owner(url: string): string {
  if (!url) return '(native/gc/idle)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node core';
  const src = /\/(server|prisma|seeds)\/src\/([^/]+)/.exec(url);
  return src ? `welkom ${src[1]}/${src[2]}` : url;
}

/** Self time per function from `skipMicros` after the profile's start (start-up and warm-up left out). */
function summarise(profile: Profile, skipMicros: number): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  let at = 0;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    if (at >= skipMicros) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  let total = 0;
  let idle = 0;
  const perOwner = new Map<string, number>();
  const perFunction = new Map<string, number>();
  for (const [id, micros] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') {
      idle += micros;
      continue;
    }
    total += micros;
    const key = frame.url ? owner(frame.url) : frame.functionName;
    perOwner.set(key, (perOwner.get(key) ?? 0) + micros);
    const fn = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
    perFunction.set(fn, (perFunction.get(fn) ?? 0) + micros);
  }
  // Inclusive: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (frame: ProfileNode['callFrame']) =>
    `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
  const inclusive = new Map<string, number>();
  for (const [id, micros] of self) {
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at)!.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
    }
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => `${((micros / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
  return [
    `busy ${(total / 1e6).toFixed(1)} s, idle ${(idle / 1e6).toFixed(1)} s`,
    'self time by package:',
    ...top(perOwner, 25),
    'self time by function:',
    ...top(perFunction, 30),
    'inclusive time by function:',
    ...top(inclusive, 60),
  ].join('\n');
}

const root = await createTemporaryDir('welkom-profile-');
const postgres = await startEmbeddedPostgres({ dataDir: path.join(root.path, 'data') });
try {
  await migrate(postgres.url);
  connectDatabase(postgres.url);
  await loadProgramme(db(), extractProgramme(readSourceDocument()));
  const [theme] = await db().$queryRaw<{ id: string }[]>`
    SELECT s."themeId" AS id FROM "Action" a JOIN "Goal" g ON g.id = a."goalId" JOIN "Section" s ON s.id = g."sectionId"
     WHERE a.description ILIKE '%statushouders%' GROUP BY s."themeId" ORDER BY count(*) DESC LIMIT 1`;
  await disconnectDatabase();
  const profileDir = path.join(root.path, 'profile');
  const spawned = performance.now();
  const server = await spawnServer(
    {
      ...(process.argv.includes('--test-mode') ? {} : productionEnv()),
      DATABASE_URL: postgres.url,
      GRAPHQL_MAX_ACTIVE: '64',
      GRAPHQL_MAX_QUEUE: '1024',
      GRAPHQL_DEADLINE_MS: '60000',
      AUDIT_CHECKPOINT_FILE: path.join(root.path, 'checkpoints.jsonl'),
    },
    [
      ...(memoryOnly ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]),
      ...process.argv.filter((arg) => arg.startsWith('--node-arg=')).map((arg) => arg.slice('--node-arg='.length)),
    ],
  );
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idle = rssMb(server.child.pid);
  const body = JSON.stringify(QUERIES[operation]!(theme?.id ?? ''));
  const send = async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const answer = (await response.json()) as { errors?: unknown };
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  };
  for (let i = 0; i < 50; i++) await send(); // warm-up
  const cpuBefore = cpuMs(server.child.pid);
  const started = performance.now();
  const end = started + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await send();
        done++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuPerRequest = (cpuMs(server.child.pid) - cpuBefore) / done;
  const peak = server.peakRssMb();
  await server.stop();
  console.log(
    `${operation} c=${concurrency}: ${done} requests in ${elapsed.toFixed(1)} s = ${(done / elapsed).toFixed(1)} req/s, server CPU ${cpuPerRequest.toFixed(1)} ms per request; server RSS at rest ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB`,
  );
  if (!memoryOnly) {
    const [file] = await readdir(profileDir);
    const profile = JSON.parse(await readFile(path.join(profileDir, file!), 'utf8')) as Profile;
    console.log(summarise(profile, (started - spawned) * 1000));
  }
} finally {
  await postgres.stop();
  await root.remove();
}
process.exit(0);
