/**
 * How the Data API turns MySQL values into Fields, as the documentation and reports describe
 * it: integers → longValue (a string with longReturnType STRING), TINYINT(1) → booleanValue,
 * FLOAT/DOUBLE → doubleValue, DECIMAL → stringValue, binary strings and BLOBs → blobValue,
 * everything else → stringValue with the server's text. Type names are JDBC's.
 */
import type { Field } from "@aws-sdk/client-rds-data";

export interface MysqlColumn {
  name: string;
  columnType: number;
  characterSet: number;
  flags: number;
  columnLength: number;
}

const names: Record<number, string> = {
  0: "DECIMAL",
  1: "TINYINT",
  2: "SMALLINT",
  3: "INT",
  4: "FLOAT",
  5: "DOUBLE",
  6: "NULL",
  7: "TIMESTAMP",
  8: "BIGINT",
  9: "MEDIUMINT",
  10: "DATE",
  11: "TIME",
  12: "DATETIME",
  13: "YEAR",
  15: "VARCHAR",
  16: "BIT",
  245: "JSON",
  246: "DECIMAL",
  247: "CHAR",
  248: "CHAR",
  249: "BLOB",
  250: "BLOB",
  251: "BLOB",
  252: "BLOB",
  253: "VARCHAR",
  254: "CHAR",
  255: "GEOMETRY",
};
const textNames: Record<string, string> = { BLOB: "TEXT", VARCHAR: "VARCHAR", CHAR: "CHAR" };
const binaryNames: Record<string, string> = { BLOB: "BLOB", VARCHAR: "VARBINARY", CHAR: "BINARY" };

const binaryCharset = 63;
const unsignedFlag = 32;

function isBinary(column: MysqlColumn): boolean {
  const name = names[column.columnType] ?? "";
  return column.characterSet === binaryCharset && name in binaryNames;
}

export function jdbcTypeName(column: MysqlColumn): string {
  const name = names[column.columnType] ?? "VARCHAR";
  if (name in textNames) return (isBinary(column) ? binaryNames : textNames)[name] ?? name;
  return (column.flags & unsignedFlag) !== 0 ? `${name} UNSIGNED` : name;
}

const integers = new Set(["TINYINT", "SMALLINT", "MEDIUMINT", "INT", "BIGINT", "YEAR"]);

export function encodeMysqlField(
  value: string | Buffer | null,
  column: MysqlColumn | undefined,
  longAsString: boolean,
): Field {
  if (value === null) return { isNull: true };
  if (column === undefined) return { stringValue: String(value) };
  if (Buffer.isBuffer(value)) {
    return isBinary(column) ? { blobValue: value } : { stringValue: value.toString("utf8") };
  }
  const name = names[column.columnType] ?? "VARCHAR";
  if (name === "TINYINT" && column.columnLength === 1) return { booleanValue: value !== "0" };
  if (integers.has(name))
    return longAsString ? { stringValue: value } : { longValue: Number(value) };
  if (name === "FLOAT" || name === "DOUBLE") return { doubleValue: Number(value) };
  return { stringValue: value };
}
