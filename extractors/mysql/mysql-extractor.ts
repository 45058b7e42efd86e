import type { MysqlSourceConfig } from "./config-schema.js";
import type { Extractor } from "../extractor.js";
import { connectReadOnly } from "./connect.js";
import { openMysqlExtraction } from "./mysql-extraction.js";
import { mysqlVocabulary } from "./vocabulary.js";

/**
 * One connection string reaches every database the user may read; `databases` narrows them.
 * The connection (mysql2) is separate from the extraction, which Aurora MySQL through the RDS
 * Data API shares.
 */
export const mysqlExtractor: Extractor<MysqlSourceConfig> = {
  vocabulary: mysqlVocabulary,
  sampleLimit: (config) => config.profile.sample_rows,
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
