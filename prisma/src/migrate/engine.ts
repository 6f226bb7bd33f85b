// Prisma's schema engine built to WebAssembly, so migrations need no native binary (the
// Prisma 7 CLI downloads one at start-up, which fails offline). The package's entry imports
// `.wasm` as an ES module, which Node cannot do, so the module is instantiated here.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';

export type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';

/** We manage no tables or enums outside schema.prisma. */
export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

// The base tsconfig has no DOM lib, which is where TypeScript declares WebAssembly.
interface WasmRuntime {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const { WebAssembly: wasmRuntime } = globalThis as unknown as { WebAssembly: WasmRuntime };

let loaded: Promise<void> | undefined;

/** Instantiates the wasm module once per process (about 20 ms). */
function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const glue = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(path.join(path.dirname(glue), 'schema_engine_bg.wasm'));
    const { instance } = await wasmRuntime.instantiate(bytes, { './schema_engine_bg.js': withUnrefTimers(bindings) });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loaded;
}

/**
 * The engine arms 10 s timeouts that it never clears; left as they are, every CLI run and
 * test worker would linger 10 s after its work is done. Unref'd, they still fire while the
 * engine has connections open, but no longer keep the process alive.
 */
function withUnrefTimers(glue: typeof bindings): Record<string, unknown> {
  const patched: Record<string, unknown> = { ...glue };
  for (const name of Object.keys(patched).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
    patched[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  return patched;
}

/**
 * Runs `work` with an engine connected to `url`, or with no database at all when `url` is
 * `'offline'` (enough for `diff` between schema files). Connections are closed afterwards.
 */
export async function withSchemaEngine<T>(
  url: string | 'offline',
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const adapters: SqlDriverAdapter[] = [];
  const pool = url === 'offline' ? undefined : new pg.Pool({ connectionString: url, max: 2 });
  const inner = pool ? new PrismaPg(pool) : offlineAdapterFactory();
  // The engine must not outlive this call, so every connection it opens is tracked and closed.
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => track(await inner.connect()),
    connectToShadowDb: async () => track(await inner.connectToShadowDb()),
  };
  const track = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    adapters.push(adapter);
    // adapter-pg runs a script by splitting it on every ";", which breaks function bodies
    // (e.g. the audit trail's append-only trigger). PostgreSQL's simple query protocol takes
    // the whole script at once, as Prisma's native engine sends it.
    if (pool) adapter.executeScript = async (script: string) => void (await pool.query(script));
    return adapter;
  };
  const factory = bindMigrationAwareSqlAdapterFactory(tracking);
  let engine: SchemaEngine | undefined;
  try {
    engine = await explainErrors(factory, () =>
      bindings.SchemaEngine.new({ datamodels: undefined }, logEngine, factory),
    );
    const ready = engine;
    return await explainErrors(factory, () => work(ready));
  } finally {
    engine?.free();
    await Promise.allSettled(adapters.map((adapter) => adapter.dispose()));
    await pool?.end().catch(() => undefined);
  }
}

/** Engine log lines are JSON; show them only when asked (WELKOM_SCHEMA_ENGINE_LOG=1). */
function logEngine(line: string): void {
  if (process.env.WELKOM_SCHEMA_ENGINE_LOG) process.stderr.write(`[schema-engine] ${line}\n`);
}

/** Errors raised in the adapter reach us as "External error id#N"; put the real one back. */
async function explainErrors<T>(
  factory: ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const id = /External error id#(\d+)/.exec(message)?.[1];
    const original = id === undefined ? undefined : factory.errorRegistry.consumeError(Number(id))?.error;
    if (original instanceof Error) throw original;
    throw error;
  }
}

/**
 * An adapter with no database behind it. At start-up the engine asks for the server version;
 * we answer PostgreSQL 15, the oldest server we support, so generated SQL runs on all of them.
 */
function offlineAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  const refuse = (): Promise<never> =>
    Promise.reject(new Error('This schema engine has no database; only diffs between schema files work offline.'));
  const adapter = (): SqlDriverAdapter => ({
    provider: 'postgres',
    adapterName: 'welkom-offline',
    queryRaw: async (query) => {
      if (!query.sql.includes('server_version_num')) return refuse();
      // Column types: Boolean, Text, Int32 (ColumnTypeEnum of driver-adapter-utils).
      return {
        columnNames: ['exists', 'version', 'numeric_version'],
        columnTypes: [5, 7, 0],
        rows: [[true, 'PostgreSQL 15.0', 150000]],
      };
    },
    executeRaw: refuse,
    executeScript: refuse,
    startTransaction: refuse,
    dispose: async () => {},
  });
  return {
    provider: 'postgres',
    adapterName: 'welkom-offline',
    connect: async () => adapter(),
    connectToShadowDb: async () => adapter(),
  };
}
