// npm run db:reset: drops everything in the public schema and re-applies the migrations.
import { resetDatabase, resetRefusal } from '../migrate/reset.js';
import { resolveDatabase } from '../resolve.js';

// Checked before connecting, so a production database is never touched.
const refusal = resetRefusal(process.env);
if (refusal) {
  console.error(refusal);
  process.exit(1);
}

const database = await resolveDatabase();
try {
  const applied = await resetDatabase(database.url);
  console.log(`Database reset; applied ${applied.length} migration(s).`);
} finally {
  await database.stop();
}
