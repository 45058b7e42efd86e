import { z } from "zod";
import { connectionUrl } from "../shared/config-connection-url.js";
import {
  resourceHost,
  sampleViews,
  sqlSourceKeys,
  statementTimeout,
} from "../shared/config-keys.js";

/** MySQL, Aurora MySQL and MariaDB over the MySQL protocol (mysql2). */
export const mysqlSourceSchema = z
  .object({
    ...sqlSourceKeys,
    type: z.literal("mysql"),
    /** `mysql://user:password@host:3306/` (a database in the path is only the default one). */
    connection: connectionUrl(["mysql", "mariadb"], "mysql://user:password@host:3306/"),
    /** Databases to read; every one but the system databases when absent. */
    databases: z.array(z.string().min(1)).min(1).optional(),
    resource_host: resourceHost,
    statement_timeout_ms: statementTimeout,
    /** Read views to sample them: when the planner estimates them cheap (auto), always, never. */
    sample_views: sampleViews,
  })
  .strict();

export type MysqlSourceConfig = z.infer<typeof mysqlSourceSchema>;
