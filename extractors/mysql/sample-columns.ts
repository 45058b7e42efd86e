import type { Field } from "../../src/model/index.js";
import { quoteIdentifier } from "./quote.js";
import { textOf } from "./row-values.js";
import {
  zonelessDateTime,
  dayOrText,
  exactNumber,
  recordOf,
  wholeNumber,
  type SampleColumns,
} from "../shared/sampled-values.js";

/** Text values are cut here in SQL, so a sample of wide rows cannot blow memory. */
const longestSampledText = 500;
/** Binary content is not needed, only enough of it to tell values apart. */
const binaryBytesSampled = 64;

type ColumnKind =
  "number" | "bigint" | "decimal" | "bit" | "date" | "datetime" | "binary" | "spatial" | "text";

const kindsByType: Record<string, ColumnKind> = {
  tinyint: "number",
  smallint: "number",
  mediumint: "number",
  int: "number",
  integer: "number",
  float: "number",
  double: "number",
  real: "number",
  year: "number",
  bigint: "bigint",
  decimal: "decimal",
  numeric: "decimal",
  bit: "bit",
  date: "date",
  datetime: "datetime",
  timestamp: "datetime",
  binary: "binary",
  varbinary: "binary",
  tinyblob: "binary",
  blob: "binary",
  mediumblob: "binary",
  longblob: "binary",
  geometry: "spatial",
  point: "spatial",
  linestring: "spatial",
  polygon: "spatial",
  multipoint: "spatial",
  multilinestring: "spatial",
  multipolygon: "spatial",
  geometrycollection: "spatial",
};

/** The first word of COLUMN_TYPE: `int(10) unsigned` → int. Anything unknown is text. */
function kindOf(field: Field): ColumnKind {
  const base = /^[a-z]+/i.exec(field.type)?.[0]?.toLowerCase() ?? "";
  return kindsByType[base] ?? "text";
}

/**
 * The select-list expression of one column: bounded scalars as they are, BIT as a number,
 * binary values as their first bytes, spatial values as WKT and everything else (strings, enums,
 * sets, JSON, TIME) as text cut to a bounded length.
 */
function expressionOf(kind: ColumnKind, quoted: string): string {
  switch (kind) {
    case "bit":
      return `CAST(${quoted} AS UNSIGNED)`;
    case "binary":
      return `LEFT(${quoted}, ${String(binaryBytesSampled)})`;
    case "spatial":
      return `LEFT(ST_AsText(${quoted}), ${String(longestSampledText)})`;
    case "text":
      return `LEFT(${quoted}, ${String(longestSampledText)})`;
    default:
      return quoted;
  }
}

/**
 * Values may come as numbers or strings (mysql2 with string big numbers and dates, or the Data
 * API), so each is converted from whatever arrived. DATETIME has no time zone, and TIMESTAMP is
 * shown in the session's: both are written as the server shows them, without an offset.
 */
function convert(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return kind === "binary" ? value : textOf(value);
  const text = typeof value === "string" ? value : (textOf(value) ?? "");
  switch (kind) {
    case "number":
      return Number(text);
    case "bigint":
    case "bit":
      return wholeNumber.test(text) ? BigInt(text) : Number(text);
    case "decimal":
      return exactNumber(text);
    case "date":
      return dayOrText(text);
    case "datetime":
      return zonelessDateTime(text);
    default:
      return typeof value === "string" ? value : text;
  }
}

export type { SampleColumns };

export function sampleColumns(fields: readonly Field[]): SampleColumns {
  const columns = fields.map((field) => ({ name: field.name, kind: kindOf(field) }));
  return {
    selectList: columns
      .map(
        ({ name, kind }) =>
          `${expressionOf(kind, quoteIdentifier(name))} AS ${quoteIdentifier(name)}`,
      )
      .join(", "),
    toRecord: (row) => recordOf(columns, row, convert),
  };
}
