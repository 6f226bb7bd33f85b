// `npm start`: the only place that listens and handles signals.
import { leaveSignalsToCaller } from '@welkom/db';
import { parseEnv } from './env.js';
import { createLogger } from './logger.js';
import { start } from './start.js';

let env: ReturnType<typeof parseEnv>;
try {
  env = parseEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const logger = createLogger(env.LOG_LEVEL);

try {
  const running = await start(env, logger);
  logger.info(`Welkom draait op ${running.url} (GraphQL: ${running.url}/graphql)`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await running.stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  leaveSignalsToCaller(); // our shutdown stops the database last, after the final audit checkpoint
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    logger.fatal(
      `Poort ${env.PORT} is al in gebruik. Zet PORT op een andere waarde. | Port ${env.PORT} is in use: set PORT.`,
    );
  } else {
    logger.fatal({ err: error }, 'Welkom could not start');
  }
  process.exit(1);
}
