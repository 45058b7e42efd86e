import { ConfigError } from "../../src/errors.js";
import type { MysqlSession } from "./mysql-session.js";
import { requiredText } from "./row-values.js";

/** Which MySQL-family server answers: the execution time limit and some catalogs differ. */
export interface ServerFlavour {
  kind: "mysql" | "mariadb";
  /** `VERSION()` as the server says it, e.g. `10.11.6-MariaDB` or `8.0.36`. */
  version: string;
}

export function flavourOf(version: string): ServerFlavour {
  return { kind: /mariadb/i.test(version) ? "mariadb" : "mysql", version };
}

/** Catalog features that depend on the server's version. */
export interface ServerFeatures {
  /** information_schema.STATISTICS.EXPRESSION: functional key parts (MySQL 8.0.13+). */
  indexExpressions: boolean;
  /** information_schema.CHECK_CONSTRAINTS (MySQL 8.0.16+, MariaDB 10.2+). */
  checkConstraints: boolean;
  /** information_schema.COLUMN_STATISTICS histograms (MySQL 8.0+). */
  histograms: boolean;
  /** mysql.column_stats, engine-independent statistics (MariaDB 10.0+). */
  columnStats: boolean;
  /** information_schema.VIEW_TABLE_USAGE: the tables a view reads (MySQL 8.0.13+; not MariaDB). */
  viewTableUsage: boolean;
}

/** [major, minor, patch]; Aurora MySQL 3 reports "8.0.mysql_aurora.3…", which is 8.0.23 or later. */
function versionNumbers(version: string): [number, number, number] {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(version);
  const patch = match?.[3] ?? (/aurora/i.test(version) ? "23" : "0");
  return [Number(match?.[1] ?? 0), Number(match?.[2] ?? 0), Number(patch)];
}

function atLeast(version: string, wanted: [number, number, number]): boolean {
  const actual = versionNumbers(version);
  for (let index = 0; index < 3; index += 1) {
    const difference = (actual[index] ?? 0) - (wanted[index] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

export function featuresOf(flavour: ServerFlavour): ServerFeatures {
  if (flavour.kind === "mariadb") {
    return {
      indexExpressions: false,
      checkConstraints: atLeast(flavour.version, [10, 2, 0]),
      histograms: false,
      columnStats: true,
      viewTableUsage: false,
    };
  }
  return {
    indexExpressions: atLeast(flavour.version, [8, 0, 13]),
    checkConstraints: atLeast(flavour.version, [8, 0, 16]),
    histograms: atLeast(flavour.version, [8, 0, 0]),
    columnStats: false,
    viewTableUsage: atLeast(flavour.version, [8, 0, 13]),
  };
}

export async function detectFlavour(session: MysqlSession): Promise<ServerFlavour> {
  const [row] = await session.query<{ version: unknown }>("SELECT VERSION() AS version");
  return flavourOf(requiredText(row?.version));
}

/** The server's name and version for progress lines: "MariaDB 10.11.6", "MySQL 8.0.36". */
export function describeFlavour(flavour: ServerFlavour): string {
  const number = /^[\d.]+/.exec(flavour.version)?.[0] ?? flavour.version;
  return `${flavour.kind === "mariadb" ? "MariaDB" : "MySQL"} ${number}`;
}

/**
 * SET takes no bind parameters; the limit is checked to be a plain positive integer instead.
 * MySQL's `max_execution_time` (milliseconds) bounds SELECT statements, which is all okf sends
 * after set-up; MariaDB's `max_statement_time` is in seconds and bounds every statement.
 * `lock_wait_timeout` (whole seconds, default a year) bounds the wait for a metadata lock that
 * another session holds (`LOCK TABLES … WRITE`, an `ALTER TABLE`), so that a locked table
 * costs its sample, not the night: the same limit, rounded up.
 */
export function timeLimitStatement(flavour: ServerFlavour, milliseconds: number): string {
  if (!Number.isSafeInteger(milliseconds) || milliseconds <= 0) {
    throw new ConfigError(
      `statement_timeout_ms must be a positive whole number of milliseconds, not ${String(milliseconds)}.`,
    );
  }
  const lockWait = `lock_wait_timeout = ${String(Math.ceil(milliseconds / 1000))}`;
  return flavour.kind === "mariadb"
    ? `SET SESSION max_statement_time = ${(milliseconds / 1000).toFixed(3)}, ${lockWait}`
    : `SET SESSION max_execution_time = ${String(milliseconds)}, ${lockWait}`;
}
