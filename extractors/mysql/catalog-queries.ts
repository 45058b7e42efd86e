/**
 * The catalog queries, all against information_schema, with `?` bind parameters only. Every
 * query but the first two reads one database; `names` narrows it to the matched objects when
 * include/exclude left some out, so excluded tables are never looked at.
 */

export interface Statement {
  sql: string;
  values: unknown[];
}

/** Which objects of one database a query reads: all, or the listed ones. */
export interface Scope {
  database: string;
  /** Undefined when every object of the database matched. */
  names?: readonly string[];
}

function placeholders(count: number): string {
  return Array.from({ length: count }, () => "?").join(", ");
}

/** `schema = ? [AND name IN (?, …)]` for one scope. */
function scoped(schemaColumn: string, nameColumn: string, scope: Scope): Statement {
  if (scope.names === undefined) return { sql: `${schemaColumn} = ?`, values: [scope.database] };
  return {
    sql: `${schemaColumn} = ? AND ${nameColumn} IN (${placeholders(scope.names.length)})`,
    values: [scope.database, ...scope.names],
  };
}

function statement(select: string, where: Statement, extra = ""): Statement {
  return { sql: `${select} WHERE ${where.sql}${extra}`, values: where.values };
}

export const identityQuery = "SELECT VERSION() AS version, CURRENT_USER() AS user";

export const databasesQuery = "SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA";

/** Names and kinds only: cheap, no table is opened for its statistics. */
export function objectsQuery(databases: readonly string[]): Statement {
  return {
    sql:
      "SELECT TABLE_SCHEMA AS db, TABLE_NAME AS name, TABLE_TYPE AS type " +
      `FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (${placeholders(databases.length)})`,
    values: [...databases],
  };
}

export function tablesQuery(scope: Scope): Statement {
  return statement(
    "SELECT TABLE_NAME AS name, TABLE_TYPE AS type, ENGINE AS engine, TABLE_ROWS AS rowCount, " +
      "DATA_LENGTH AS dataLength, INDEX_LENGTH AS indexLength, " +
      // UNIX_TIMESTAMP reads the times in the session's time zone, whatever it is.
      "UNIX_TIMESTAMP(CREATE_TIME) AS createdEpoch, UNIX_TIMESTAMP(UPDATE_TIME) AS updatedEpoch, " +
      "TABLE_COMMENT AS comment FROM information_schema.TABLES",
    scoped("TABLE_SCHEMA", "TABLE_NAME", scope),
  );
}

export function columnsQuery(scope: Scope): Statement {
  return statement(
    "SELECT TABLE_NAME AS tableName, COLUMN_NAME AS name, ORDINAL_POSITION AS position, " +
      "COLUMN_TYPE AS columnType, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS defaultValue, " +
      "EXTRA AS extra, GENERATION_EXPRESSION AS generation, COLUMN_COMMENT AS comment " +
      "FROM information_schema.COLUMNS",
    scoped("TABLE_SCHEMA", "TABLE_NAME", scope),
  );
}

/** `withExpressions`: the server has STATISTICS.EXPRESSION (MySQL 8.0.13+). */
export function indexesQuery(scope: Scope, withExpressions: boolean): Statement {
  return statement(
    "SELECT TABLE_NAME AS tableName, INDEX_NAME AS indexName, NON_UNIQUE AS nonUnique, " +
      "SEQ_IN_INDEX AS sequence, COLUMN_NAME AS columnName, SUB_PART AS prefixLength, " +
      `INDEX_TYPE AS indexType, COLLATION AS collation, ${withExpressions ? "EXPRESSION" : "NULL"} AS expression ` +
      "FROM information_schema.STATISTICS",
    scoped("TABLE_SCHEMA", "TABLE_NAME", scope),
  );
}

export function foreignKeyColumnsQuery(scope: Scope): Statement {
  return statement(
    "SELECT TABLE_NAME AS tableName, CONSTRAINT_NAME AS name, COLUMN_NAME AS columnName, " +
      "ORDINAL_POSITION AS position, REFERENCED_TABLE_SCHEMA AS refDatabase, " +
      "REFERENCED_TABLE_NAME AS refTable, REFERENCED_COLUMN_NAME AS refColumn " +
      "FROM information_schema.KEY_COLUMN_USAGE",
    scoped("TABLE_SCHEMA", "TABLE_NAME", scope),
    " AND REFERENCED_TABLE_NAME IS NOT NULL",
  );
}

