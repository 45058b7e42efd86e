/**
 * How the Data API turns PostgreSQL values into `Field`s (as far as the documentation and
 * reports of the real service go): bool → booleanValue, integer types → longValue (a string
 * with longReturnType STRING), float4/float8 → doubleValue, numeric → stringValue (a number with
 * decimalReturnType DOUBLE_OR_LONG), bytea → blobValue, one-dimensional or nested arrays →
 * arrayValue, NULL → isNull, everything else → stringValue with the server's text. A timestamptz
 * comes without its `+00` offset (the Data API reports UTC), which the decoder must cope with.
 */
import type { ArrayValue, Field } from "@aws-sdk/client-rds-data";
import pg from "pg";

export interface ResultOptions {
  longAsString: boolean;
  decimalAsDouble: boolean;
}

const integerTypes = new Set(["int2", "int4", "int8", "oid"]);
const floatTypes = new Set(["float4", "float8"]);

/** text[]'s parser splits any array literal into (nested) element strings. */
const typeParser = pg.types.getTypeParser as (oid: number, format: "text") => unknown;
const splitArray = typeParser(1009, "text") as (text: string) => unknown[];

function arrayValue(items: readonly unknown[], elementType: string): ArrayValue {
  if (items.some((item) => Array.isArray(item))) {
    return {
      arrayValues: items.map((item) => arrayValue(Array.isArray(item) ? item : [], elementType)),
    };
  }
  const texts = items.map((item) => (typeof item === "string" ? item : null));
  if (elementType === "bool")
    return { booleanValues: texts.map((t) => (t === null ? null : t === "t")) };
  if (integerTypes.has(elementType)) {
    return { longValues: texts.map((t) => (t === null ? null : Number(t))) };
  }
  if (floatTypes.has(elementType)) {
    return { doubleValues: texts.map((t) => (t === null ? null : Number(t))) };
  }
  return { stringValues: texts };
}

export function encodeField(text: string | null, typeName: string, options: ResultOptions): Field {
  if (text === null) return { isNull: true };
  if (typeName.startsWith("_"))
    return { arrayValue: arrayValue(splitArray(text), typeName.slice(1)) };
  if (typeName === "bool") return { booleanValue: text === "t" };
  if (integerTypes.has(typeName)) {
    return options.longAsString ? { stringValue: text } : { longValue: Number(text) };
  }
  if (floatTypes.has(typeName) && Number.isFinite(Number(text)))
    return { doubleValue: Number(text) };
  if (typeName === "numeric" && options.decimalAsDouble) return { doubleValue: Number(text) };
  if (typeName === "bytea") return { blobValue: Buffer.from(text.slice(2), "hex") };
  if (typeName === "timestamptz") return { stringValue: text.replace(/\+00$/, "") };
  return { stringValue: text };
}

/** pg_type names by oid, looked up once per oid. */
export function pgTypeNames(
  connect: () => Promise<pg.Client>,
): (oids: number[]) => Promise<Map<number, string>> {
  const known = new Map<number, string>();
  return async (oids) => {
    const missing = [...new Set(oids)].filter((oid) => !known.has(oid));
    if (missing.length > 0) {
      const client = await connect();
      try {
        const { rows } = await client.query<{ oid: string; typname: string }>(
          "SELECT oid, typname FROM pg_type WHERE oid = ANY($1::oid[])",
          [missing],
        );
        for (const row of rows) known.set(Number(row.oid), row.typname);
      } finally {
        await client.end();
      }
    }
    return known;
  };
}
