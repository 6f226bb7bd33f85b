import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resetRefusal } from './reset.js';

describe('db:reset', () => {
  it('is refused when NODE_ENV=production, and allowed otherwise', () => {
    expect(resetRefusal({ NODE_ENV: 'production' })).toMatch(/Refusing to reset/);
    expect(resetRefusal({ NODE_ENV: 'development' })).toBeUndefined();
  });

  it('exits with code 1 and says why, before touching any database', () => {
    const cli = fileURLToPath(new URL('../cli/reset.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
    // An unreachable DATABASE_URL: had the guard not stopped it, connecting would fail differently.
    const run = spawnSync(tsx, [cli], {
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Refusing to reset the database: NODE_ENV=production');
  });
});
