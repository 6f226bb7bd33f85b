// Build-time introspection: the console is generated from the committed schema.graphql, so
// production needs no open introspection and the console always matches the printed API.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, introspectionFromSchema } from 'graphql';

const sdlPath = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
const outDir = fileURLToPath(new URL('../src/generated/', import.meta.url));

const introspection = introspectionFromSchema(buildSchema(readFileSync(sdlPath, 'utf8')), { descriptions: true });
mkdirSync(outDir, { recursive: true });
writeFileSync(new URL('introspection.json', `file://${outDir}`), `${JSON.stringify(introspection)}\n`);
console.log(`admin: introspection of schema.graphql written to src/generated/introspection.json`);
