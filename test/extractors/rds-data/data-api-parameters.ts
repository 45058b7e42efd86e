/**
 * The Data API's side of `:name` parameters: each placeholder outside literals, quoted names and
 * comments becomes a pg bind parameter typed by its Field, the way the service's JDBC driver
 * binds it (stringValue as varchar, longValue as int8, …), so a statement that forgets a cast
 * fails here as it would there.
 */
import type { SqlParameter } from "@aws-sdk/client-rds-data";

const typeHints: Record<string, string> = {
  DATE: "date",
  DECIMAL: "numeric",
  JSON: "jsonb",
  TIME: "time",
  TIMESTAMP: "timestamp",
  UUID: "uuid",
};

function bound(parameter: SqlParameter): { cast: string; value: unknown } {
  const { value, typeHint } = parameter;
  if (value === undefined || value.isNull === true) return { cast: "", value: null };
  if (value.stringValue !== undefined) {
    return {
      cast: typeHint ? (typeHints[typeHint] ?? "varchar") : "varchar",
      value: value.stringValue,
    };
  }
  if (value.longValue !== undefined) return { cast: "int8", value: value.longValue };
  if (value.doubleValue !== undefined) return { cast: "float8", value: value.doubleValue };
  if (value.booleanValue !== undefined) return { cast: "bool", value: value.booleanValue };
  if (value.blobValue !== undefined) return { cast: "bytea", value: Buffer.from(value.blobValue) };
  throw new Error("Array parameters are not supported");
}

export function bindParameters(
  sql: string,
  parameters: readonly SqlParameter[],
): { text: string; values: unknown[] } {
  const byName = new Map(parameters.map((parameter) => [parameter.name ?? "", parameter]));
  const values: unknown[] = [];
  const placeholders = new Map<string, string>();
  let text = "";
  for (let index = 0; index < sql.length;) {
    const char = sql[index] ?? "";
    if (char === "'" || char === '"') {
      const end = sql.indexOf(char, index + 1);
      const stop = end < 0 ? sql.length : end + 1;
      text += sql.slice(index, stop);
      index = stop;
      continue;
    }
    const name = /^:([A-Za-z_][A-Za-z0-9_]*)/.exec(sql.slice(index))?.[1];
    if (char === ":" && sql[index - 1] !== ":" && name !== undefined) {
      const parameter = byName.get(name);
      if (!parameter) throw new Error(`No value specified for parameter ${name}`);
      let placeholder = placeholders.get(name);
      if (placeholder === undefined) {
        const { cast, value } = bound(parameter);
        values.push(value);
        const number = `$${String(values.length)}`;
        placeholder = cast === "" ? number : `(${number}::${cast})`;
        placeholders.set(name, placeholder);
      }
      text += placeholder;
      index += name.length + 1;
      continue;
    }
    text += char;
    index += 1;
  }
  return { text, values };
}
