import type { RdsDataSourceConfig } from "../../src/config/schema.js";
import { SourceError } from "../../src/errors.js";
import type { Extractor } from "../extractor.js";

// Placeholder while the extractor is being built; replaced in this change.
export const rdsDataExtractor: Extractor<RdsDataSourceConfig> = {
  vocabulary: {
    engine: "Aurora",
    system: "aurora",
    fieldWord: "column",
    kindTitles: { table: "Table", view: "View" },
    catalogTitle: "Aurora catalog",
  },
  open() {
    return Promise.reject(new SourceError("The Aurora extractor is not built yet."));
  },
};
