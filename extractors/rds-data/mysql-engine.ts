import type { RdsDataSourceConfig } from "./config-schema.js";
import type { ExtractContext, SourceExtraction } from "../extractor.js";
import { openMysqlExtraction } from "../mysql/mysql-extraction.js";
import type { MysqlSession } from "../mysql/mysql-session.js";
import { serverUri } from "../mysql/resource-uri.js";
import type { DataApi } from "./data-api.js";
import { mysqlDataApiSession } from "./mysql-session.js";

/**
 * Without `resource_host` the MySQL extraction would name the server `mysql://<cluster id>:3306`,
 * which no one can connect to; the cluster ARN names it instead (see cluster-arn.ts).
 */
function renamedResources(
  extraction: SourceExtraction,
  from: string,
  to: string,
): SourceExtraction {
  const rename = (uri: string) => (uri.startsWith(from) ? `${to}${uri.slice(from.length)}` : uri);
  const items = extraction.items;
  return {
    ...extraction,
    resource: rename(extraction.resource),
    items: {
      async *[Symbol.asyncIterator]() {
        for await (const item of items) {
          yield "dataset" in item
            ? { dataset: { ...item.dataset, resource: rename(item.dataset.resource) } }
            : item;
        }
      },
    },
  };
}

/**
 * Aurora MySQL: the MySQL extractor's catalog reading, sampling and assembly over a Data API
 * session, reading the one database the Data API connects to.
 */
export async function openAuroraMysql(
  api: DataApi,
  config: RdsDataSourceConfig,
  context: ExtractContext,
): Promise<SourceExtraction> {
  let session: MysqlSession | undefined;
  try {
    session = await mysqlDataApiSession(api, { statementTimeoutMs: config.statement_timeout_ms });
    const extraction = await openMysqlExtraction(
      session,
      {
        name: config.name,
        include: config.include,
        exclude: config.exclude,
        databases: [config.database],
        resourceHost: config.resource_host,
        sampleViews: config.sample_views,
      },
      context,
    );
    const named =
      config.resource_host === undefined
        ? renamedResources(extraction, serverUri(session.target), api.scope.cluster.arn)
        : extraction;
    return named;
  } catch (error) {
    if (session) await session.close();
    else api.destroy();
    throw error;
  }
}
