// `npm run bench`: the API's speed and memory on a real PostgreSQL loaded with the programme.
// Prints a markdown table; `--write` also puts it in the README between the bench markers.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTemporaryDir, migrate, startEmbeddedPostgres } from '@welkom/db';
import { extractProgramme, loadProgramme, readSourceDocument } from '@welkom/seeds';
import { createAccount } from '../src/accounts/accounts.js';
import { configureSecurity } from '../src/auth/settings.js';
import { connectDatabase, db, disconnectDatabase } from '../src/db.js';
import { createApp } from '../src/http/app.js';
import { createLogger } from '../src/logger.js';
import { benchUploads } from './uploads.js';
import { burst, login, loadWithOutage, post as postTo, postmasterPid, spawnServer } from './overload.js';
import { progressScenarios } from './progress.js';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

const root = await createTemporaryDir('welkom-bench-');
const dataDir = path.join(root.path, 'data');
let server = await startEmbeddedPostgres({ dataDir });
const rows: string[][] = [];
try {
  const [migrateMs] = await time(() => migrate(server.url));
  connectDatabase(server.url);
  const text = readSourceDocument();
  const [extractMs, programme] = await time(async () => extractProgramme(text));
  const [firstLoadMs] = await time(() => loadProgramme(db(), programme));
  const [secondLoadMs] = await time(() => loadProgramme(db(), programme));
  // Measure the API, not the rate limiter (which would refuse a benchmark's burst by design).
  configureSecurity({ rateLimit: { anonymous: 0, token: 0, user: 0 } });
  const app = await createApp({ logger: createLogger('silent'), development: false });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
  let cookie = '';
  const post = async (query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown[]; data?: any };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    cookie = response.headers.get('set-cookie')?.split(';')[0] ?? cookie;
    return body.data;
  };
  // Writes are a secretary's: sign one in (the session cookie rides along from here on).
  const password = 'bench-wachtwoord-2025';
  await createAccount(db(), {
    email: 'bench@welkom.test',
    name: 'Benchmark',
    roles: ['SECRETARY', 'GRANT_OFFICER'],
    password,
  });
  await post(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`, {
    e: 'bench@welkom.test',
    p: password,
  });

  const list = `{ actions(limit: 50) { totalCount nodes { code description status goal { code section { code theme { name } } }
    partners { name } targetGroups { name } preconditions { text } } } }`;
  const one = await post(`{ actions(limit: 1) { nodes { id version } } }`);
  const actionId = one.actions.nodes[0].id as string;
  let version = one.actions.nodes[0].version as number;

  // Grants need applications under review: prepared before timing, one per grant.
  const GRANTS = 220; // 20 warm-up + 200 measured; one more application receives the documents
  const applicant = (await post(`{ partners(limit: 1) { nodes { id } } }`)).partners.nodes[0].id as string;
  const scheme = (
    await post(`mutation ($input: SubsidySchemeCreateInput!) { createSubsidyScheme(input: $input) { id } }`, {
      input: { name: 'Benchmark-regeling', year: 2025 },
    })
  ).createSubsidyScheme.id as string;
  // The ceiling is an administrator's step (setSubsidySchemeLimits); set here as benchmark data.
  await db().subsidyScheme.update({ where: { id: scheme }, data: { ceilingCents: 2_000_000_000 } });
  const inReview: string[] = [];
  for (let i = 0; i <= GRANTS; i++) {
    const created = (
      await post(
        `mutation ($input: SubsidyApplicationCreateInput!) { createSubsidyApplication(input: $input) { id version } }`,
        {
          input: {
            schemeId: scheme,
            applicantId: applicant,
            activity: 'Themabijeenkomst (benchmark)',
            contactName: 'Benchmark',
          },
        },
      )
    ).createSubsidyApplication;
    await post(
      `mutation ($id: ID!, $v: Int!) { setSubsidyBudget(id: $id, expectedVersion: $v, lines: [{ description: "Zaalhuur", amountCents: 50000 }]) { id } }`,
      { id: created.id, v: created.version },
    );
    await post(`mutation ($id: ID!) { submitSubsidyApplication(id: $id, reason: "benchmark") { id } }`, {
      id: created.id,
    });
    await post(`mutation ($id: ID!) { startSubsidyReview(id: $id, reason: "benchmark") { id } }`, { id: created.id });
    inReview.push(created.id);
  }

  const flat = `{ actions(first: 50) { totalCount nodes { id code description status startDate endDate } } }`;
  const scenarios: { name: string; count: number; concurrency: number; run: () => Promise<unknown> }[] = [
    { name: 'list the first 50 actions, flat, with totalCount', count: 400, concurrency: 8, run: () => post(flat) },
    {
      name: 'list 50 actions with goal, section, theme, partners, target groups, preconditions',
      count: 200,
      concurrency: 1,
      run: () => post(list),
    },
    {
      name: 'list 50 actions with goal, section, theme, partners, target groups, preconditions',
      count: 400,
      concurrency: 8,
      run: () => post(list),
    },
    {
      name: 'one action by id with its relations',
      count: 400,
      concurrency: 8,
      run: () =>
        post(`query ($id: ID!) { action(id: $id) { code goal { code } partners { name } preconditions { text } } }`, {
          id: actionId,
        }),
    },
    {
      name: 'search actions (q) and count',
      count: 400,
      concurrency: 8,
      run: () => post(`{ actions(filter: { q: "statushouders" }) { totalCount nodes { code } } }`),
    },
    {
      name: 'update an action as a secretary (version check + audit event, sequential)',
      count: 200,
      concurrency: 1,
      run: async () => {
        const data = await post(
          `mutation ($id: ID!, $v: Int!) { updateAction(id: $id, input: { notes: "bench" }, expectedVersion: $v) { version } }`,
          { id: actionId, v: version },
        );
        version = data.updateAction.version;
      },
    },
  ];

  const forDocuments = inReview.pop()!;
  scenarios.push({
    name: 'grant a subsidy (scheme row locked for the ceiling, timeline, audit event)',
    count: GRANTS - 20,
    concurrency: 8,
    run: () =>
      post(`mutation ($id: ID!) { grantSubsidy(id: $id, amountCents: 40000, reason: "benchmark") { id } }`, {
        id: inReview.pop(),
      }),
  });

  scenarios.push(...progressScenarios(post));

  // `--overload-only`: skip these, for working on the overload and fault scenarios below.
  for (const scenario of process.argv.includes('--overload-only') ? [] : scenarios) {
    for (let i = 0; i < 20; i++) await scenario.run(); // warm-up
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: scenario.concurrency }, async () => {
        while (next < scenario.count) {
          next += 1;
          const [ms] = await time(scenario.run);
          latencies.push(ms);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    rows.push([
      scenario.name,
      String(scenario.concurrency),
      percentile(latencies, 50).toFixed(1),
      percentile(latencies, 95).toFixed(1),
      percentile(latencies, 99).toFixed(1),
      (latencies.length / seconds).toFixed(0),
    ]);
  }
  const rssMb = (process.memoryUsage().rss / 1024 / 1024).toFixed(0);
  const peakRssMb = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  const documents = await benchUploads({
    databaseUrl: server.url,
    dataDir: root.path,
    email: 'bench@welkom.test',
    password,
    applicationId: forDocuments,
  });
  await app.close();

  // Overload and faults: the server in a process of its own, with the settings of `npm start`.
  const goalId = (await db().goal.findFirstOrThrow({ select: { id: true } })).id;
  const WRITES = 250;
  await db().action.createMany({
    data: Array.from({ length: WRITES }, (_, i) => ({
      code: `9.9 ${i + 1}.A`,
      letter: 'A',
      description: 'Benchmark',
      goalId,
    })),
  });
  const writeTargets = await db().action.findMany({
    where: { description: 'Benchmark' },
    select: { id: true, version: true },
  });
  await disconnectDatabase();
  const heavy = list.replace('limit: 50', 'limit: 100');
  const fmt = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '–');
  const burstRows: string[] = [];
  {
    const child = await spawnServer({ DATABASE_URL: server.url });
    const reads = await burst(child, 300, () => postTo(child.url, heavy));
    await child.stop();
    burstRows.push(
      `| 300 at once: list 100 actions with all relations, anonymous | ${reads.ok} | ${reads.refused} | ${reads.errors}${reads.otherCodes.length ? ` (${reads.otherCodes.join(', ')})` : ''} | ${fmt(reads.p50)} | ${fmt(reads.p99)} | ${fmt(reads.healthP50)} / ${fmt(reads.healthMax)} | ${fmt(reads.peakRssMb)} |`,
    );
  }
  {
    const child = await spawnServer({ DATABASE_URL: server.url });
    const secretaryCookie = await login(child.url, 'bench@welkom.test', password);
    const writes = await burst(child, WRITES, (i) =>
      postTo(
        child.url,
        `mutation ($id: ID!, $v: Int!) { updateAction(id: $id, input: { notes: "burst" }, expectedVersion: $v) { version } }`,
        { id: writeTargets[i]!.id, v: writeTargets[i]!.version },
        secretaryCookie,
      ),
    );
    await child.stop();
    burstRows.push(
      `| ${WRITES} at once: update an action each, signed-in secretary | ${writes.ok} | ${writes.refused} | ${writes.errors}${writes.otherCodes.length ? ` (${writes.otherCodes.join(', ')})` : ''} | ${fmt(writes.p50)} | ${fmt(writes.p99)} | ${fmt(writes.healthP50)} / ${fmt(writes.healthMax)} | ${fmt(writes.peakRssMb)} |`,
    );
  }

  // PostgreSQL killed (kill -9) 10 s into 30 s of reads (3 clients) and writes (2 clients).
  const storedNames = async (): Promise<Set<string>> => {
    connectDatabase(server.url);
    const names = new Set((await db().targetGroup.findMany({ select: { name: true } })).map((row) => row.name));
    await disconnectDatabase();
    return names;
  };
  const faultRows: string[] = [];
  const faultRow = async (label: string, outcome: Awaited<ReturnType<typeof loadWithOutage>>) => {
    const stored = await storedNames();
    const missing = outcome.acknowledged.filter((name) => !stored.has(name)).length;
    faultRows.push(
      `| ${label} | ${outcome.requests} | ${outcome.failures} (${outcome.byCode || 'none'}) | ${outcome.internal} | ${fmt(outcome.outageMs)} | ${outcome.afterBackMs === undefined ? '–' : fmt(outcome.afterBackMs)} | ${outcome.acknowledged.length} / ${missing} |`,
    );
  };
  {
    const child = await spawnServer({ DATABASE_URL: server.url });
    const cookie = await login(child.url, 'bench@welkom.test', password);
    const port = Number(new URL(server.url).port);
    const outcome = await loadWithOutage(child.url, cookie, {
      label: 'Storing extern',
      seconds: 30,
      killAt: 10,
      kill: async () => {
        process.kill(postmasterPid(dataDir), 'SIGKILL');
        // As a service manager would: start it again after 2 s.
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        server = await startEmbeddedPostgres({ dataDir, port });
        return performance.now();
      },
    });
    await child.stop();
    await faultRow('external PostgreSQL (`DATABASE_URL`), started again 2 s after the kill', outcome);
  }
  {
    await server.stop();
    const child = await spawnServer({ EMBEDDED_PG_DIR: dataDir });
    const cookie = await login(child.url, 'bench@welkom.test', password);
    const outcome = await loadWithOutage(child.url, cookie, {
      label: 'Storing ingebed',
      seconds: 30,
      killAt: 10,
      kill: async () => {
        process.kill(postmasterPid(dataDir), 'SIGKILL');
        return undefined;
      },
    });
    await child.stop();
    server = await startEmbeddedPostgres({ dataDir });
    await faultRow('embedded PostgreSQL, restarted by the server itself', outcome);
  }

  const table = [
    '| scenario | concurrency | p50 ms | p95 ms | p99 ms | requests/s |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    `Start-up work: migrations from empty ${migrateMs.toFixed(0)} ms; extracting the document ${extractMs.toFixed(0)} ms;`,
    `loading the programme ${firstLoadMs.toFixed(0)} ms the first time, ${secondLoadMs.toFixed(0)} ms when nothing changed.`,
    `Server process (API and benchmark client together) RSS after the run: ${rssMb} MB (peak ${peakRssMb} MB). Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
    '',
    documents,
    '',
    'Bursts against the server in a process of its own, with the default admission control (4 running, 32 waiting):',
    'refused means 503 `OVERLOADED`/`TRY_AGAIN` with `Retry-After`; /health is asked every 25 ms during the burst;',
    "peak RSS is the server process's high-water mark (VmHWM) from its start.",
    '',
    '| burst | succeeded | refused | errors | p50 ms | p99 ms | /health p50 / max ms | peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...burstRows,
    '',
    'PostgreSQL killed with `kill -9` 10 s into 30 s of reads (3 clients) and writes (2 clients, each write acknowledged',
    'or not): failed requests by status and code, internal errors, time from the kill to the first success after the',
    'last failure, the same from PostgreSQL being back, and writes acknowledged / acknowledged but missing afterwards.',
    '',
    '| PostgreSQL | requests | failed | internal | kill → served again ms | back → served ms | acknowledged / missing |',
    '|---|---:|---|---:|---:|---:|---:|',
    ...faultRows,
  ].join('\n');
  console.log(table);
  if (process.argv.includes('--write')) {
    const readme = await readFile(README, 'utf8');
    const updated = readme.replace(
      /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
      `<!-- bench:start -->\n${table}\n<!-- bench:end -->`,
    );
    await writeFile(README, updated);
    console.log('README.md updated.');
  }
} finally {
  await server.stop();
  await root.remove();
}
