import { documentdbExtractor } from "./documentdb/documentdb-extractor.js";
import { dynamodbExtractor } from "./dynamodb/dynamodb-extractor.js";
import type { ExtractorRegistry } from "./extractor.js";
import { postgresExtractor } from "./postgres/postgres-extractor.js";

export const extractors: ExtractorRegistry = {
  postgres: postgresExtractor,
  dynamodb: dynamodbExtractor,
  documentdb: documentdbExtractor,
};
