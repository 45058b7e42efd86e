import type { ExtractorRegistry } from "./extractor.js";
import { postgresExtractor } from "./postgres/postgres-extractor.js";

export const extractors: ExtractorRegistry = {
  postgres: postgresExtractor,
};
