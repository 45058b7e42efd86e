import type { Dataset, DatasetKind } from "../../src/model/index.js";
import { newDataset } from "../../src/model/new-dataset.js";
import { compact } from "../shared/order.js";
import type { ConstraintFacts } from "./assemble-constraints.js";
import { assembleFields } from "./assemble-fields.js";
import type { TableRow } from "./catalog-rows.js";
import { externalObjectType, externalStats, glueLink, storageFacts } from "./external-facts.js";
import { tableKey, type Catalog } from "./read-catalog.js";
import { relationUri } from "./resource-uri.js";
import { tableStats, warehouseFacts } from "./warehouse-facts.js";

/** Created `WITH NO SCHEMA BINDING`: Redshift keeps the whole CREATE VIEW as the definition. */
export function isLateBinding(definition: string | null | undefined): boolean {
  return /\bwith\s+no\s+schema\s+binding\s*;?\s*$/i.test(definition ?? "");
}

export interface AssembleContext {
  catalog: Catalog;
  /** The database's resource URI. */
  resource: string;
  constraints: (schema: string, table: string) => ConstraintFacts;
  /** The config's `glue_source`, for links from Spectrum tables. */
  glueSource?: string;
}

function kindOf(
  table: TableRow,
  catalog: Catalog,
  definition: string | null | undefined,
): { kind: DatasetKind; objectType: string } {
  const key = tableKey(table.schema, table.name);
  if (table.tableType === "EXTERNAL TABLE") {
    const schema = catalog.externalSchemas.get(table.schema);
    return { kind: "external_table", objectType: externalObjectType(schema) };
  }
  if (catalog.materializedViews.has(key)) {
    return { kind: "materialized_view", objectType: "materialized view" };
  }
  if (table.tableType === "VIEW") {
    return {
      kind: "view",
      objectType: isLateBinding(definition) ? "late-binding view" : "view",
    };
  }
  return { kind: "table", objectType: "table" };
}

/** One table, view or external table, from the catalog read in one go. */
export function assembleDataset(table: TableRow, context: AssembleContext): Dataset {
  const { catalog } = context;
  const database = catalog.identity.database;
  const key = tableKey(table.schema, table.name);
  const definition = catalog.views.get(key)?.definition;
  const { kind, objectType } = kindOf(table, catalog, definition);
  const external = catalog.externalTables.get(key);
  const info = catalog.tableInfo.get(key);
  const stored = kind === "table" || kind === "materialized_view";
  const dataset = newDataset({
    ref: { database, schema: table.schema, name: table.name },
    kind,
    objectType,
    resource: relationUri(context.resource, table.schema, table.name),
    fields: assembleFields(
      catalog.columns.get(key) ?? [],
      kind === "table" || kind === "external_table",
    ),
    ...(kind === "table" ? context.constraints(table.schema, table.name) : {}),
  });
  return compact<Dataset>({
    ...dataset,
    comment: table.comment?.trim() || undefined,
    viewDefinition: kind === "table" ? undefined : definition?.trim() || undefined,
    stats: stored
      ? tableStats(info, catalog.identity.tableInfoReadable)
      : external && externalStats(external),
    warehouse: stored ? warehouseFacts(catalog.keyColumns.get(key) ?? [], info) : undefined,
    storage: external && storageFacts(external, catalog.partitionKeys.get(key) ?? []),
    linked:
      kind === "external_table"
        ? glueLink(catalog.externalSchemas.get(table.schema), table.name, context.glueSource)
        : undefined,
  });
}
