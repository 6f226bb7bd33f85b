// npm run db:migration -- <name>
import path from 'node:path';
import { createMigration } from '../migrate/create.js';
import { MIGRATIONS_DIR } from '../migrate/files.js';

const name = process.argv.slice(2).join('_');
if (!name) {
  console.error('Usage: npm run db:migration -- <name>   (e.g. add_budget_lines)');
  process.exit(1);
}
const result = await createMigration({ name });
if (!result.created) {
  console.log('schema.prisma has not changed since the latest migration; nothing written.');
} else {
  console.log(`Wrote ${path.relative(process.cwd(), path.join(MIGRATIONS_DIR, result.directory, 'migration.sql'))}`);
  console.log('Review the SQL (data moves, renames) before committing it.');
}
