import { setImmediate } from "node:timers/promises";
import type { PostgresSourceConfig } from "../../src/config/schema.js";
import type { Dataset } from "../../src/model/index.js";
import type { Extractor, SourceVocabulary } from "../extractor.js";
import { assembleDataset } from "./assemble-dataset.js";
import { connectReadOnly } from "./connect.js";
import { toSourceError } from "./errors.js";
import { relationFilter } from "./glob-filter.js";
import { readCatalog, type Catalog } from "./read-catalog.js";
import { databaseUri } from "./resource-uri.js";
import { tableSampler, type TableSampler } from "./sample-rows.js";
import { unusableSchemaFailures } from "./schema-failures.js";

export const postgresVocabulary: SourceVocabulary = {
  engine: "PostgreSQL",
  system: "postgresql",
  fieldWord: "column",
  kindTitles: {
    table: "Table",
    view: "View",
    materialized_view: "Materialized View",
    external_table: "Foreign Table",
  },
  catalogTitle: "PostgreSQL catalog (pg_catalog, pg_stats, pg_stat_user_tables)",
};

/** Datasets are assembled one at a time from the catalog read in `open`; each pass starts over. */
function datasetsOf(
  catalog: Catalog,
  resource: string,
  sampler: TableSampler | undefined,
): AsyncIterable<Dataset> {
  return {
    async *[Symbol.asyncIterator]() {
      for (const relation of catalog.relations) {
        // Between datasets, let timers and the progress display run on a large source.
        await setImmediate();
        const dataset = assembleDataset(relation, catalog, resource);
        if (sampler) dataset.sample = sampler.sampleOf(dataset);
        yield dataset;
      }
    },
  };
}

/**
 * One connection string is one database. `open` reads the whole catalog of the matched objects
 * with a fixed number of queries; the connection stays open (read-only) until `close`.
 */
export const postgresExtractor: Extractor<PostgresSourceConfig> = {
  vocabulary: postgresVocabulary,
  async open(config, context) {
    const filter = relationFilter(config.include, config.exclude);
    const session = await connectReadOnly(config);
    let catalog: Catalog;
    try {
      catalog = await readCatalog(session, filter);
    } catch (error) {
      await session.close();
      throw toSourceError(error, session.target);
    }
    const { database, role } = catalog.identity;
    // resource_host names the endpoint people know, whatever okf connected through.
    const [shownHost, shownPort = "5432"] = config.resource_host?.split(":") ?? [];
    const resource =
      shownHost === undefined
        ? databaseUri(session.target.host, session.target.port, database)
        : databaseUri(shownHost, Number(shownPort), database);
    context.onProgress(
      `${config.name}: ${catalog.relations.length} objects in database ${database} ` +
        `(${session.requestCount()} catalog queries)`,
    );
    // Samples share the session (and its read-only mode); without --no-profile only.
    const sampler = context.profile
      ? tableSampler(session, (line) => {
          context.onProgress(`${config.name}: ${line}`);
        })
      : undefined;
    return {
      refs: catalog.relations.map((relation) => ({
        database,
        schema: relation.schema,
        name: relation.name,
      })),
      datasets: datasetsOf(catalog, resource, sampler),
      failures: unusableSchemaFailures(catalog.unusable, database, role),
      resource,
      requestCount: () => session.requestCount() - (sampler?.queryCount() ?? 0),
      close: () => session.close(),
    };
  },
};
