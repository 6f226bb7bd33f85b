// Is the database there? Asked on a connection of its own, so the answer never waits behind
// requests queued for the application's pool (a saturated pool is not an absent database).
import pg from 'pg';

export interface DatabaseProbe {
  /** true when `SELECT 1` answered within `timeoutMs`. Concurrent calls share one probe. */
  check(): Promise<boolean>;
  close(): Promise<void>;
}

export function createDatabaseProbe(url: string, timeoutMs = 2000): DatabaseProbe {
  let client: pg.Client | undefined;
  let inFlight: Promise<boolean> | undefined;
  const drop = () => {
    const old = client;
    client = undefined;
    old?.end().catch(() => {});
  };
  const probe = async (): Promise<boolean> => {
    try {
      if (!client) {
        const fresh = new pg.Client({
          connectionString: url,
          connectionTimeoutMillis: timeoutMs,
          query_timeout: timeoutMs,
        });
        // A broken connection is replaced on the next check; the error must not crash the process.
        fresh.on('error', () => {
          if (client === fresh) drop();
        });
        client = fresh;
        await fresh.connect();
      }
      await client.query('SELECT 1');
      return true;
    } catch {
      drop();
      return false;
    }
  };
  return {
    check: () => {
      inFlight ??= probe().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    close: async () => {
      await inFlight;
      const old = client;
      client = undefined;
      await old?.end().catch(() => {});
    },
  };
}
