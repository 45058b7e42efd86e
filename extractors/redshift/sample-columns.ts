import pg from "pg";
import type { Field } from "../../src/model/index.js";
import {
  exactInstant,
  zonelessDateTime,
  dayOrText,
  exactNumber,
  recordOf,
  wholeNumber,
  type SampleColumns as ReadColumns,
} from "../shared/sampled-values.js";

/** Text values are cut here in SQL, so a sample of wide rows cannot blow memory. */
const longestSampledText = 500;

/** How a column is read and handed to the profiler. */
type ColumnKind =
  | "number"
  | "bigint"
  | "numeric"
  | "boolean"
  | "date"
  | "timestamp"
  | "timestamptz"
  | "string"
  | "text"
  | "super"
  | "unread";

/** Base types by svv_columns' name (modifiers removed); anything else is cast to text. */
const kindsByType: Record<string, ColumnKind> = {
  smallint: "number",
  integer: "number",
  real: "number",
  "double precision": "number",
  bigint: "bigint",
  numeric: "numeric",
  decimal: "numeric",
  boolean: "boolean",
  date: "date",
  "timestamp without time zone": "timestamp",
  "timestamp with time zone": "timestamptz",
  "character varying": "string",
  character: "string",
  text: "string",
  super: "super",
  // Spatial, sketch and binary values say nothing a profile could use, and can be large.
  geometry: "unread",
  geography: "unread",
  hllsketch: "unread",
  "binary varying": "unread",
  varbyte: "unread",
};

function kindOf(field: Field): ColumnKind {
  return (
    kindsByType[
      field.type
        .replace(/\(.*\)$/, "")
        .trim()
        .toLowerCase()
    ] ?? "text"
  );
}

/** The select-list expression of one column, in SQL that Redshift and PostgreSQL both accept. */
function expressionOf(kind: ColumnKind, quoted: string): string {
  const cap = String(longestSampledText);
  switch (kind) {
    case "string":
      // LEFT counts characters, so a multibyte character is never cut in half.
      return `LEFT(${quoted}, ${cap})`;
    case "text":
      // time, timetz, intervals and whatever comes next: short values, read as their text.
      return `CAST(${quoted} AS VARCHAR(${cap}))`;
    case "super":
      // Redshift only: a SUPER value as JSON text, cut like any text.
      return `LEFT(JSON_SERIALIZE(${quoted}), ${cap})`;
    default:
      return quoted;
  }
}

/** `pg` returns int8 and numeric as strings, dates and timestamps as the server's text. */
function convert(kind: ColumnKind, value: unknown): unknown {
  if (typeof value !== "string") return value;
  switch (kind) {
    case "bigint":
      return wholeNumber.test(value) ? BigInt(value) : value;
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

/** The select list is empty when no column can be read. */
export interface SampleColumns extends ReadColumns {
  /** Columns left out of the sample, by name. */
  unread: string[];
}

export function sampleColumns(fields: readonly Field[]): SampleColumns {
  const columns = fields.map((field) => ({ name: field.name, kind: kindOf(field) }));
  const read = columns.filter((column) => column.kind !== "unread");
  return {
    selectList: read
      .map(({ name, kind }) => {
        const quoted = pg.escapeIdentifier(name);
        return `${expressionOf(kind, quoted)} AS ${quoted}`;
      })
      .join(", "),
    unread: columns.filter((column) => column.kind === "unread").map((column) => column.name),
    toRecord: (row) => recordOf(read, row, convert),
  };
}
