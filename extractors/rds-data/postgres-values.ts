import type { ArrayValue, ColumnMetadata, Field } from "@aws-sdk/client-rds-data";
import pg from "pg";
import type { StatementResult } from "./data-api.js";

/**
 * Rows from the Data API decoded to exactly what `pg` returns for the same query: each Field is
 * turned back into PostgreSQL's text form (what `pg` reads off the wire) and handed to pg's own
 * parser for the column's type (`pg.types`), found by the type name in the column metadata. So
 * int2/int4/oid and float8 become numbers, int8 and numeric stay strings, bool, bytea (Buffer),
 * json, dates and arrays come out as pg gives them, and any other type stays text, as in pg.
 */

/** OIDs of the built-in types pg has parsers for, by `pg_type.typname` (arrays start with `_`). */
const typeOids: Record<string, number> = {
  bool: 16,
  bytea: 17,
  int8: 20,
  int2: 21,
  int4: 23,
  oid: 26,
  json: 114,
  point: 600,
  float4: 700,
  float8: 701,
  circle: 718,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  interval: 1186,
  jsonb: 3802,
  _bool: 1000,
  _bytea: 1001,
  _int2: 1005,
  _int4: 1007,
  _text: 1009,
  _bpchar: 1014,
  _varchar: 1015,
  _int8: 1016,
  _float4: 1021,
  _float8: 1022,
  _oid: 1028,
  _inet: 1041,
  _timestamp: 1115,
  _date: 1182,
  _time: 1183,
  _timestamptz: 1185,
  _interval: 1187,
  _numeric: 1231,
  _timetz: 1270,
  _uuid: 2951,
  _json: 199,
  _jsonb: 3807,
  _cidr: 651,
  _money: 791,
};

/** `int4`, `"char"`, `pg_catalog.int4`, `text[]` and `_text` as pg_type names. */
function typeNameOf(column: ColumnMetadata | undefined): string {
  const name = (column?.typeName ?? "").toLowerCase().replaceAll('"', "");
  const bare = name.replace(/^pg_catalog\./, "");
  return bare.endsWith("[]") ? `_${bare.slice(0, -2)}` : bare;
}

/**
 * A timestamptz without an offset is UTC: the session runs with TimeZone UTC (see
 * postgres-session.ts), whether the Data API keeps the server's `+00` or drops it.
 */
function withOffset(text: string): string {
  const datetime = /^\d{4,}-\d{2}-\d{2}[ T]\d/.test(text);
  const hasOffset = /(?:[+-]\d{2}(?::?\d{2}){0,2}|Z)(?: BC)?$/.test(text.slice(10));
  return datetime && !hasOffset ? text.replace(/( BC)?$/, "+00$1") : text;
}

/** array_out's rule: quote an element that is empty, NULL-like, or holds syntax or space. */
function arrayElement(text: string): string {
  if (text !== "" && !/^null$/i.test(text) && !/[{}",\\\s]/.test(text)) return text;
  return `"${text.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}

function arrayText(array: ArrayValue, elementType: string): string {
  const each = <T>(values: readonly (T | null)[], text: (value: T) => string) =>
    values.map((value) => (value === null ? "NULL" : text(value)));
  let items: string[];
  if (array.arrayValues) items = each(array.arrayValues, (inner) => arrayText(inner, elementType));
  else if (array.stringValues) {
    items = each(array.stringValues, (value) =>
      arrayElement(elementType === "timestamptz" ? withOffset(value) : value),
    );
  } else if (array.longValues) items = each(array.longValues, String);
  else if (array.doubleValues) items = each(array.doubleValues, String);
  else if (array.booleanValues) items = each(array.booleanValues, (value) => (value ? "t" : "f"));
  else throw new Error("The Data API returned an array of an unknown kind.");
  return `{${items.join(",")}}`;
}

/** PostgreSQL's text output for one value, or null for NULL. */
function textOf(field: Field, typeName: string): string | null {
  if (field.isNull === true) return null;
  if (field.stringValue !== undefined) {
    return typeName === "timestamptz" ? withOffset(field.stringValue) : field.stringValue;
  }
  if (field.longValue !== undefined) return String(field.longValue);
  if (field.doubleValue !== undefined) return String(field.doubleValue);
  if (field.booleanValue !== undefined) return field.booleanValue ? "t" : "f";
  if (field.blobValue !== undefined) return `\\x${Buffer.from(field.blobValue).toString("hex")}`;
  if (field.arrayValue !== undefined) {
    return arrayText(field.arrayValue, typeName.startsWith("_") ? typeName.slice(1) : typeName);
  }
  throw new Error("The Data API returned a field of an unknown kind.");
}

type Parse = (text: string) => unknown;

/** pg's parser registry (pg-types), which the direct path's `pg` client reads from too. */
const typeParser = pg.types.getTypeParser as (oid: number, format: "text") => Parse;

function parserOf(typeName: string): Parse {
  const oid = typeOids[typeName];
  return oid === undefined ? (text) => text : typeParser(oid, "text");
}

/** Rows keyed by column label (the `AS` name), values as `pg` would give them. */
export function postgresRows(result: StatementResult): Record<string, unknown>[] {
  const columns = result.columns.map((column, index) => {
    const typeName = typeNameOf(column);
    return {
      name: column.label ?? column.name ?? `?column${String(index)}?`,
      typeName,
      parse: parserOf(typeName),
    };
  });
  return result.records.map((record) => {
    const row: Record<string, unknown> = {};
    columns.forEach((column, index) => {
      const field = record[index];
      const text = field === undefined ? null : textOf(field, column.typeName);
      row[column.name] = text === null ? null : column.parse(text);
    });
    return row;
  });
}
