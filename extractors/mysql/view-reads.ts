import type { DatasetRef } from "../../src/model/index.js";
import { byKeys } from "../shared/order.js";

/** A backquoted identifier as the server writes it: `` doubles a backquote inside. */
const identifier = "`((?:[^`]|``)+)`";

/**
 * `from`/`join` (with any opening parentheses) then `` `database`.`table` ``. MariaDB keeps
 * VIEW_DEFINITION in this normalised form, every table qualified by its database.
 */
const tableReference = new RegExp(
  `\\b(?:from|join)\\s*(?:\\(\\s*)*${identifier}\\.${identifier}(?!\\.)`,
  "gi",
);

const unquote = (text: string): string => text.replace(/``/g, "`");

/**
 * The tables and views a MariaDB view reads, from its definition (MariaDB has no
 * VIEW_TABLE_USAGE). Only references whose first part is a database on the server count, so
 * that `extract(year from `o`.`placed`)` (an alias and a column) is not taken for a table.
 */
export function viewReadsFromDefinition(
  definition: string,
  databases: ReadonlySet<string>,
): DatasetRef[] {
  const found = new Map<string, DatasetRef>();
  for (const match of definition.matchAll(tableReference)) {
    const database = unquote(match[1] ?? "");
    const name = unquote(match[2] ?? "");
    if (!databases.has(database)) continue;
    found.set(JSON.stringify([database, name]), { database, name });
  }
  return sortedRefs([...found.values()]);
}

export function sortedRefs(refs: DatasetRef[]): DatasetRef[] {
  return refs.sort(
    byKeys(
      (ref) => ref.database ?? "",
      (ref) => ref.name,
    ),
  );
}
