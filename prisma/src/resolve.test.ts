import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDatabase } from './resolve.js';
import { createTemporaryDir } from './temporary-dir.js';

describe('resolveDatabase', () => {
  it('uses DATABASE_URL when it is set, and starts nothing', async () => {
    const database = await resolveDatabase({ DATABASE_URL: ' postgresql://app@db.example:5432/welkom ' });
    expect(database).toMatchObject({ url: 'postgresql://app@db.example:5432/welkom', embedded: false });
    await database.stop();
  });

  it('keeps the embedded data where EMBEDDED_PG_DIR says, never in the developer\'s .data', async () => {
    const root = await createTemporaryDir('welkom-resolve-');
    const dataDir = path.join(root.path, 'postgres');
    const database = await resolveDatabase({ EMBEDDED_PG_DIR: dataDir });
    try {
      expect(database.embedded).toBe(true);
      expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    } finally {
      await database.stop();
      await root.remove();
    }
  });
});
