import pg from "pg";
import type { Field } from "../../src/model/index.js";
import {
  dayOrText,
  exactInstant,
  exactNumber,
  recordOf,
  zonelessDateTime,
  type SampleColumns,
} from "../shared/sampled-values.js";

/** Text values are cut here in SQL, so a sample of wide rows cannot blow memory. */
const longestSampledText = 500;
/** Binary content is not needed, only enough of it to tell values apart. */
const binaryBytesSampled = 64;

/** How a column is read and handed to the profiler. */
type ColumnKind =
  | "number"
  | "bigint"
  | "numeric"
  | "boolean"
  | "uuid"
  | "date"
  | "timestamp"
  | "timestamptz"
  | "binary"
  | "text";

/** Base types by their `format_type` name (type modifiers removed); anything else is text. */
const kindsByType: Record<string, ColumnKind> = {
  smallint: "number",
  integer: "number",
  real: "number",
  "double precision": "number",
  oid: "number",
  bigint: "bigint",
  numeric: "numeric",
  boolean: "boolean",
  uuid: "uuid",
  date: "date",
  "timestamp without time zone": "timestamp",
  "timestamp with time zone": "timestamptz",
  bytea: "binary",
};

function kindOf(field: Field): ColumnKind {
  if (field.enumValues) return "text";
  const declared = field.domain?.baseType ?? field.type;
  if (declared.endsWith("]")) return "text";
  return kindsByType[declared.replace(/\(\d+(?:,\d+)?\)/g, "")] ?? "text";
}

/**
 * The select-list expression of one column. Scalars of bounded size come as they are; dates and
 * timestamps as ISO 8601 text (`to_json` does not depend on DateStyle or the client's time
 * zone); binary values as their first bytes; everything else as text cut to a bounded length.
 */
function expressionOf(kind: ColumnKind, quoted: string): string {
  switch (kind) {
    case "date":
    case "timestamp":
    case "timestamptz":
      return `to_json(${quoted}) #>> '{}'`;
    case "binary":
      return `substring(${quoted} from 1 for ${String(binaryBytesSampled)})`;
    case "text":
      return `left(${quoted}::text, ${String(longestSampledText)})`;
    default:
      return quoted;
  }
}

/** `pg` returns int8 and numeric as strings; dates arrive as ISO text (see expressionOf). */
function convert(kind: ColumnKind, value: unknown): unknown {
  if (typeof value !== "string") return value;
  switch (kind) {
    case "bigint":
      return BigInt(value);
    case "numeric":
      return exactNumber(value);
    case "date":
      return dayOrText(value);
    case "timestamp":
      return zonelessDateTime(value);
    case "timestamptz":
      return exactInstant(value);
    default:
      return value;
  }
}

export type { SampleColumns };

export function sampleColumns(fields: readonly Field[]): SampleColumns {
  const columns = fields.map((field) => ({ name: field.name, kind: kindOf(field) }));
  return {
    selectList: columns
      .map(({ name, kind }) => {
        const quoted = pg.escapeIdentifier(name);
        return `${expressionOf(kind, quoted)} AS ${quoted}`;
      })
      .join(", "),
    toRecord: (row) => recordOf(columns, row, convert),
  };
}
