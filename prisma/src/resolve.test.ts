import { describe, expect, it } from 'vitest';
import { resolveDatabase } from './resolve.js';

describe('resolveDatabase', () => {
  it('uses DATABASE_URL when it is set, and starts nothing', async () => {
    const database = await resolveDatabase({ DATABASE_URL: ' postgresql://app@db.example:5432/welkom ' });
    expect(database).toMatchObject({ url: 'postgresql://app@db.example:5432/welkom', embedded: false });
    await database.stop();
  });
});
