import type { Dataset, DatasetStats, DatasetUsage } from "../../src/model/index.js";
import { compact } from "../shared/order.js";
import { assembleChecks, assembleForeignKeys } from "./assemble-constraints.js";
import { assembleFields } from "./assemble-fields.js";
import { assembleIndexes } from "./assemble-indexes.js";
import { assembleTriggers } from "./assemble-triggers.js";
import type { TableRow } from "./catalog-rows.js";
import type { DatabaseCatalog } from "./read-catalog.js";
import { isoFromEpoch } from "./row-values.js";
import { tableUri } from "./resource-uri.js";
import { readableViewDefinition } from "./view-definition.js";

const objectTypes: Record<string, string> = {
  "BASE TABLE": "table",
  "SYSTEM VERSIONED": "system-versioned table",
  VIEW: "view",
};

/** TABLE_ROWS is exact for MyISAM and Aria, an estimate from index statistics for InnoDB. */
function statsOf(table: TableRow): DatasetStats | undefined {
  const innodb = table.engine?.toLowerCase() === "innodb";
  const size =
    table.dataLength === undefined && table.indexLength === undefined
      ? undefined
      : (table.dataLength ?? 0) + (table.indexLength ?? 0);
  if (table.rowCount === undefined && size === undefined) return undefined;
  return compact<DatasetStats>({
    rowEstimate: table.rowCount,
    sizeBytes: size,
    source: `information_schema.TABLES${innodb ? ", an InnoDB estimate" : ""}`,
  });
}

/** UPDATE_TIME is NULL for many engines and, in InnoDB, only kept since the server started. */
function usageOf(table: TableRow): DatasetUsage | undefined {
  const usage = compact<DatasetUsage>({
    lastDataChange: isoFromEpoch(table.updatedEpoch),
    createdAt: isoFromEpoch(table.createdEpoch),
    source: "information_schema.TABLES",
  });
  return Object.keys(usage).length > 1 ? usage : undefined;
}

/** One dataset's catalog facts; `referencedBy` is filled in from every database's keys. */
export function assembleDataset(
  table: TableRow,
  catalog: DatabaseCatalog,
  server: { uri: string; flavour: "mysql" | "mariadb" },
): Dataset {
  const isView = table.type === "VIEW";
  const stats = isView ? undefined : statsOf(table);
  const { keys, indexes } = assembleIndexes(catalog.indexParts.get(table.name) ?? []);
  return compact<Dataset>({
    ref: { database: catalog.database, name: table.name },
    kind: isView ? "view" : "table",
    objectType: objectTypes[table.type] ?? table.type.toLowerCase(),
    // A view's TABLE_COMMENT is the word "VIEW", not a comment.
    comment: isView || !table.comment?.trim() ? undefined : table.comment,
    resource: tableUri(server.uri, catalog.database, table.name),
    fields: assembleFields(
      catalog.columns.get(table.name) ?? [],
      catalog.columnStats.get(table.name) ?? [],
      { flavour: server.flavour, isView, rowEstimate: stats?.rowEstimate },
    ),
    keys,
    foreignKeys: assembleForeignKeys(
      catalog.database,
      table.name,
      catalog.foreignKeyParts.get(table.name) ?? [],
      catalog.referential.get(table.name) ?? [],
    ),
    referencedBy: [],
    checks: assembleChecks(catalog.checks.get(table.name) ?? []),
    indexes,
    triggers: assembleTriggers(catalog.triggers.get(table.name) ?? []),
    partitions: [],
    viewDefinition: isView
      ? viewDefinitionOf(catalog.views.get(table.name), server.flavour)
      : undefined,
    stats,
    usage: isView ? undefined : usageOf(table),
    tags: [],
  });
}

function viewDefinitionOf(
  definition: string | undefined,
  flavour: "mysql" | "mariadb",
): string | undefined {
  const text = definition?.trim();
  return text ? readableViewDefinition(text, flavour) : undefined;
}
