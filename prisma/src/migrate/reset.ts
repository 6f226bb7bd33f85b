// `npm run db:reset`: an empty public schema, then every migration again. Development only.
import pg from 'pg';
import { migrate } from './apply.js';

/** Why a reset must not run in this environment, or undefined when it may. */
export function resetRefusal(env: NodeJS.ProcessEnv): string | undefined {
  if (env.NODE_ENV === 'production') {
    return 'Refusing to reset the database: NODE_ENV=production. A reset drops every table and all their data.';
  }
  return undefined;
}

/** Drops and recreates the public schema, then applies all migrations; returns their names. */
export async function resetDatabase(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  } finally {
    await client.end();
  }
  return migrate(url);
}
