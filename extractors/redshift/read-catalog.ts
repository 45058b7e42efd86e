import { SourceError } from "../../src/errors.js";
import { byKeys, groupBy } from "../shared/order.js";
import { includeExcludeFilter } from "../shared/name-filter.js";
import * as sql from "./catalog-queries.js";
import type {
  ColumnRow,
  ConstraintColumnRow,
  ExternalSchemaRow,
  ExternalTableRow,
  IdentityRow,
  KeyColumnRow,
  MaterializedViewRow,
  PartitionKeyRow,
  SchemaRow,
  TableInfoRow,
  TableRow,
  ViewRow,
} from "./catalog-rows.js";
import type { ReadQuery, RedshiftSession } from "./connect.js";

/** `schema.table` → value; names may contain dots, so the key is built from both parts. */
type ByTable<T> = Map<string, T>;

export const tableKey = (schema: string, table: string): string => JSON.stringify([schema, table]);

/** Everything the extractor needs from one database, read in one read-only transaction. */
export interface Catalog {
  identity: IdentityRow;
  /** Matched objects in schemas the user may use, in output order (schema, name). */
  tables: TableRow[];
  /** Matched objects in schemas without USAGE: reported, not extracted. */
  unusable: TableRow[];
  columns: ByTable<ColumnRow[]>;
  /** Absent for a table with no row; the whole map is empty when svv_table_info is unreadable. */
  tableInfo: ByTable<TableInfoRow>;
  keyColumns: ByTable<KeyColumnRow[]>;
  constraints: ConstraintColumnRow[];
  views: ByTable<ViewRow>;
  externalSchemas: Map<string, ExternalSchemaRow>;
  externalTables: ByTable<ExternalTableRow>;
  partitionKeys: ByTable<PartitionKeyRow[]>;
  materializedViews: Set<string>;
}

/** Schemas of Redshift itself, never documented. */
function isSystemSchema(schema: string): boolean {
  return /^pg_/.test(schema) || schema === "information_schema" || schema === "catalog_history";
}

/**
 * `include` / `exclude` over `<schema>.<table>`, with `/` swapped as in the PostgreSQL
 * extractor, so that `*` matches a `/` inside a name.
 */
export function tableFilter(
  include: readonly string[],
  exclude: readonly string[],
): (schema: string, table: string) => boolean {
  const matches = includeExcludeFilter(
    include,
    exclude,
    "Patterns use picomatch syntax, e.g. sales.* or *.tmp_*.",
    { slashIsCharacter: true },
  );
  return (schema, table) => matches(`${schema}.${table}`);
}

/** The table Redshift keeps a materialized view's rows in (`mv_tbl__<view>__0`) is internal. */
function storesMaterializedView(row: TableRow, materializedViews: ReadonlySet<string>): boolean {
  const view = /^mv_tbl__(.+)__\d+$/.exec(row.name)?.[1];
  return view !== undefined && materializedViews.has(tableKey(row.schema, view));
}

const byQualifiedName = byKeys<TableRow>(
  (row) => row.schema,
  (row) => row.name,
);

function byTable<T extends { schema: string }>(
  rows: readonly T[],
  name: (row: T) => string,
): ByTable<T> {
  return new Map(rows.map((row) => [tableKey(row.schema, name(row)), row]));
}

function groupByTable<T extends { schema: string; table: string }>(
  rows: readonly T[],
): ByTable<T[]> {
  return groupBy(rows, (row) => tableKey(row.schema, row.table));
}

async function readIdentity(query: ReadQuery): Promise<IdentityRow> {
  const [identity] = await query<IdentityRow>(sql.identityQuery);
  if (!identity) throw new SourceError("Redshift did not say which database it serves.");
  return identity;
}

/**
 * Reads the catalog with a fixed number of queries, whatever the number of tables, inside one
 * read-only transaction (Redshift's snapshot isolation: every query sees the same state).
 */
export async function readCatalog(
  session: RedshiftSession,
  matches: (schema: string, table: string) => boolean,
): Promise<Catalog> {
  return session.readOnly(async (query) => {
    const identity = await readIdentity(query);
    const inDatabase = <T extends { database: string | null }>(rows: T[]) =>
      rows.filter((row) => row.database?.trim() === identity.database);
    const schemas = await query<SchemaRow>(sql.schemasQuery);
    const listed = await query<TableRow>(sql.tablesQuery);
    const columns = await query<ColumnRow>(sql.columnsQuery);
    const tableInfo = identity.tableInfoReadable
      ? await query<TableInfoRow>(sql.tableInfoQuery)
      : [];
    const keyColumns = await query<KeyColumnRow>(sql.keyColumnsQuery);
    const constraints = await query<ConstraintColumnRow>(sql.constraintsQuery);
    const views = await query<ViewRow>(sql.viewsQuery);
    const externalSchemas = await query<ExternalSchemaRow>(sql.externalSchemasQuery);
    const externalTables = inDatabase(await query<ExternalTableRow>(sql.externalTablesQuery));
    const partitionKeys = inDatabase(await query<PartitionKeyRow>(sql.partitionKeysQuery));
    const materialized = inDatabase(await query<MaterializedViewRow>(sql.materializedViewsQuery));

    const materializedViews = new Set(
      materialized.map((row) => tableKey(row.schema.trim(), row.name.trim())),
    );
    const usable = new Set(schemas.filter((row) => row.usable).map((row) => row.schema));
    const matched = listed
      .filter((row) => !isSystemSchema(row.schema) && matches(row.schema, row.name))
      .filter((row) => !storesMaterializedView(row, materializedViews))
      .sort(byQualifiedName);
    return {
      identity,
      tables: matched.filter((row) => usable.has(row.schema)),
      unusable: matched.filter((row) => !usable.has(row.schema)),
      columns: groupByTable(columns),
      tableInfo: byTable(tableInfo, (row) => row.table),
      keyColumns: groupByTable(keyColumns),
      constraints,
      views: byTable(views, (row) => row.name),
      externalSchemas: new Map(externalSchemas.map((row) => [row.schema, row])),
      externalTables: byTable(externalTables, (row) => row.name),
      partitionKeys: groupByTable(partitionKeys),
      materializedViews,
    };
  });
}
