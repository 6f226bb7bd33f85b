import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, printSchemaSdl } from './sdl.js';

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema:print` after changing the API)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printSchemaSdl());
  });
});
