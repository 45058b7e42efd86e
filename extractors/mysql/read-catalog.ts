import type { DatasetRef, ExtractionFailure } from "../../src/model/index.js";
import { errorMessage } from "../../src/errors.js";
import { groupBy } from "../shared/order.js";
import * as sql from "./catalog-queries.js";
import {
  checkRow,
  columnRow,
  foreignKeyPartRow,
  indexPartRow,
  referentialRow,
  tableRow,
  triggerRow,
  viewRow,
  viewTableUsageRow,
  type CheckRow,
  type ColumnRow,
  type ForeignKeyPartRow,
  type IndexPartRow,
  type ObjectRow,
  type ReferentialRow,
  type TableRow,
  type TriggerRow,
  type ViewRow,
  type ViewTableUsageRow,
} from "./catalog-rows.js";
import { readColumnStats, type ColumnStatsRow } from "./column-stats.js";
import type { ObjectListing } from "./list-objects.js";
import type { MysqlSession } from "./mysql-session.js";
import type { ServerFeatures, ServerFlavour } from "./server-flavour.js";
import { sortedRefs, viewReadsFromDefinition } from "./view-reads.js";

/** Everything the extractor needs from one database; maps are keyed by table name. */
export interface DatabaseCatalog {
  database: string;
  /** Matched tables and views in name order. */
  tables: TableRow[];
  columns: Map<string, ColumnRow[]>;
  indexParts: Map<string, IndexPartRow[]>;
  foreignKeyParts: Map<string, ForeignKeyPartRow[]>;
  referential: Map<string, ReferentialRow[]>;
  checks: Map<string, CheckRow[]>;
  views: Map<string, string>;
  /** By view: the tables and views it reads; absent when that could not be told. */
  viewReads: Map<string, DatasetRef[]>;
  columnStats: Map<string, ColumnStatsRow[]>;
  triggers: Map<string, TriggerRow[]>;
}

export interface Catalog {
  databases: DatabaseCatalog[];
  failures: ExtractionFailure[];
}

type Mapper<T> = (raw: Record<string, unknown>) => T;

async function rows<T>(session: MysqlSession, statement: sql.Statement, map: Mapper<T>) {
  return (await session.query(statement.sql, statement.values)).map(map);
}

const byTable = <T extends { tableName: string }>(items: T[]) =>
  groupBy(items, (item) => item.tableName);

/** A fixed number of queries for one database, whatever the number of its tables. */
async function readDatabase(
  session: MysqlSession,
  database: string,
  objects: readonly ObjectRow[],
  total: number,
  server: { flavour: ServerFlavour; features: ServerFeatures },
  visible: ReadonlySet<string>,
): Promise<DatabaseCatalog> {
  const names = objects.map((object) => object.name);
  // Without a filter, the IN list is left out: the same rows, and a shorter statement.
  const scope: sql.Scope = { database, names: names.length === total ? undefined : names };
  const planned = new Set(names);
  const tables = (await rows(session, sql.tablesQuery(scope), tableRow))
    .filter((table) => planned.has(table.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const columns = await rows(session, sql.columnsQuery(scope), columnRow);
  const indexParts = await rows(
    session,
    sql.indexesQuery(scope, server.features.indexExpressions),
    indexPartRow,
  );
  const foreignKeyParts = await rows(session, sql.foreignKeyColumnsQuery(scope), foreignKeyPartRow);
  const referential = await rows(session, sql.referentialQuery(scope), referentialRow);
  const checks = server.features.checkConstraints
    ? await rows(session, sql.checksQuery(scope, server.flavour.kind), checkRow)
    : [];
  const viewNames = objects.filter((object) => object.type === "VIEW").map((view) => view.name);
  const views =
    viewNames.length === 0
      ? []
      : await rows(session, sql.viewsQuery({ database, names: viewNames }), viewRow);
  const usage =
    viewNames.length > 0 && server.features.viewTableUsage
      ? await rows(
          session,
          sql.viewTableUsageQuery({ database, names: viewNames }),
          viewTableUsageRow,
        )
      : undefined;
  const columnStats = await readColumnStats(session, scope, server.features);
  const triggers = await rows(session, sql.triggersQuery(scope), triggerRow);
  return {
    database,
    tables,
    columns: byTable(columns),
    indexParts: byTable(indexParts),
    foreignKeyParts: byTable(foreignKeyParts),
    referential: byTable(referential),
    checks: byTable(checks),
    views: new Map(views.map((view) => [view.name, view.definition ?? ""])),
    viewReads: viewReadsOf(views, usage, visible),
    columnStats: byTable(columnStats),
    triggers: byTable(triggers),
  };
}

/**
 * MySQL names a view's tables in VIEW_TABLE_USAGE; MariaDB only in the definition, which is
 * empty without SHOW VIEW: then what the view reads is unknown, not nothing.
 */
function viewReadsOf(
  views: readonly ViewRow[],
  usage: readonly ViewTableUsageRow[] | undefined,
  visible: ReadonlySet<string>,
): Map<string, DatasetRef[]> {
  if (usage) {
    const byView = groupBy(usage, (row) => row.viewName);
    return new Map(
      views.map((view) => [
        view.name,
        sortedRefs(
          (byView.get(view.name) ?? []).map((row) => ({
            database: row.refDatabase,
            name: row.refTable,
          })),
        ),
      ]),
    );
  }
  return new Map(
    views
      .filter((view) => (view.definition ?? "").trim() !== "")
      .map((view) => [view.name, viewReadsFromDefinition(view.definition ?? "", visible)]),
  );
}

function unreadableDatabase(database: string, error: unknown): ExtractionFailure {
  return {
    scope: { database, name: "*" },
    message: `Database "${database}" could not be read: ${errorMessage(error)}`,
    hint: "Check the user's grants on it, or leave it out with `databases` or `exclude`.",
  };
}

/**
 * Reads the catalog of every database that has matched objects. A database whose catalog
 * cannot be read becomes a failure; the others are still read.
 */
export async function readCatalog(
  session: MysqlSession,
  listing: ObjectListing,
  server: { flavour: ServerFlavour; features: ServerFeatures },
): Promise<Catalog> {
  const catalog: Catalog = { databases: [], failures: [...listing.failures] };
  for (const [database, objects] of groupBy(listing.objects, (object) => object.database)) {
    try {
      const total = listing.totals.get(database) ?? objects.length;
      catalog.databases.push(
        await readDatabase(session, database, objects, total, server, listing.visible),
      );
    } catch (error) {
      catalog.failures.push(unreadableDatabase(database, error));
    }
  }
  return catalog;
}
