import type { Database } from "@aws-sdk/client-glue";
import pLimit from "p-limit";
import picomatch from "picomatch";
import type { GlueSourceConfig } from "./config-schema.js";
import type { Dataset, ExtractionFailure } from "../../src/model/index.js";
import type { WithRegion } from "../shared/aws-client-options.js";
import { nameFilter, picomatchOptions, usableGlob } from "../shared/name-filter.js";
import { compareText } from "../shared/order.js";
import { assembleTable } from "./assemble-table.js";
import { databaseFailure, getDatabasesError } from "./errors.js";
import type { GlueApi } from "./glue-api.js";

export interface GlueCatalog {
  /** Every selected table, view and resource link, by database then name; no statistics yet. */
  datasets: Dataset[];
  failures: ExtractionFailure[];
  /** The catalog's account: `catalog_id`, else what GetDatabases says. */
  catalogId?: string;
  databaseCount: number;
  /** `databases` patterns that matched no database. */
  unmatched: string[];
}

/** `databases` globs over database names, each compiled alone to tell which matched nothing. */
function databasePatterns(globs: readonly string[]): Array<[string, (name: string) => boolean]> {
  return globs.map((glob) => [
    glob,
    usableGlob(
      () => picomatch(glob, picomatchOptions({ strictSlashes: false })),
      `The databases pattern ${glob}`,
      "Patterns use picomatch syntax, e.g. analytics_* or {sales,marketing}.",
    ),
  ]);
}

function selectDatabases(
  names: readonly string[],
  globs: readonly string[] | undefined,
): { selected: string[]; unmatched: string[] } {
  if (globs === undefined) return { selected: [...names], unmatched: [] };
  const patterns = databasePatterns(globs);
  const selected = names.filter((name) => patterns.some(([, matches]) => matches(name)));
  const unmatched = patterns
    .filter(([, matches]) => !names.some((name) => matches(name)))
    .map(([glob]) => glob);
  return { selected, unmatched };
}

/** The database names of one or more GetDatabases pages, in name order. */
function databaseNames(databases: readonly Database[]): string[] {
  const names = databases.map((database) => database.Name).filter((name) => name !== undefined);
  return [...new Set(names)].sort(compareText);
}

/**
 * GetDatabases, then GetTables of each selected database, `concurrency` databases at a time;
 * `databases` globs apply before GetTables, so excluded databases are never read. A database
 * whose tables cannot be listed becomes a failure and the others go on.
 */
export async function readCatalog(
  api: GlueApi,
  config: WithRegion<GlueSourceConfig>,
  concurrency: number,
  target: string,
): Promise<GlueCatalog> {
  const databases = await api.databases().catch((error: unknown) => {
    throw getDatabasesError(error, target);
  });
  const names = databaseNames(databases);
  const { selected, unmatched } = selectDatabases(names, config.databases);
  const tableMatches = nameFilter(
    config.include,
    config.exclude,
    "analytics.* or *.tmp_* over <database>.<table>",
  );
  const where = { region: config.region, catalogId: config.catalog_id };
  const failures: ExtractionFailure[] = [];
  const limit = pLimit(concurrency);
  const perDatabase = await Promise.all(
    selected.map((database) =>
      limit(async () => {
        try {
          // One dataset per name, even if a page were ever repeated.
          const tables = new Map((await api.tables(database)).map((table) => [table.Name, table]));
          return [...tables.values()]
            .filter((table) => table.Name && tableMatches(`${database}.${table.Name}`))
            .map((table) => assembleTable(table, database, where));
        } catch (error) {
          failures.push(databaseFailure(database, error));
          return [];
        }
      }),
    ),
  );
  const datasets = perDatabase
    .flat()
    .sort(
      (a, b) =>
        compareText(a.ref.database ?? "", b.ref.database ?? "") ||
        compareText(a.ref.name, b.ref.name),
    );
  failures.sort((a, b) => compareText(a.scope?.database ?? "", b.scope?.database ?? ""));
  if (selected.length === 0 && names.length > 0) failures.push(nothingSelected(names, unmatched));
  const catalogId =
    config.catalog_id ?? databases.find((database) => database.CatalogId)?.CatalogId;
  return { datasets, failures, catalogId, databaseCount: selected.length, unmatched };
}

/**
 * `databases` patterns that match nothing in a catalog that has databases are surely a mistake:
 * reported for the whole source, so that the concepts already in the bundle are not deprecated.
 */
function nothingSelected(
  names: readonly string[],
  unmatched: readonly string[],
): ExtractionFailure {
  const some = names.slice(0, 10).join(", ");
  return {
    message: `No database of the catalog matches the databases patterns ${unmatched.join(", ")}.`,
    hint: `Fix \`databases\` of this source; the catalog has ${String(names.length)} databases, e.g. ${some}.`,
  };
}
