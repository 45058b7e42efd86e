import type { ResolvedColumn } from "./query-scope.js";
import type { TableMatch } from "./table-lookup.js";

/** Where a column is used: what the sensitive-column rule names. */
export type ColumnClause = "select list" | "WHERE" | "JOIN" | "SELECT *" | "other";

export interface TableUse {
  /** The name as the statement wrote it. */
  written: string;
  match?: TableMatch;
  role: "read" | "write";
  /** CREATE TABLE / VIEW: a new name is not an unknown table. */
  creates?: boolean;
}

/** What one statement reads, writes and joins, resolved against the bundle. */
export interface StatementFacts {
  /** `select`, `insert`, `update`, `delete`, `merge`, `create_table`, `drop`, … */
  kind: string;
  tables: TableUse[];
  columns: Array<ResolvedColumn & { clause: ColumnClause }>;
  /** Equality conditions between the columns of two tables, grouped by the pair of tables. */
  joins: Array<Array<[ResolvedColumn, ResolvedColumn]>>;
  /** PartiQL: each table a SELECT reads, with the attributes its WHERE fixes by equality. */
  keyReads: Array<{ match: TableMatch; equalities: string[] }>;
}

export function emptyFacts(kind: string): StatementFacts {
  return { kind, tables: [], columns: [], joins: [], keyReads: [] };
}
