// `npm run bench`: the API's speed and memory on a real PostgreSQL loaded with the programme.
// Prints a markdown table; `--write` also puts it in the README between the bench markers.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTemporaryDir, migrate, startEmbeddedPostgres } from '@welkom/db';
import { extractProgramme, loadProgramme, readSourceDocument } from '@welkom/seeds';
import { createAccount } from '../src/auth/accounts.js';
import { configureSecurity } from '../src/auth/settings.js';
import { connectDatabase, db, disconnectDatabase } from '../src/db.js';
import { createApp } from '../src/http/app.js';
import { createLogger } from '../src/logger.js';
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
const server = await startEmbeddedPostgres({ dataDir: path.join(root.path, 'data') });
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
  await createAccount(db(), { email: 'bench@welkom.test', name: 'Benchmark', roles: ['SECRETARY', 'GRANT_OFFICER'], password });
  await post(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`, { e: 'bench@welkom.test', p: password });

  const list = `{ actions(limit: 50) { totalCount nodes { code description status goal { code section { code theme { name } } }
    partners { name } targetGroups { name } preconditions { text } } } }`;
  const one = await post(`{ actions(limit: 1) { nodes { id version } } }`);
  const actionId = one.actions.nodes[0].id as string;
  let version = one.actions.nodes[0].version as number;

  // Grants need applications under review: prepared before timing, one per grant.
  const GRANTS = 220; // 20 warm-up + 200 measured
  const applicant = (await post(`{ partners(limit: 1) { nodes { id } } }`)).partners.nodes[0].id as string;
  const scheme = (
    await post(`mutation ($input: SubsidySchemeCreateInput!) { createSubsidyScheme(input: $input) { id } }`, {
      input: { name: 'Benchmark-regeling', year: 2025 },
    })
  ).createSubsidyScheme.id as string;
  // The ceiling is an administrator's step (setSubsidySchemeLimits); set here as benchmark data.
  await db().subsidyScheme.update({ where: { id: scheme }, data: { ceilingCents: 2_000_000_000 } });
  const inReview: string[] = [];
  for (let i = 0; i < GRANTS; i++) {
    const created = (
      await post(`mutation ($input: SubsidyApplicationCreateInput!) { createSubsidyApplication(input: $input) { id version } }`, {
        input: { schemeId: scheme, applicantId: applicant, activity: 'Themabijeenkomst (benchmark)', contactName: 'Benchmark' },
      })
    ).createSubsidyApplication;
    await post(`mutation ($id: ID!, $v: Int!) { setSubsidyBudget(id: $id, expectedVersion: $v, lines: [{ description: "Zaalhuur", amountCents: 50000 }]) { id } }`, { id: created.id, v: created.version });
    await post(`mutation ($id: ID!) { submitSubsidyApplication(id: $id, reason: "benchmark") { id } }`, { id: created.id });
    await post(`mutation ($id: ID!) { startSubsidyReview(id: $id, reason: "benchmark") { id } }`, { id: created.id });
    inReview.push(created.id);
  }

  const scenarios: { name: string; count: number; concurrency: number; run: () => Promise<unknown> }[] = [
    { name: 'list 50 actions with goal, section, theme, partners, target groups, preconditions', count: 400, concurrency: 8, run: () => post(list) },
    { name: 'one action by id with its relations', count: 400, concurrency: 8, run: () => post(`query ($id: ID!) { action(id: $id) { code goal { code } partners { name } preconditions { text } } }`, { id: actionId }) },
    { name: 'search actions (q) and count', count: 400, concurrency: 8, run: () => post(`{ actions(filter: { q: "statushouders" }) { totalCount nodes { code } } }`) },
    {
      name: 'update an action as a secretary (version check + audit event, sequential)',
      count: 200,
      concurrency: 1,
      run: async () => {
        const data = await post(`mutation ($id: ID!, $v: Int!) { updateAction(id: $id, input: { notes: "bench" }, expectedVersion: $v) { version } }`, { id: actionId, v: version });
        version = data.updateAction.version;
      },
    },
  ];

  scenarios.push({
    name: 'grant a subsidy (scheme row locked for the ceiling, timeline, audit event)',
    count: GRANTS - 20,
    concurrency: 8,
    run: () =>
      post(`mutation ($id: ID!) { grantSubsidy(id: $id, amountCents: 40000, reason: "benchmark") { id } }`, { id: inReview.pop() }),
  });

  scenarios.push(...progressScenarios(post));

  for (const scenario of scenarios) {
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
      (latencies.length / seconds).toFixed(0),
    ]);
  }
  const rssMb = (process.memoryUsage().rss / 1024 / 1024).toFixed(0);
  await app.close();
  await disconnectDatabase();

  const table = [
    '| scenario | concurrency | p50 ms | p95 ms | requests/s |',
    '|---|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    `Start-up work: migrations from empty ${migrateMs.toFixed(0)} ms; extracting the document ${extractMs.toFixed(0)} ms;`,
    `loading the programme ${firstLoadMs.toFixed(0)} ms the first time, ${secondLoadMs.toFixed(0)} ms when nothing changed.`,
    `Server process (API and benchmark client together) RSS after the run: ${rssMb} MB. Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  ].join('\n');
  console.log(table);
  if (process.argv.includes('--write')) {
    const readme = await readFile(README, 'utf8');
    const updated = readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${table}\n<!-- bench:end -->`);
    await writeFile(README, updated);
    console.log('README.md updated.');
  }
} finally {
  await server.stop();
  await root.remove();
}
