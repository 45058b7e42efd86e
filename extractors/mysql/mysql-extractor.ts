import type { MysqlSourceConfig } from "../../src/config/schema.js";
import { SourceError } from "../../src/errors.js";
import type { Extractor } from "../extractor.js";

// Placeholder while the extractor is being built; replaced in this change.
export const mysqlExtractor: Extractor<MysqlSourceConfig> = {
  vocabulary: {
    engine: "MySQL",
    system: "mysql",
    fieldWord: "column",
    kindTitles: { table: "Table", view: "View" },
    catalogTitle: "MySQL catalog",
  },
  open() {
    return Promise.reject(new SourceError("The MySQL extractor is not built yet."));
  },
};
