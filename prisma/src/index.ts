export * from './client.js';
export * from './generated/prisma/enums.js';
// Model types (Theme, Action, ...) as the generated client names them.
export type * from './generated/prisma/client.js';
export {
  leaveSignalsToCaller,
  startEmbeddedPostgres,
  type EmbeddedPostgresServer,
  type StartEmbeddedPostgresOptions,
} from './embedded.js';
export { createDatabaseProbe, type DatabaseProbe } from './probe.js';
export { resolveDatabase, resolveDatabaseForTool, type ResolvedDatabase } from './resolve.js';
export { findRunningEmbedded, type RunningEmbedded } from './running-embedded.js';
export { migrate, type MigrateOptions } from './migrate/apply.js';
export { createTemporaryDir, type TemporaryDir } from './temporary-dir.js';
