import type { Field } from "@aws-sdk/client-rds-data";
import type { DataApiStatement } from "./postgres-parameters.js";
import { rewritePlaceholders } from "./sql-placeholders.js";

function fieldOf(value: unknown): Field {
  if (value === null || value === undefined) return { isNull: true };
  if (typeof value === "boolean") return { booleanValue: value };
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "bigint") return { stringValue: String(value) };
  if (typeof value === "number") {
    if (Number.isSafeInteger(value)) return { longValue: value };
    if (Number.isFinite(value)) return { doubleValue: value };
  }
  if (value instanceof Uint8Array) return { blobValue: value };
  throw new TypeError(`A parameter of type ${typeof value} cannot be sent to the Data API.`);
}

/** mysql2's `?` placeholders, in order, become `:p1`, `:p2`, … with one typed value each. */
export function mysqlStatement(text: string, values: readonly unknown[] = []): DataApiStatement {
  const sql = rewritePlaceholders(text, "mysql", (number) => `:p${String(number)}`);
  return {
    sql,
    parameters: values.map((value, index) => ({
      name: `p${String(index + 1)}`,
      value: fieldOf(value),
    })),
  };
}
