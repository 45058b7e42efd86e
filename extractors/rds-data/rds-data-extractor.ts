import { RDSDataClient } from "@aws-sdk/client-rds-data";
import type { RdsDataSourceConfig } from "./config-schema.js";
import { awsClientOptions } from "../shared/aws-client-options.js";
import type { Extractor, SourceExtraction } from "../extractor.js";
import { parseClusterArn } from "./cluster-arn.js";
import { DataApi, defaultResumeDelaysMs } from "./data-api.js";
import { openAuroraMysql } from "./mysql-engine.js";
import { openAuroraPostgres } from "./postgres-engine.js";

export interface RdsDataExtractorOptions {
  /** Pauses between tries while a paused Aurora Serverless cluster resumes. */
  resumeDelaysMs?: readonly number[];
}

/**
 * Aurora PostgreSQL or MySQL through the RDS Data API (HTTPS, IAM and a Secrets Manager
 * secret; no network path to the cluster). The catalog, samples and files are the direct
 * extractor's of the engine; only the session differs.
 */
export function createRdsDataExtractor(
  options: RdsDataExtractorOptions = {},
): Extractor<RdsDataSourceConfig> {
  return {
    vocabulary: {
      engine: "Aurora",
      system: "aurora",
      fieldWord: "column",
      kindTitles: { table: "Table", view: "View" },
      catalogTitle: "Aurora catalog through the RDS Data API",
    },
    sampleLimit: (config) => config.profile.sample_rows,
    open(config, context): Promise<SourceExtraction> {
      const cluster = parseClusterArn(config.resource_arn);
      const scope = {
        cluster,
        secretArn: config.secret_arn,
        database: config.database,
        engine: config.engine === "postgres" ? "PostgreSQL" : "MySQL",
      };
      // The Data API answers in the cluster's own region: the ARN's, unless the config says.
      const client = new RDSDataClient(
        awsClientOptions({ ...config, region: config.region ?? cluster.region }),
      );
      const api = new DataApi(client, scope, options.resumeDelaysMs ?? defaultResumeDelaysMs);
      return config.engine === "postgres"
        ? openAuroraPostgres(api, config, context)
        : openAuroraMysql(api, config, context);
    },
  };
}

export const rdsDataExtractor = createRdsDataExtractor();
