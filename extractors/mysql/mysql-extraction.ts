import type { SampleViews } from "../shared/config-keys.js";
import { SourceError } from "../../src/errors.js";
import type { Dataset, DatasetRef, ForeignKey } from "../../src/model/index.js";
import { byKeys } from "../shared/order.js";
import type { ExtractContext, SourceExtraction } from "../extractor.js";
import { catalogItems } from "../shared/catalog-items.js";
import { assembleDataset } from "./assemble-dataset.js";
import { identityQuery } from "./catalog-queries.js";
import { listObjects } from "./list-objects.js";
import type { MysqlSession } from "./mysql-session.js";
import { readCatalog, type Catalog } from "./read-catalog.js";
import { serverUri } from "./resource-uri.js";
import { requiredText } from "./row-values.js";
import { tableSampler } from "./sample-rows.js";
import { describeFlavour, featuresOf, flavourOf, type ServerFlavour } from "./server-flavour.js";
import { withViewLineage } from "./view-lineage.js";
import { vocabularyOf } from "./vocabulary.js";

/** What the extraction needs from the config, whichever way the session was opened. */
export interface MysqlExtractionOptions {
  /** The source's name in the config, for progress lines. */
  name: string;
  /** picomatch globs over `<database>.<table>`. */
  include: string[];
  exclude: string[];
  /** Databases to read; every one but the system databases when absent. */
  databases?: string[];
  /** host[:port] written into resource URIs instead of the session's own. */
  resourceHost?: string;
  /** Config `sample_views`: read views when cheap (default), always, or never. */
  sampleViews?: SampleViews;
}

const refKey = (ref: DatasetRef): string => JSON.stringify([ref.database, ref.name]);

/** Every dataset with its facts; incoming keys come from the outgoing keys of all of them. */
function assembleAll(catalog: Catalog, uri: string, flavour: ServerFlavour): Dataset[] {
  const datasets = catalog.databases.flatMap((database) =>
    database.tables.map((table) => {
      const dataset = assembleDataset(table, database, { uri, flavour: flavour.kind });
      const reads = dataset.kind === "view" ? database.viewReads.get(table.name) : undefined;
      return reads ? { ...dataset, reads } : dataset;
    }),
  );
  const incoming = new Map<string, ForeignKey[]>();
  for (const key of datasets.flatMap((dataset) => dataset.foreignKeys)) {
    const list = incoming.get(refKey(key.to)) ?? [];
    list.push(key);
    incoming.set(refKey(key.to), list);
  }
  for (const dataset of datasets) {
    dataset.referencedBy = (incoming.get(refKey(dataset.ref)) ?? []).sort(
      byKeys(
        (key) => key.from.database ?? "",
        (key) => key.from.name,
        (key) => key.name,
      ),
    );
  }
  const definitions = new Map(catalog.databases.map((database) => [database.database, database]));
  return withViewLineage(datasets, (view) =>
    definitions.get(view.ref.database ?? "")?.views.get(view.ref.name),
  );
}

async function readIdentity(session: MysqlSession) {
  const [row] = await session.query(identityQuery);
  if (!row) throw new SourceError("The MySQL server did not say which version it runs.");
  return { flavour: flavourOf(requiredText(row.version)), user: requiredText(row.user) };
}

/**
 * Reads the catalog of the matched tables and views through `session` with a fixed number of
 * queries per database, and returns the extraction (datasets, failures, a sampler).
 * The session is closed by the extraction's `close`.
 */
export async function openMysqlExtraction(
  session: MysqlSession,
  options: MysqlExtractionOptions,
  context: ExtractContext,
): Promise<SourceExtraction> {
  const { flavour, user } = await readIdentity(session);
  const server = { flavour, features: featuresOf(flavour) };
  const read = async (): Promise<Catalog> =>
    readCatalog(session, await listObjects(session, options, user), server);
  const catalog = session.snapshot ? await session.snapshot(read) : await read();
  const uri = serverUri(session.target, options.resourceHost);
  const datasets = assembleAll(catalog, uri, flavour);
  context.onProgress(
    `${options.name}: ${String(datasets.length)} objects in ${String(catalog.databases.length)} ` +
      `database(s) on ${describeFlavour(flavour)} (${String(session.requestCount())} catalog queries)`,
  );
  // Samples share the session (and its read-only mode); without --no-profile only.
  const sampler = context.profile
    ? tableSampler(
        session,
        (line) => {
          context.onProgress(`${options.name}: ${line}`);
        },
        options.sampleViews,
      )
    : undefined;
  return {
    refs: datasets.map((dataset) => dataset.ref),
    catalogInMemory: true,
    items: catalogItems(catalog.failures, datasets, (dataset) => dataset),
    sample: sampler ? (dataset, limit) => sampler.sampleOf(dataset, limit) : undefined,
    resource: uri,
    // MariaDB is named as such; MySQL and Aurora MySQL (through the Data API too) as MySQL.
    vocabulary: vocabularyOf(flavour),
    requestCount: () => session.requestCount() - (sampler?.queryCount() ?? 0),
    close: () => session.close(),
  };
}
