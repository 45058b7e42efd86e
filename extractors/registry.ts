import { documentdbExtractor } from "./documentdb/documentdb-extractor.js";
import { dynamodbExtractor } from "./dynamodb/dynamodb-extractor.js";
import { externalExtractor } from "./external/external-extractor.js";
import type { SourceConfig } from "./config-schemas.js";
import type { Extractor, ExtractorRegistry } from "./extractor.js";
import { glueExtractor } from "./glue/glue-extractor.js";
import { mysqlExtractor } from "./mysql/mysql-extractor.js";
import { postgresExtractor } from "./postgres/postgres-extractor.js";
import { rdsDataExtractor } from "./rds-data/rds-data-extractor.js";
import { redshiftExtractor } from "./redshift/redshift-extractor.js";

const extractors: ExtractorRegistry = {
  postgres: postgresExtractor,
  dynamodb: dynamodbExtractor,
  documentdb: documentdbExtractor,
  mysql: mysqlExtractor,
  redshift: redshiftExtractor,
  "rds-data": rdsDataExtractor,
  glue: glueExtractor,
  external: externalExtractor,
};

/**
 * The extractor of `source`'s type. It takes only configs of that type, which is what it is
 * handed: the registry is keyed by `type`.
 */
export function extractorFor(source: SourceConfig): Extractor<SourceConfig> {
  return extractors[source.type];
}
