import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  /** A `pg` connection string: user postgres, database postgres, no password, no TLS. */
  url: string;
  /** Closes client sockets, the listener and the engine; safe to call more than once. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /**
   * Whether the engine keeps activity statistics (pg_stat_user_tables: scan and tuple counters,
   * last analyze / scan times). Off by default: those figures carry wall-clock timestamps and
   * are flushed on a one-second timer, so they would differ on every demo run, while the demo's
   * bundle must be reproducible byte for byte. Planner statistics (pg_class, pg_stats) are
   * unaffected.
   */
  trackCounts?: boolean;
  /** TCP port on 127.0.0.1; 0 (the default) lets the system pick a free one. */
  port?: number;
}

/**
 * Several pool clients may connect at once; the socket server runs their queries one at a time
 * on the single PGlite session, keeping each open transaction on its own connection.
 */
const maxConnections = 16;

/**
 * Starts PostgreSQL in-process (PGlite, WebAssembly) behind a TCP listener on a free loopback
 * port, so that callers reach it through the same `pg` driver code as a real server.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const db = await PGlite.create({
    postgresqlconf: options.trackCounts === true ? [] : ["track_counts = off"],
  });
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  const port = listeningPort(server.getServerConn());

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      try {
        await server.stop();
      } finally {
        // Sockets detach asynchronously and may still roll back an open transaction.
        await new Promise((resolve) => setImmediate(resolve));
        if (!db.closed) await db.close();
      }
    })();
    return stopping;
  };

  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`, stop };
}

/** `getServerConn()` is `host:port`; the port is only known once the listener is bound. */
function listeningPort(serverConn: string): number {
  const port = Number(serverConn.slice(serverConn.lastIndexOf(":") + 1));
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error(`The embedded PostgreSQL listener reported no port (${serverConn}).`);
  }
  return port;
}
