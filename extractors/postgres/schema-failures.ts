import pg from "pg";
import type { ExtractionFailure } from "../../src/model/index.js";
import type { RelationRow } from "./catalog-rows.js";
import { groupBy } from "./order.js";

/** One failure per schema whose matched objects the role may not read (no USAGE privilege). */
export function unusableSchemaFailures(
  unusable: readonly RelationRow[],
  database: string,
  role: string,
): ExtractionFailure[] {
  return [...groupBy(unusable, (relation) => relation.schema)].map(([schema, relations]) => ({
    scope: { database, schema, name: "*" },
    message:
      `Schema "${schema}" in database "${database}" was skipped: role "${role}" has no USAGE ` +
      `privilege on it, so its ${relations.length} matching object(s) were not read.`,
    hint:
      `GRANT USAGE ON SCHEMA ${pg.escapeIdentifier(schema)} TO ${pg.escapeIdentifier(role)}; ` +
      `or leave the schema out with exclude: ["${schema}.*"].`,
  }));
}
