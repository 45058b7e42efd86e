import type { Dataset, DatasetRef, ForeignKey, KeyConstraint } from "../../src/model/index.js";
import { byKeys, compareText, groupBy } from "../shared/order.js";
import type { ConstraintColumnRow } from "./catalog-rows.js";
import { tableKey } from "./read-catalog.js";

interface Constraint {
  schema: string;
  table: string;
  name: string;
  kind: ConstraintColumnRow["kind"];
  columns: string[];
  references?: { schema: string; name: string };
}

export type ConstraintFacts = Pick<Dataset, "keys" | "foreignKeys" | "referencedBy">;

/** The column rows of each constraint, put together in key order. */
function constraintsOf(rows: readonly ConstraintColumnRow[]): Constraint[] {
  const grouped = groupBy(rows, (row) => JSON.stringify([row.schema, row.table, row.name]));
  return [...grouped.values()].flatMap((group) => {
    const [first] = group;
    if (first === undefined) return [];
    const ordered = [...group].sort((a, b) => a.position - b.position);
    const references =
      first.refConstraintSchema !== null && first.refConstraintName !== null
        ? { schema: first.refConstraintSchema, name: first.refConstraintName }
        : undefined;
    return [
      {
        schema: first.schema,
        table: first.table,
        name: first.name,
        kind: first.kind,
        columns: ordered.map((row) => row.column),
        references,
      },
    ];
  });
}

const byName = (a: { name: string }, b: { name: string }): number => compareText(a.name, b.name);

/**
 * Keys of every table, and foreign keys resolved to the table and columns of the unique
 * constraint they reference (unique constraint names are unique per schema: each is an index).
 */
export function constraintFacts(
  rows: readonly ConstraintColumnRow[],
  database: string,
): (schema: string, table: string) => ConstraintFacts {
  const constraints = constraintsOf(rows);
  const uniques = new Map(
    constraints
      .filter((c) => c.kind !== "FOREIGN KEY")
      .map((c) => [JSON.stringify([c.schema, c.name]), c]),
  );
  const ref = (schema: string, name: string): DatasetRef => ({ database, schema, name });
  const foreignKeys: ForeignKey[] = constraints.flatMap((c) => {
    const target =
      c.references && uniques.get(JSON.stringify([c.references.schema, c.references.name]));
    if (c.kind !== "FOREIGN KEY" || !target) return [];
    return [
      {
        name: c.name,
        from: ref(c.schema, c.table),
        fromFields: c.columns,
        to: ref(target.schema, target.table),
        toFields: target.columns,
      },
    ];
  });
  const keysByTable = groupBy(
    constraints.filter((c) => c.kind !== "FOREIGN KEY"),
    (c) => tableKey(c.schema, c.table),
  );
  const outgoing = groupBy(foreignKeys, (fk) => tableKey(fk.from.schema ?? "", fk.from.name));
  const incoming = groupBy(foreignKeys, (fk) => tableKey(fk.to.schema ?? "", fk.to.name));
  return (schema, table) => {
    const key = tableKey(schema, table);
    const keys: KeyConstraint[] = (keysByTable.get(key) ?? []).map((c) => ({
      name: c.name,
      kind: c.kind === "PRIMARY KEY" ? "primary" : "unique",
      fields: c.columns,
    }));
    return {
      keys: keys.sort(byName),
      foreignKeys: [...(outgoing.get(key) ?? [])].sort(byName),
      referencedBy: [...(incoming.get(key) ?? [])].sort(
        byKeys(
          (fk) => fk.from.schema ?? "",
          (fk) => fk.from.name,
          (fk) => fk.name,
        ),
      ),
    };
  };
}
