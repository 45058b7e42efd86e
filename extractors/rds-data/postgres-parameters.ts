import type { Field, SqlParameter } from "@aws-sdk/client-rds-data";
import { rewritePlaceholders } from "./sql-placeholders.js";

/** A statement as the Data API takes it: `:p1` named parameters with typed values. */
export interface DataApiStatement {
  sql: string;
  parameters: SqlParameter[];
}

/**
 * A PostgreSQL array literal (`{"a","b\"c"}`). The Data API takes no array parameters, so
 * arrays travel as text and the statement casts them (`$1::oid[]`, as every catalog query does).
 */
function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((value) => {
    if (value === null || value === undefined) return "NULL";
    if (Array.isArray(value)) return arrayLiteral(value);
    if (typeof value === "number" || typeof value === "bigint") return String(value);
    if (typeof value === "boolean") return value ? "t" : "f";
    if (typeof value === "string") return `"${value.replace(/["\\]/g, (char) => `\\${char}`)}"`;
    throw new TypeError(`An array element of type ${typeof value} cannot be sent to the Data API.`);
  });
  return `{${items.join(",")}}`;
}

/** The typed Field of a null, boolean, string, bigint, finite number or byte array; else undefined. */
export function scalarField(value: unknown): Field | undefined {
  if (value === null || value === undefined) return { isNull: true };
  if (typeof value === "boolean") return { booleanValue: value };
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "bigint") return { stringValue: String(value) };
  if (typeof value === "number") {
    if (Number.isSafeInteger(value)) return { longValue: value };
    if (Number.isFinite(value)) return { doubleValue: value };
  }
  if (value instanceof Uint8Array) return { blobValue: value };
  return undefined;
}

export function unsupportedParameter(value: unknown): TypeError {
  return new TypeError(`A parameter of type ${typeof value} cannot be sent to the Data API.`);
}

function fieldOf(value: unknown): Field {
  const field = scalarField(value);
  if (field) return field;
  if (Array.isArray(value)) return { stringValue: arrayLiteral(value) };
  throw unsupportedParameter(value);
}

/** `$1`, `$2`, … become `:p1`, `:p2`, … with one typed SqlParameter per value. */
export function postgresStatement(text: string, values: readonly unknown[] = []): DataApiStatement {
  return {
    sql: rewritePlaceholders(text, "postgres", (number) => `:p${String(number)}`),
    parameters: values.map((value, index) => ({
      name: `p${String(index + 1)}`,
      value: fieldOf(value),
    })),
  };
}
