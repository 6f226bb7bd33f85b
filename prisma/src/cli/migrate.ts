// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the embedded server
// (the running one, when `npm start` holds it).
import { migrate } from '../migrate/apply.js';
import { resolveDatabaseForTool } from '../resolve.js';

const database = await resolveDatabaseForTool();
try {
  const applied = await migrate(database.url);
  console.log(applied.length ? `Applied ${applied.length}: ${applied.join(', ')}` : 'Database is up to date.');
} finally {
  await database.stop();
}
