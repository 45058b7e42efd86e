import type { Field } from "@aws-sdk/client-rds-data";
import { scalarField, unsupportedParameter, type DataApiStatement } from "./postgres-parameters.js";
import { rewritePlaceholders } from "./sql-placeholders.js";

function fieldOf(value: unknown): Field {
  const field = scalarField(value);
  if (field) return field;
  throw unsupportedParameter(value);
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
