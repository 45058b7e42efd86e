import type { QueryResultRow } from "pg";
import type { PostgresSourceConfig } from "./config-schema.js";
import type { SampleViews } from "../shared/config-keys.js";
import type { LeftOutObjects, RecordSample, SourceVocabulary } from "../../src/model/index.js";
import type { RelationRow } from "./catalog-rows.js";
import type { ExtractContext, Extractor, SourceExtraction } from "../extractor.js";
import { catalogItems } from "../shared/catalog-items.js";
import { assembleDataset } from "./assemble-dataset.js";
import { connectReadOnly, type CatalogSession } from "./connect.js";
import { toSourceError } from "./errors.js";
import { relationFilter } from "./glob-filter.js";
import { readCatalog, type Catalog } from "./read-catalog.js";
import { ownScanCounter } from "./own-scans.js";
import { databaseUri } from "./resource-uri.js";
import { tableSampler } from "./sample-rows.js";
import { lockedRelationFailures, unusableSchemaFailures } from "./schema-failures.js";

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

function extensionObjectsLeftOut(relations: readonly RelationRow[]): LeftOutObjects[] {
  if (relations.length === 0) return [];
  return [
    {
      what: "owned by an extension, not documented",
      objects: relations.map((relation) => ({
        name: `${relation.schema}.${relation.name}`,
        owner: relation.extension ?? "",
      })),
      hint: "Set extension_objects: true on the source to document them too.",
    },
  ];
}

/**
 * A materialized view created WITH NO DATA and never refreshed cannot be read at all (SQLSTATE
 * 55000). That is its normal state, not a failure of the run: it is simply not sampled.
 */
const notPopulatedSample: RecordSample = {
  outcome: () => ({
    status: "not_read",
    reason:
      "materialized view not populated (REFRESH MATERIALIZED VIEW has not run since it was created WITH NO DATA)",
  }),
  async *[Symbol.asyncIterator]() {},
};

/** What the extraction needs besides the session, whichever way the session was opened. */
export interface PostgresExtractionOptions {
  /** The source's name in the config, for progress lines. */
  name: string;
  /** picomatch globs over `<schema>.<table>`. */
  include: readonly string[];
  exclude: readonly string[];
  /** Document objects an extension owns too (config `extension_objects`); left out otherwise. */
  extensionObjects?: boolean;
  /** Config `sample_views`: read views when cheap (default), always, or never. */
  sampleViews?: SampleViews;
  /**
   * Try to turn off the counting of okf's own view reads (quiet-reads.ts). Off through the RDS
   * Data API, where what a refused SET does to the transaction is not known: there okf's reads
   * are only measured and subtracted.
   */
  quietReads?: boolean;
  /** host[:port] (port default 5432) written into resource URIs instead of the session's own. */
  resourceHost?: string;
  /**
   * The database's resource when no host is known to name it (Aurora through the RDS Data API
   * without `resource_host`); ignored when `resourceHost` is set.
   */
  databaseResource?: (database: string) => string;
}

function resourceOf(
  options: PostgresExtractionOptions,
  target: CatalogSession["target"],
  database: string,
): string {
  // resource_host names the endpoint people know, whatever okf connected through.
  const [shownHost, shownPort = "5432"] = options.resourceHost?.split(":") ?? [];
  if (shownHost !== undefined) return databaseUri(shownHost, Number(shownPort), database);
  if (options.databaseResource) return options.databaseResource(database);
  return databaseUri(target.host, target.port, database);
}

/**
 * A view of the session for the sampler that measures the requests it causes, so that
 * `requestCount` reports catalog requests only, whatever one query costs (through the RDS Data
 * API a transaction or a FETCH takes several calls).
 */
function measuredForSampling(session: CatalogSession): CatalogSession & { spent(): number } {
  let spent = 0;
  return {
    target: session.target,
    async query<Row extends QueryResultRow>(text: string, values?: unknown[]) {
      const before = session.requestCount();
      try {
        return await session.query<Row>(text, values);
      } finally {
        spent += session.requestCount() - before;
      }
    },
    requestCount: () => session.requestCount(),
    close: () => session.close(),
    spent: () => spent,
  };
}

/**
 * Reads the whole catalog of the matched objects through `session` with a fixed number of
 * queries and returns the extraction; samples are read through the same session later. The
 * caller closes the session when this throws; the extraction's `close` closes it otherwise.
 */
export async function openPostgresExtraction(
  session: CatalogSession,
  options: PostgresExtractionOptions,
  context: ExtractContext,
): Promise<SourceExtraction> {
  const filter = relationFilter(options.include, options.exclude);
  let catalog: Catalog;
  try {
    catalog = await readCatalog(session, filter, { extensionObjects: options.extensionObjects });
  } catch (error) {
    throw toSourceError(error, session.target);
  }
  const { database, role } = catalog.identity;
  const resource = resourceOf(options, session.target, database);
  context.onProgress(
    `${options.name}: ${catalog.relations.length} objects in database ${database} ` +
      `(${session.requestCount()} catalog queries)`,
  );
  // Samples share the session (and its read-only mode); without --no-profile only.
  const sampling = context.profile ? measuredForSampling(session) : undefined;
  const ownScans = ownScanCounter();
  const sampler = sampling
    ? tableSampler(
        sampling,
        (line) => {
          context.onProgress(`${options.name}: ${line}`);
        },
        { sampleViews: options.sampleViews, ownScans, quietReads: options.quietReads ?? false },
      )
    : undefined;
  return {
    // Locked relations keep their place among the refs, so that paths are planned as usual.
    refs: [...catalog.relations, ...catalog.locked].map((relation) => ({
      database,
      schema: relation.schema,
      name: relation.name,
    })),
    catalogInMemory: true,
    items: catalogItems(
      [
        ...unusableSchemaFailures(catalog.unusable, database, role),
        ...lockedRelationFailures(catalog.locked, database),
      ],
      catalog.relations,
      (relation) => assembleDataset(relation, catalog, resource),
    ),
    sample: sampler
      ? (dataset, limit) =>
          dataset.notPopulated === true ? notPopulatedSample : sampler.sampleOf(dataset, limit)
      : undefined,
    leftOut: extensionObjectsLeftOut(catalog.extensionOwned),
    resource,
    ownScans: () => ownScans.byDataset(catalog),
    requestCount: () => session.requestCount() - (sampling?.spent() ?? 0),
    close: () => session.close(),
  };
}

/**
 * One connection string is one database. `open` reads the whole catalog of the matched objects
 * with a fixed number of queries; the connection stays open (read-only) until `close`.
 */
export const postgresExtractor: Extractor<PostgresSourceConfig> = {
  vocabulary: postgresVocabulary,
  sampleLimit: (config) => config.profile.sample_rows,
  async open(config, context) {
    const session = await connectReadOnly(config);
    try {
      return await openPostgresExtraction(
        session,
        {
          name: config.name,
          include: config.include,
          exclude: config.exclude,
          extensionObjects: config.extension_objects,
          resourceHost: config.resource_host,
          sampleViews: config.sample_views,
          quietReads: true,
        },
        context,
      );
    } catch (error) {
      await session.close();
      throw error;
    }
  },
};