export function referentialQuery(scope: Scope): Statement {
  return statement(
    "SELECT TABLE_NAME AS tableName, CONSTRAINT_NAME AS name, UPDATE_RULE AS onUpdate, " +
      "DELETE_RULE AS onDelete FROM information_schema.REFERENTIAL_CONSTRAINTS",
    scoped("CONSTRAINT_SCHEMA", "TABLE_NAME", scope),
  );
}

/** MariaDB names the table in CHECK_CONSTRAINTS; MySQL (8.0.16+) only in TABLE_CONSTRAINTS. */
export function checksQuery(scope: Scope, flavour: "mysql" | "mariadb"): Statement {
  if (flavour === "mariadb") {
    return statement(
      "SELECT TABLE_NAME AS tableName, CONSTRAINT_NAME AS name, CHECK_CLAUSE AS expression " +
        "FROM information_schema.CHECK_CONSTRAINTS",
      scoped("CONSTRAINT_SCHEMA", "TABLE_NAME", scope),
    );
  }
  return statement(
    "SELECT tc.TABLE_NAME AS tableName, cc.CONSTRAINT_NAME AS name, " +
      "cc.CHECK_CLAUSE AS expression FROM information_schema.TABLE_CONSTRAINTS AS tc " +
      "JOIN information_schema.CHECK_CONSTRAINTS AS cc " +
      "ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME",
    scoped("tc.TABLE_SCHEMA", "tc.TABLE_NAME", scope),
    " AND tc.CONSTRAINT_TYPE = 'CHECK'",
  );
}

/** VIEW_DEFINITION is empty unless the user has SHOW VIEW (or defined the view). */
export function viewsQuery(scope: Scope): Statement {
  return statement(
    "SELECT TABLE_NAME AS name, VIEW_DEFINITION AS definition FROM information_schema.VIEWS",
    scoped("TABLE_SCHEMA", "TABLE_NAME", scope),
  );
}

/** The tables and views each view reads (MySQL 8.0.13+); `scope` names the views. */
export function viewTableUsageQuery(scope: Scope): Statement {
  return statement(
    "SELECT VIEW_NAME AS viewName, TABLE_SCHEMA AS refDatabase, TABLE_NAME AS refTable " +
      "FROM information_schema.VIEW_TABLE_USAGE",
    scoped("VIEW_SCHEMA", "VIEW_NAME", scope),
  );
}

/** MariaDB's engine-independent statistics (ANALYZE TABLE … PERSISTENT); no values read. */
export function mariadbColumnStatsQuery(scope: Scope): Statement {
  return statement(
    "SELECT table_name AS tableName, column_name AS columnName, nulls_ratio AS nullsRatio, " +
      "avg_length AS avgLength, avg_frequency AS avgFrequency FROM mysql.column_stats",
    scoped("db_name", "table_name", scope),
  );
}

/**
 * MySQL 8 histograms (ANALYZE TABLE … UPDATE HISTOGRAM). Only the null fraction, the kind and
 * the number of buckets leave the server: bucket bounds are data values and are never read.
 */
export function mysqlHistogramsQuery(scope: Scope): Statement {
  return statement(
    "SELECT TABLE_NAME AS tableName, COLUMN_NAME AS columnName, " +
      "JSON_EXTRACT(HISTOGRAM, '$.\"null-values\"') AS nullsRatio, " +
      "JSON_UNQUOTE(JSON_EXTRACT(HISTOGRAM, '$.\"histogram-type\"')) AS histogramType, " +
      "JSON_LENGTH(HISTOGRAM, '$.buckets') AS buckets " +
      "FROM information_schema.COLUMN_STATISTICS",
    scoped("SCHEMA_NAME", "TABLE_NAME", scope),
  );
}

/**
 * Triggers on the matched tables: names, timing and event only, never ACTION_STATEMENT (the
 * body). The user sees only the triggers of tables it has the TRIGGER privilege on.
 */
export function triggersQuery(scope: Scope): Statement {
  return statement(
    "SELECT EVENT_OBJECT_TABLE AS tableName, TRIGGER_NAME AS name, ACTION_TIMING AS timing, " +
      "EVENT_MANIPULATION AS event FROM information_schema.TRIGGERS",
    scoped("EVENT_OBJECT_SCHEMA", "EVENT_OBJECT_TABLE", scope),
  );
}
