import pg from "pg";
import type { ExtractionFailure } from "../../src/model/index.js";
import { groupBy } from "../shared/order.js";
import type { TableRow } from "./catalog-rows.js";

/** One failure per schema whose matched objects the user may not read (no USAGE privilege). */
export function unusableSchemaFailures(
  unusable: readonly TableRow[],
  database: string,
  user: string,
): ExtractionFailure[] {
  return [...groupBy(unusable, (table) => table.schema)].map(([schema, tables]) => ({
    scope: { database, schema, name: "*" },
    message:
      `Schema "${schema}" in database "${database}" was skipped: user "${user}" has no USAGE ` +
      `privilege on it, so its ${String(tables.length)} matching object(s) were not read.`,
    hint:
      `GRANT USAGE ON SCHEMA ${pg.escapeIdentifier(schema)} TO ${pg.escapeIdentifier(user)}; ` +
      `or leave the schema out with exclude: ["${schema}.*"].`,
  }));
}
