import pg from 'pg';

/** Runs SQL on a connection of its own (CREATE/DROP DATABASE cannot run inside a pool's transaction). */
export async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
