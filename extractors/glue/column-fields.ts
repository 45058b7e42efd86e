import type { Column } from "@aws-sdk/client-glue";
import type { Field } from "../../src/model/index.js";
import { compact } from "../shared/order.js";
import { formatHiveType, parseHiveType, type HiveType } from "./hive-type.js";

/**
 * Named members inside a type, with the profiler's path syntax: `col.a` for a struct member,
 * `[]` for array elements and `.<key>` for map values (`col.b[].c`, `col.<key>.x`). Elements and
 * map values get no row of their own: their members do.
 */
function nestedFields(type: HiveType, prefix: string, position: number): Field[] {
  switch (type.kind) {
    case "struct":
      return type.fields.flatMap((member) => {
        const path = `${prefix}.${member.name}`;
        const field: Field = compact({
          name: member.name,
          path,
          position,
          type: formatHiveType(member.type),
          comment: member.comment,
        });
        return [field, ...nestedFields(member.type, path, position)];
      });
    case "array":
      return nestedFields(type.element, `${prefix}[]`, position);
    case "map":
      return nestedFields(type.value, `${prefix}.<key>`, position);
    case "primitive":
    case "union":
      // A union's members have no names to give them a path.
      return [];
  }
}

/**
 * Iceberg keeps the optional flag of each column in Glue column parameters
 * (`iceberg.field.optional`); plain Hive columns say nothing about nulls.
 */
function nullableOf(column: Column): boolean | undefined {
  const optional = column.Parameters?.["iceberg.field.optional"];
  return optional === undefined ? undefined : optional === "true";
}

/**
 * A Glue column as its Field (type as Glue wrote it) followed by the fields nested in its type.
 * A type that does not parse keeps the column with its raw type and no nested fields.
 */
export function columnFields(column: Column, name: string, position: number): Field[] {
  const type = column.Type?.trim() ?? "";
  const field: Field = compact({
    name,
    path: name,
    position,
    type,
    nullable: nullableOf(column),
    comment: column.Comment?.trim() || undefined,
  });
  const parsed = type === "" ? undefined : parseHiveType(type);
  return [field, ...(parsed ? nestedFields(parsed, name, position) : [])];
}

/**
 * Iceberg tables written by Athena keep dropped columns in the storage descriptor, marked
 * `iceberg.field.current: false`; they are not part of the table any more.
 */
export function isCurrentColumn(column: Column): boolean {
  return column.Parameters?.["iceberg.field.current"] !== "false";
}
