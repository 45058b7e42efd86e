import type { GlueSourceConfig } from "../../src/config/schema.js";
import { SourceError } from "../../src/errors.js";
import type { Extractor } from "../extractor.js";

// Placeholder while the extractor is being built; replaced in this change.
export const glueExtractor: Extractor<GlueSourceConfig> = {
  vocabulary: {
    engine: "Glue",
    system: "glue",
    fieldWord: "column",
    kindTitles: { table: "Table", view: "View" },
    catalogTitle: "Glue catalog",
  },
  open() {
    return Promise.reject(new SourceError("The Glue extractor is not built yet."));
  },
};
