import { documentdbExtractor } from "./documentdb/documentdb-extractor.js";
import { dynamodbExtractor } from "./dynamodb/dynamodb-extractor.js";
import type { ExtractorRegistry } from "./extractor.js";
import { glueExtractor } from "./glue/glue-extractor.js";
import { mysqlExtractor } from "./mysql/mysql-extractor.js";
import { postgresExtractor } from "./postgres/postgres-extractor.js";
import { rdsDataExtractor } from "./rds-data/rds-data-extractor.js";
import { redshiftExtractor } from "./redshift/redshift-extractor.js";

export const extractors: ExtractorRegistry = {
  postgres: postgresExtractor,
  dynamodb: dynamodbExtractor,
  documentdb: documentdbExtractor,
  mysql: mysqlExtractor,
  redshift: redshiftExtractor,
  "rds-data": rdsDataExtractor,
  glue: glueExtractor,
};
