import type {
  CheckConstraint,
  Dataset,
  DatasetRef,
  ForeignKey,
  KeyConstraint,
} from "../../src/model/index.js";
import type { ConstraintRow } from "./catalog-rows.js";
import { byKeys, compareText } from "./order.js";

const referentialActions: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

const byName = (a: { name: string }, b: { name: string }): number => compareText(a.name, b.name);

function foreignKey(row: ConstraintRow, database: string): ForeignKey {
  const ref = (schema: string, name: string): DatasetRef => ({ database, schema, name });
  return {
    name: row.name,
    from: ref(row.relSchema, row.relName),
    fromFields: row.columns,
    to: ref(row.refSchema ?? "", row.refName ?? ""),
    toFields: row.refColumns,
    onUpdate: referentialActions[row.onUpdate] ?? row.onUpdate,
    onDelete: referentialActions[row.onDelete] ?? row.onDelete,
  };
}

export type ConstraintFacts = Pick<Dataset, "keys" | "foreignKeys" | "referencedBy" | "checks">;

/** A self-referencing foreign key is both outgoing and incoming, and is listed in both. */
export function assembleConstraints(
  declared: readonly ConstraintRow[],
  incoming: readonly ConstraintRow[],
  database: string,
): ConstraintFacts {
  const keys: KeyConstraint[] = declared
    .filter((row) => row.kind === "p" || row.kind === "u")
    .map((row) => ({
      name: row.name,
      kind: row.kind === "p" ? "primary" : "unique",
      fields: row.columns,
    }));
  const checks: CheckConstraint[] = declared
    .filter((row) => row.kind === "c")
    .map((row) => ({ name: row.name, expression: row.expression ?? "" }));
  const foreignKeys = declared
    .filter((row) => row.kind === "f")
    .map((row) => foreignKey(row, database));
  const referencedBy = incoming.map((row) => foreignKey(row, database));
  return {
    keys: keys.sort(byName),
    foreignKeys: foreignKeys.sort(byName),
    referencedBy: referencedBy.sort(
      byKeys(
        (key) => key.from.schema ?? "",
        (key) => key.from.name,
        (key) => key.name,
      ),
    ),
    checks: checks.sort(byName),
  };
}
