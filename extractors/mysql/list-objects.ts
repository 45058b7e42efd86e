import type { ExtractionFailure } from "../../src/model/index.js";
import { SourceError } from "../../src/errors.js";
import { byKeys } from "../shared/order.js";
import { databasesQuery, objectsQuery } from "./catalog-queries.js";
import { objectRow, type ObjectRow } from "./catalog-rows.js";
import type { MysqlSession } from "./mysql-session.js";
import { quoteIdentifier } from "./quote.js";
import { tableFilter } from "./table-filter.js";
import { requiredText } from "./row-values.js";

/** The server's own databases: read only when `databases` names them. */
const systemDatabases = ["mysql", "information_schema", "performance_schema", "sys"];

/** TABLE_TYPE → whether okf extracts it (sequences, temporary and system views are left out). */
const extractedTypes = new Set(["BASE TABLE", "SYSTEM VERSIONED", "VIEW"]);

export interface ObjectListing {
  /** Matched objects in output order (database, name). */
  objects: ObjectRow[];
  /** Per database: how many of its objects there are in all, to know when no filter applies. */
  totals: Map<string, number>;
  /** Every database the user can see, read or not (to recognise a view's tables). */
  visible: ReadonlySet<string>;
  failures: ExtractionFailure[];
}

/**
 * A requested database the user cannot see: MySQL shows no database the user has no privilege
 * in, and does not say whether it exists at all.
 */
function invisibleDatabase(database: string, user: string): ExtractionFailure {
  const [userName = user, host = "%"] = user.split("@");
  return {
    scope: { database, name: "*" },
    message:
      `Database "${database}" was skipped: it does not exist, or user ${user} has no ` +
      "privilege on it.",
    hint:
      `Check the name in \`databases\`, or GRANT SELECT, SHOW VIEW ON ${quoteIdentifier(database)}.* ` +
      `TO '${userName}'@'${host}';`,
  };
}

/**
 * Which databases to read, then the names and kinds of their objects (one cheap query), matched
 * against include/exclude before anything else about them is read.
 */
export async function listObjects(
  session: MysqlSession,
  options: { include: string[]; exclude: string[]; databases?: string[] },
  user: string,
): Promise<ObjectListing> {
  const matches = tableFilter(options.include, options.exclude);
  const visible = new Set(
    (await session.query(databasesQuery)).map((row) => requiredText(row.name)),
  );
  const requested = options.databases ?? [...visible].filter((d) => !systemDatabases.includes(d));
  const readable = requested.filter((database) => visible.has(database));
  const failures = requested
    .filter((database) => !visible.has(database))
    .map((database) => invisibleDatabase(database, user));
  if (options.databases && readable.length === 0) {
    throw new SourceError(
      `None of the databases in \`databases\` (${options.databases.join(", ")}) exists or is ` +
        `readable by user ${user}.`,
      "Check the names (they are case-sensitive on most servers) and the user's grants.",
    );
  }
  if (readable.length === 0) return { objects: [], totals: new Map(), visible, failures };
  const statement = objectsQuery(readable);
  const all = (await session.query(statement.sql, statement.values))
    .map(objectRow)
    .filter((row) => extractedTypes.has(row.type));
  const totals = new Map<string, number>();
  for (const row of all) totals.set(row.database, (totals.get(row.database) ?? 0) + 1);
  const objects = all
    .filter((row) => matches(row.database, row.name))
    .sort(
      byKeys(
        (row) => row.database,
        (row) => row.name,
      ),
    );
  return { objects, totals, visible, failures };
}
