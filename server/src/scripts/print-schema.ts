// Prints the SDL partners read (schema.graphql at the repository root).
// `--check` exits 1 when the committed file differs from the code.
import { readFileSync, writeFileSync } from 'node:fs';
import { printSchemaSdl, SCHEMA_FILE } from '../sdl.js';

const sdl = printSchemaSdl();
if (process.argv.includes('--check')) {
  const current = readFileSync(SCHEMA_FILE, 'utf8');
  if (current !== sdl) {
    console.error('schema.graphql is stale: run `npm run schema:print`.');
    process.exit(1);
  }
  console.log('schema.graphql is up to date.');
} else {
  writeFileSync(SCHEMA_FILE, sdl);
  console.log(`Wrote ${SCHEMA_FILE}`);
}
