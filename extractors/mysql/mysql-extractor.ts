import type { MysqlSourceConfig } from "../../src/config/schema.js";
import type { Extractor, SourceVocabulary } from "../extractor.js";
import { connectReadOnly } from "./connect.js";
import { openMysqlExtraction } from "./mysql-extraction.js";

/** The OKF type stays `MySQL Table` on MariaDB and Aurora MySQL too (DESIGN §4). */
export const mysqlVocabulary: SourceVocabulary = {
  engine: "MySQL",
  system: "mysql",
  fieldWord: "column",
  kindTitles: { table: "Table", view: "View" },
  catalogTitle:
    "MySQL catalog (information_schema; column histograms or mysql.column_stats where readable)",
};

/**
 * One connection string reaches every database the user may read; `databases` narrows them.
 * The connection (mysql2) is separate from the extraction, which Aurora MySQL through the RDS
 * Data API shares.
 */
export const mysqlExtractor: Extractor<MysqlSourceConfig> = {
  vocabulary: mysqlVocabulary,
  async open(config, context) {
    const session = await connectReadOnly(config);
    try {
      return await openMysqlExtraction(
        session,
        {
          name: config.name,
          include: config.include,
          exclude: config.exclude,
          databases: config.databases,
          resourceHost: config.resource_host,
          sampleViews: config.sample_views,
        },
        context,
      );
    } catch (error) {
      await session.close();
      throw error;
    }
  },
};
