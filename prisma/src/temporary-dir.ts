// A throw-away folder for an embedded PostgreSQL (tests, benchmarks). mkdtemp makes folders
// private to their creator; as root, PostgreSQL runs as the `postgres` user and must be able
// to enter the folder, so it is opened to 0755 here, in one place.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TemporaryDir {
  path: string;
  remove(): Promise<void>;
}

export async function createTemporaryDir(prefix: string): Promise<TemporaryDir> {
  const root = await mkdtemp(path.join(tmpdir(), prefix));
  await chmod(root, 0o755);
  return { path: root, remove: () => rm(root, { recursive: true, force: true }) };
}
