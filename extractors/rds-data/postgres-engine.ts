import type { RdsDataSourceConfig } from "./config-schema.js";
import type { ExtractContext, SourceExtraction } from "../extractor.js";
import { openPostgresExtraction, postgresVocabulary } from "../postgres/postgres-extractor.js";
import { clusterDatabaseResource } from "./cluster-arn.js";
import type { DataApi } from "./data-api.js";
import { ResponseTooLargeError } from "./errors.js";
import { postgresDataApiSession } from "./postgres-session.js";

/**
 * Relations per page of the catalog queries at first: about 300 KB per page for tables of a
 * few dozen commented columns, well under the 1 MiB response limit.
 */
const firstPageSize = 100;

/**
 * Aurora PostgreSQL: the direct extractor's catalog reading, sampling and assembly over a Data
 * API session, so that the files are the same. When a page still outgrows the response limit,
 * the Data API has ended the transaction, so the catalog read starts over, in a new snapshot,
 * with pages half as large (down to one relation).
 */
export async function openAuroraPostgres(
  api: DataApi,
  config: RdsDataSourceConfig,
  context: ExtractContext,
): Promise<SourceExtraction> {
  const session = postgresDataApiSession(api, {
    statementTimeoutMs: config.statement_timeout_ms,
    lockTimeoutMs: config.lock_timeout_ms,
    pageSize: firstPageSize,
  });
  const options = {
    name: config.name,
    include: config.include,
    exclude: config.exclude,
    resourceHost: config.resource_host,
    sampleViews: config.sample_views,
    databaseResource: (database: string) => clusterDatabaseResource(api.scope.cluster, database),
  };
  try {
    for (;;) {
      try {
        const extraction = await openPostgresExtraction(session, options, context);
        return { ...extraction, vocabulary: postgresVocabulary };
      } catch (error) {
        if (!(error instanceof ResponseTooLargeError) || session.pageSize() === 1) throw error;
        session.setPageSize(session.pageSize() / 2);
        context.onProgress(
          `${config.name}: a catalog response exceeded the Data API's 1 MiB limit; reading ` +
            `again with ${session.pageSize()} relations per page`,
        );
      }
    }
  } catch (error) {
    await session.close();
    throw error;
  }
}
