import pg from "pg";
import type { RedshiftSourceConfig } from "./config-schema.js";
import type { SourceVocabulary } from "../../src/model/index.js";
import type { Extractor } from "../extractor.js";
import { catalogItems } from "../shared/catalog-items.js";
import { constraintFacts } from "./assemble-constraints.js";
import { assembleDataset, type AssembleContext } from "./assemble-dataset.js";
import { connectRedshift } from "./connect.js";
import { toSourceError } from "./errors.js";
import { readCatalog, tableFilter, type Catalog } from "./read-catalog.js";
import { databaseUri } from "./resource-uri.js";
import { tableSampler } from "./sample-rows.js";
import { unusableSchemaFailures } from "./schema-failures.js";

const redshiftVocabulary: SourceVocabulary = {
  engine: "Redshift",
  system: "redshift",
  fieldWord: "column",
  kindTitles: {
    table: "Table",
    view: "View",
    materialized_view: "Materialized View",
    external_table: "External Table",
  },
  catalogTitle:
    "Redshift catalog (svv_tables, svv_columns, svv_table_info, svv_external_tables, pg_attribute)",
};

function tableInfoNotice(catalog: Catalog): string | undefined {
  if (catalog.identity.tableInfoReadable) return undefined;
  const user = pg.escapeIdentifier(catalog.identity.role);
  return (
    `svv_table_info is not readable by user ${user}, so row counts, sizes, distribution ` +
    `style and sort health are left out (GRANT SELECT ON svv_table_info TO ${user};)`
  );
}

/**
 * One connection string is one database. `open` reads the whole catalog of the matched objects
 * with a fixed number of queries; the connection stays open until `close`, and every statement
 * runs in a read-only transaction.
 */
export const redshiftExtractor: Extractor<RedshiftSourceConfig> = {
  vocabulary: redshiftVocabulary,
  sampleLimit: (config) => config.profile.sample_rows,
  // Spectrum tables link to the Glue source's concepts, so that source runs first.
  dependsOn: (config) => (config.glue_source === undefined ? [] : [config.glue_source]),
  async open(config, context) {
    const matches = tableFilter(config.include, config.exclude);
    const session = await connectRedshift(config);
    let catalog: Catalog;
    try {
      catalog = await readCatalog(session, matches);
    } catch (error) {
      await session.close();
      throw toSourceError(error, session.target);
    }
    const { database, role } = catalog.identity;
    const resource = databaseUri(session.target, config.resource_host, database);
    context.onProgress(
      `${config.name}: ${String(catalog.tables.length)} objects in database ${database} ` +
        `(${String(session.requestCount())} catalog queries)`,
    );
    const notice = tableInfoNotice(catalog);
    if (notice !== undefined) context.onProgress(`${config.name}: ${notice}`);
    const catalogQueries = session.requestCount();
    // Samples share the session (and its statement timeout); without --no-profile only.
    const sampler = context.profile
      ? tableSampler(session, (line) => {
          context.onProgress(`${config.name}: ${line}`);
        })
      : undefined;
    const assemble: AssembleContext = {
      catalog,
      resource,
      constraints: constraintFacts(catalog.constraints, database),
      glueSource: config.glue_source,
    };
    return {
      refs: catalog.tables.map((table) => ({ database, schema: table.schema, name: table.name })),
      catalogInMemory: true,
      items: catalogItems(
        unusableSchemaFailures(catalog.unusable, database, role),
        catalog.tables,
        (table) => assembleDataset(table, assemble),
      ),
      sample: sampler ? (dataset, limit) => sampler.sampleOf(dataset, limit) : undefined,
      resource,
      requestCount: () => catalogQueries,
      close: () => session.close(),
    };
  },
};
