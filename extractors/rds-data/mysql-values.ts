import type { Field } from "@aws-sdk/client-rds-data";
import type { StatementResult } from "./data-api.js";

/**
 * Rows from the Data API decoded to what mysql2 returns with the direct extractor's settings
 * (`dateStrings`, `supportBigNumbers`, `bigNumberStrings`; see extractors/mysql/connect.ts):
 * small integers, YEAR, FLOAT and DOUBLE as numbers; BIGINT and DECIMAL as strings; dates and
 * times as the server's text; JSON parsed; binary strings, BLOBs and BIT as Buffers; the rest
 * as text. A BOOLEAN (TINYINT(1)), which the Data API sends as a boolean, is 1 or 0 as in mysql2.
 */

const numberTypes = new Set(["TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "YEAR"]);
const floatTypes = new Set(["FLOAT", "DOUBLE", "REAL"]);
const exactTypes = new Set(["BIGINT", "DECIMAL", "NUMERIC"]);

/** `INT UNSIGNED`, `bigint(20)`, `VARCHAR` → the bare upper-case type word. */
function mysqlTypeOf(typeName: string | undefined): string {
  return /^[A-Za-z]+/.exec(typeName ?? "")?.[0]?.toUpperCase() ?? "";
}

function scalarOf(field: Field): string | number | boolean | Uint8Array | null {
  if (field.isNull === true) return null;
  if (field.stringValue !== undefined) return field.stringValue;
  if (field.longValue !== undefined) return field.longValue;
  if (field.doubleValue !== undefined) return field.doubleValue;
  if (field.booleanValue !== undefined) return field.booleanValue;
  if (field.blobValue !== undefined) return field.blobValue;
  throw new Error("The Data API returned a MySQL field of an unknown kind.");
}

function decode(field: Field, type: string): unknown {
  const value = scalarOf(field);
  if (value === null) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Uint8Array) return Buffer.from(value);
  if (numberTypes.has(type) || floatTypes.has(type)) return Number(value);
  if (exactTypes.has(type)) return String(value);
  if (type === "JSON" && typeof value === "string") return JSON.parse(value) as unknown;
  return value;
}

/** Rows keyed by column label (the `AS` name), values as mysql2 would give them. */
export function mysqlRows(result: StatementResult): Record<string, unknown>[] {
  const columns = result.columns.map((column, index) => ({
    name: column.label ?? column.name ?? `column${String(index + 1)}`,
    type: mysqlTypeOf(column.typeName),
  }));
  return result.records.map((record) => {
    const row: Record<string, unknown> = {};
    columns.forEach((column, index) => {
      const field = record[index];
      row[column.name] = field === undefined ? null : decode(field, column.type);
    });
    return row;
  });
}
