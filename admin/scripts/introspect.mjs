// Build-time introspection: the console is generated from the committed schema.graphql, so
// production needs no open introspection and the console always matches the printed API.
// Introspection does not carry applied directives, so each type's `@access` data (who may read
// and change it) is written beside it, to access.json; src/schema/model.ts reads both.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, getDirectiveValues, introspectionFromSchema, isObjectType } from 'graphql';

const sdlPath = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
const outDir = fileURLToPath(new URL('../src/generated/', import.meta.url));

const schema = buildSchema(readFileSync(sdlPath, 'utf8'));
const introspection = introspectionFromSchema(schema, { descriptions: true });
const directive = schema.getDirective('access');
const access = {};
for (const type of Object.values(schema.getTypeMap())) {
  const values =
    directive && isObjectType(type) && type.astNode ? getDirectiveValues(directive, type.astNode) : undefined;
  if (values) access[type.name] = values;
}
mkdirSync(outDir, { recursive: true });
writeFileSync(new URL('introspection.json', `file://${outDir}`), `${JSON.stringify(introspection)}\n`);
writeFileSync(new URL('access.json', `file://${outDir}`), `${JSON.stringify(access)}\n`);
console.log(`admin: introspection and access data of schema.graphql written to src/generated/`);
