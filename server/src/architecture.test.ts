// The import graph flows one way: prisma -> crud/audit/auth -> domain services -> schema -> http.
// A cycle (of files, or of folders) or an upward import fails here, before it becomes Pothos'
// circular-import trap or a service that cannot be tested without GraphQL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import madge from 'madge';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SERVER = 'server/src/';

/** Folders below the schema: they know nothing of GraphQL modules or the HTTP server. */
const BELOW_SCHEMA = ['audit', 'auth', 'crud', 'accounts', 'subsidies', 'panel', 'monitoring', 'progress', 'kaart'];
/** Domain services: rules and data access, testable without GraphQL, so no Pothos. */
const SERVICES = ['accounts', 'subsidies', 'panel', 'monitoring', 'progress', 'kaart'];

let graph: Record<string, string[]>;

beforeAll(async () => {
  const result = await madge([join(root, 'server/src'), join(root, 'seeds/src')], {
    baseDir: root,
    fileExtensions: ['ts'],
    tsConfig: join(root, 'server/tsconfig.json'),
  });
  graph = result.obj();
}, 120_000);

const folderOf = (file: string) => {
  if (!file.startsWith(SERVER)) return file;
  const rest = file.slice(SERVER.length);
  return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : file;
};
const isTest = (file: string) => /\.test\.ts$|\/test\//.test(file);

function cyclesOf(edges: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('the import graph', () => {
  it('has no file-level cycles in server/src and seeds/src', () => {
    const edges = new Map(Object.entries(graph).map(([file, deps]) => [file, new Set(deps)]));
    expect(cyclesOf(edges).map((cycle) => cycle.join(' > '))).toEqual([]);
  });

  it('has no folder-level cycles in server/src', () => {
    const edges = new Map<string, Set<string>>();
    for (const [file, deps] of Object.entries(graph)) {
      if (!file.startsWith(SERVER) || isTest(file)) continue;
      const from = folderOf(file);
      for (const dep of deps) {
        const to = folderOf(dep);
        if (dep.startsWith(SERVER) && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
      if (!edges.has(from)) edges.set(from, new Set());
    }
    expect(cyclesOf(edges).map((cycle) => cycle.join(' > '))).toEqual([]);
  });

  it('keeps crud, audit, auth and the domain services free of schema/ and http/', () => {
    const upward = Object.entries(graph).flatMap(([file, deps]) =>
      BELOW_SCHEMA.includes(folderOf(file)) && !isTest(file)
        ? deps.filter((dep) => ['schema', 'http'].includes(folderOf(dep))).map((dep) => `${file} -> ${dep}`)
        : [],
    );
    expect(upward).toEqual([]);
  });

  it('keeps the domain services free of Pothos and the schema builder, also through what they import', () => {
    const usesPothos = (file: string) =>
      file === `${SERVER}builder.ts` || /from '@pothos\//.test(readFileSync(join(root, file), 'utf8'));
    /** The first chain of imports from `file` to a module that uses Pothos, or undefined. */
    const chainToPothos = (file: string, seen = new Set<string>()): string[] | undefined => {
      if (seen.has(file) || !file.startsWith(SERVER)) return undefined;
      seen.add(file);
      if (usesPothos(file)) return [file];
      for (const dep of graph[file] ?? []) {
        const chain = chainToPothos(dep, seen);
        if (chain) return [file, ...chain];
      }
      return undefined;
    };
    const wired = Object.keys(graph)
      .filter((file) => SERVICES.includes(folderOf(file)) && !isTest(file))
      .map((file) => chainToPothos(file)?.join(' -> '))
      .filter(Boolean);
    expect(wired).toEqual([]);
  });
});
