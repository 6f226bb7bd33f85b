// The hand-written peer of the benchmark: node:http + pg, one SQL statement per answer, the
// JSON built by PostgreSQL (json_agg). The limit of this stack: no GraphQL, no mapping layer.
// GET /<operation>?<parameters>; prints "listening <url>" when ready. DATABASE_URL, PORT.
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const ACTION_RELATIONS = `
  'goal', (SELECT json_build_object('code', g.code, 'section', json_build_object('code', s.code, 'theme', json_build_object('name', t.name)))
           FROM "Goal" g JOIN "Section" s ON s.id = g."sectionId" JOIN "Theme" t ON t.id = s."themeId" WHERE g.id = a."goalId"),
  'partners', (SELECT coalesce(json_agg(json_build_object('name', p.name) ORDER BY p.name), '[]') FROM "ActionPartner" ap JOIN "Partner" p ON p.id = ap."partnerId" WHERE ap."actionId" = a.id),
  'targetGroups', (SELECT coalesce(json_agg(json_build_object('name', tg.name) ORDER BY tg.name), '[]') FROM "ActionTargetGroup" atg JOIN "TargetGroup" tg ON tg.id = atg."targetGroupId" WHERE atg."actionId" = a.id),
  'preconditions', (SELECT coalesce(json_agg(json_build_object('text', pc.text) ORDER BY pc."sortOrder"), '[]') FROM "Precondition" pc WHERE pc."actionId" = a.id)`;

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

const operations = {
  L1: () => [
    `SELECT json_build_object('totalCount', (SELECT count(*) FROM "Action"),
       'nodes', (SELECT coalesce(json_agg(json_build_object('id', a.id, 'code', a.code, 'description', a.description, 'status', a.status,
                 'startDate', a."startDate", 'endDate', a."endDate") ORDER BY a.code), '[]')
                 FROM (SELECT * FROM "Action" ORDER BY code LIMIT 50) a)) AS data`,
    [],
  ],
  L2: () => [
    `SELECT json_build_object('totalCount', (SELECT count(*) FROM "Action"),
       'nodes', (SELECT coalesce(json_agg(json_build_object('code', a.code, 'description', a.description, 'status', a.status, ${ACTION_RELATIONS}) ORDER BY a.code), '[]')
                 FROM (SELECT * FROM "Action" ORDER BY code LIMIT 50) a)) AS data`,
    [],
  ],
  D1: (q) => [
    `SELECT json_build_object('code', a.code,
       'goal', (SELECT json_build_object('code', g.code) FROM "Goal" g WHERE g.id = a."goalId"),
       'partners', (SELECT coalesce(json_agg(json_build_object('name', p.name) ORDER BY p.name), '[]') FROM "ActionPartner" ap JOIN "Partner" p ON p.id = ap."partnerId" WHERE ap."actionId" = a.id),
       'preconditions', (SELECT coalesce(json_agg(json_build_object('text', pc.text) ORDER BY pc."sortOrder"), '[]') FROM "Precondition" pc WHERE pc."actionId" = a.id)) AS data
     FROM "Action" a WHERE a.id = $1`,
    [q.get('id')],
  ],
  // Like PostGraphile's connection filter: ILIKE on each text column (a scan), theme by join.
  F1: (q) => [
    `WITH matched AS (
       SELECT a.code FROM "Action" a JOIN "Goal" g ON g.id = a."goalId" JOIN "Section" s ON s.id = g."sectionId"
       WHERE s."themeId" = $1 AND (${SEARCHED.map((c) => `a."${c}" ILIKE $2`).join(' OR ')}))
     SELECT json_build_object('totalCount', (SELECT count(*) FROM matched),
       'nodes', (SELECT coalesce(json_agg(json_build_object('code', m.code) ORDER BY m.code), '[]') FROM (SELECT code FROM matched ORDER BY code LIMIT 50) m)) AS data`,
    [q.get('themeId'), `%${q.get('word')}%`],
  ],
  M1: (q) => [
    `UPDATE "Action" SET notes = $2, "updatedAt" = now() WHERE id = $1 RETURNING json_build_object('notes', notes) AS data`,
    [q.get('id'), q.get('notes')],
  ],
  P1: (q) => [
    `SELECT json_build_object('name', p.name,
       'actions', (SELECT coalesce(json_agg(json_build_object('code', a.code, 'description', a.description) ORDER BY a.code), '[]')
                   FROM "ActionPartner" ap JOIN "Action" a ON a.id = ap."actionId" WHERE ap."partnerId" = p.id)) AS data
     FROM "Partner" p WHERE p.id = $1`,
    [q.get('id')],
  ],
  // Keyset: the page after the row whose code is `after`.
  DEEP: (q) => [
    `SELECT coalesce(json_agg(json_build_object('code', a.code, 'description', a.description) ORDER BY a.code), '[]') AS data
     FROM (SELECT code, description FROM "Action" WHERE code > $1 ORDER BY code LIMIT 50) a`,
    [q.get('after')],
  ],
};

const server = http.createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const operation = operations[url.pathname.slice(1)];
  if (!operation) {
    response.writeHead(404).end();
    return;
  }
  try {
    const [text, values] = operation(url.searchParams);
    const result = await pool.query({ text, values });
    const body = JSON.stringify({ data: result.rows[0]?.data ?? null });
    response
      .writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
      .end(body);
  } catch (error) {
    response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
  }
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
