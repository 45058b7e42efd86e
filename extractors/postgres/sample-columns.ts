import pg from "pg";
import type { Field } from "../../src/model/index.js";

/** Text values are cut here in SQL, so a sample of wide rows cannot blow memory. */
export const longestSampledText = 500;
/** Binary content is not needed, only enough of it to tell values apart. */
export const binaryBytesSampled = 64;

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

const wholeNumber = /^-?\d+$/;

/** `pg` returns int8 and numeric as strings; dates arrive as ISO text (see expressionOf). */
function convert(kind: ColumnKind, value: unknown): unknown {
  if (typeof value !== "string") return value;
  switch (kind) {
    case "bigint":
      return BigInt(value);
    case "numeric":
      // Whole numbers beyond double precision stay exact as BigInt.
      return wholeNumber.test(value) && value.replace("-", "").length > 15
        ? BigInt(value)
        : Number(value);
    case "date":
      return validDate(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : "", value);
    case "timestamp":
      return validDate(/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(value) ? `${value}Z` : "", value);
    case "timestamptz":
      return validDate(value, value);
    default:
      return value;
  }
}

/** `infinity` and dates outside the ISO range stay text. */
function validDate(iso: string, original: string): Date | string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? original : date;
}

export interface SampleColumns {
  /** The select list, identifiers quoted by the driver. */
  selectList: string;
  /** Turns a fetched row into the record the profiler reads. */
  toRecord(row: Record<string, unknown>): Record<string, unknown>;
}

export function sampleColumns(fields: readonly Field[]): SampleColumns {
  const columns = fields.map((field) => ({ name: field.name, kind: kindOf(field) }));
  return {
    selectList: columns
      .map(({ name, kind }) => {
        const quoted = pg.escapeIdentifier(name);
        return `${expressionOf(kind, quoted)} AS ${quoted}`;
      })
      .join(", "),
    toRecord: (row) => {
      const record: Record<string, unknown> = {};
      for (const { name, kind } of columns) record[name] = convert(kind, row[name]);
      return record;
    },
  };
}
