// Migrations are made by diffing two schema files, so creating one needs no database
// (the engine cannot describe a live database through adapter-pg; see DESIGN.md).
import { NO_FILTER, withSchemaEngine } from './engine.js';

/** A Prisma schema file's name (used in engine error messages) and its text. */
export interface SchemaSource {
  path: string;
  content: string;
}

/**
 * SQL that turns a database built from `from` (or an empty one) into one built from `to`.
 * Returns `undefined` when the two schemas give the same database.
 */
export async function diffSchemas(from: SchemaSource | 'empty', to: SchemaSource): Promise<string | undefined> {
  return withSchemaEngine('offline', async (engine) => {
    const result = await engine.diff({
      from: from === 'empty' ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [from] },
      to: { tag: 'schemaDatamodel', files: [to] },
      script: true,
      // With exitCode set the engine answers 2 for "there are changes", 0 for none.
      exitCode: true,
      filters: NO_FILTER,
    });
    return result.exitCode === 2 ? (result.stdout ?? '') : undefined;
  });
}
