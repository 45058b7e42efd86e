import type { Field } from "../../src/model/index.js";
import { compact } from "../shared/order.js";
import type { ColumnRow } from "./catalog-rows.js";
import { fieldStatsOf, type ColumnStatsRow } from "./column-stats.js";

/** `enum('a','it''s')` → ["a", "it's"]; undefined for any other type. */
export function enumValuesOf(columnType: string): string[] | undefined {
  const body = /^enum\((.*)\)$/is.exec(columnType)?.[1];
  if (body === undefined) return undefined;
  return [...body.matchAll(/'((?:[^'\\]|''|\\.)*)'/g)].map((match) =>
    (match[1] ?? "").replaceAll("''", "'").replace(/\\(.)/g, "$1"),
  );
}

const numericType =
  /^(tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|real|bit|year)\b/i;

/**
 * COLUMN_DEFAULT as SQL text. MariaDB (10.2.7+) already gives an expression, quoting literals
 * and spelling a missing default `NULL`; MySQL gives literals bare and marks expression
 * defaults DEFAULT_GENERATED, so its string literals are quoted here to read the same way.
 */
export function defaultOf(column: ColumnRow, flavour: "mysql" | "mariadb"): string | undefined {
  const value = column.defaultValue;
  if (value === undefined) return undefined;
  if (flavour === "mariadb") return value === "NULL" ? undefined : value;
  if (/DEFAULT_GENERATED/i.test(column.extra) || /^current_timestamp\b/i.test(value)) return value;
  if (numericType.test(column.columnType) || /^b'[01]*'$/.test(value)) return value;
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * `ON UPDATE CURRENT_TIMESTAMP` (EXTRA `on update current_timestamp()`): every update of the row
 * sets the column, which a reader of "default current_timestamp()" alone would not know.
 */
function withOnUpdate(value: string | undefined, extra: string): string | undefined {
  const onUpdate = /\bon update (\S.*)$/i.exec(extra.trim())?.[1];
  return value === undefined || onUpdate === undefined ? value : `${value} on update ${onUpdate}`;
}

/** EXTRA says `VIRTUAL GENERATED` or `STORED GENERATED` (MySQL's DEFAULT_GENERATED is a default). */
function generatedOf(column: ColumnRow): string | undefined {
  if (!/\b(VIRTUAL|STORED|PERSISTENT) GENERATED\b/i.test(column.extra)) return undefined;
  return column.generation?.trim() || undefined;
}

/** Types whose values have a length worth stating: strings, binary strings and JSON documents. */
const lengthType =
  /^(char|varchar|tinytext|text|mediumtext|longtext|binary|varbinary|tinyblob|blob|mediumblob|longblob|json)\b/i;

/**
 * MariaDB's persistent statistics give every column an avg_length, for an integer the bytes it
 * is stored in (4 for INT): that says nothing about the data and reads like a string's length,
 * so only types with lengths keep it.
 */
function statsOfType(row: ColumnStatsRow, columnType: string): ColumnStatsRow {
  return lengthType.test(columnType) ? row : { ...row, averageLength: undefined };
}

const nonEmpty = (text: string | undefined): string | undefined =>
  text === undefined || text.trim() === "" ? undefined : text;

/**
 * Fields in column order. A view's column defaults are those of the columns it reads, not its
 * own, so a view states none.
 */
export function assembleFields(
  columns: readonly ColumnRow[],
  stats: readonly ColumnStatsRow[],
  context: { flavour: "mysql" | "mariadb"; isView: boolean; rowEstimate: number | undefined },
): Field[] {
  const statsByName = new Map(stats.map((row) => [row.columnName, row]));
  return [...columns]
    .sort((a, b) => a.position - b.position)
    .map((column, index) => {
      const generated = generatedOf(column);
      const columnStats = statsByName.get(column.name);
      return compact<Field>({
        name: column.name,
        path: column.name,
        position: index + 1,
        type: column.columnType,
        nullable: column.nullable,
        default:
          context.isView || generated !== undefined
            ? undefined
            : withOnUpdate(defaultOf(column, context.flavour), column.extra),
        comment: nonEmpty(column.comment),
        identity: /\bauto_increment\b/i.test(column.extra) ? "auto_increment" : undefined,
        generated,
        enumValues: enumValuesOf(column.columnType),
        stats: columnStats
          ? fieldStatsOf(statsOfType(columnStats, column.columnType), context.rowEstimate)
          : undefined,
      });
    });
}
