import type { RedshiftSourceConfig } from "../../src/config/schema.js";
import { SourceError } from "../../src/errors.js";
import type { Extractor } from "../extractor.js";

// Placeholder while the extractor is being built; replaced in this change.
export const redshiftExtractor: Extractor<RedshiftSourceConfig> = {
  vocabulary: {
    engine: "Redshift",
    system: "redshift",
    fieldWord: "column",
    kindTitles: { table: "Table", view: "View" },
    catalogTitle: "Redshift catalog",
  },
  open() {
    return Promise.reject(new SourceError("The Redshift extractor is not built yet."));
  },
};
