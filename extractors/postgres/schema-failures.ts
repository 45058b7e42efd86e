import pg from "pg";
import type { ExtractionFailure } from "../../src/model/index.js";
import type { RelationRow } from "./catalog-rows.js";
import { groupBy } from "../shared/order.js";

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

/**
 * One failure per relation that another session held exclusively while the catalog was read:
 * scoped to it, so its file is kept as it was (not deprecated) and the run reports it.
 */
export function lockedRelationFailures(
  locked: readonly RelationRow[],
  database: string,
): ExtractionFailure[] {
  return locked.map((relation) => ({
    scope: { database, schema: relation.schema, name: relation.name },
    message:
      `"${relation.schema}.${relation.name}" in database "${database}" was not read: another ` +
      "session holds an ACCESS EXCLUSIVE lock on it (or on a relation it reads), and its " +
      "catalog facts cannot be read without waiting for that lock (lock timeout, SQLSTATE 55P03).",
    hint:
      "A migration, VACUUM FULL or REINDEX is probably running; its file is kept as it was. " +
      "Run okf again once the lock is released, or raise `lock_timeout_ms`.",
  }));
}
