/**
 * One read-only session with a MySQL-family server, however it is reached: a direct mysql2
 * connection, or Aurora MySQL through the RDS Data API. Catalog and sample code only talk to
 * this, so both paths run the same queries and give the same files.
 */
export interface MysqlSession {
  /** Where the server is, for messages and resource URIs; never credentials. */
  readonly target: { host: string; port: number };
  /**
   * Runs one statement with `?` placeholders. Column values may arrive as numbers or as strings
   * (the Data API returns BIGINT and DECIMAL as strings or longs), so row mapping normalises.
   */
  query<Row extends Record<string, unknown>>(sql: string, values?: unknown[]): Promise<Row[]>;
  /**
   * Runs `read` in one consistent, read-only snapshot, so that every catalog query sees the same
   * state. Optional: a session that cannot hold a transaction open across statements (each Data
   * API call may run on another connection) leaves it out, and statements run one by one.
   */
  snapshot?<T>(read: () => Promise<T>): Promise<T>;
  /** Statements sent so far, session set-up included. */
  requestCount(): number;
  close(): Promise<void>;
}
