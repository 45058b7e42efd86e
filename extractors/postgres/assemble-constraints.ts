import type {
  CheckConstraint,
  Dataset,
  DatasetRef,
  ForeignKey,
  KeyConstraint,
} from "../../src/model/index.js";
import type { ConstraintRow } from "./catalog-rows.js";
import { foldPartitionRows, type Folded, type PartitionTree } from "./fold-partitions.js";
import { byKeys, compact, compareText, groupBy } from "../shared/order.js";

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

/** Constraints that say the same of the same table, wherever in its partition tree declared. */
function sameness(row: ConstraintRow): string {
  const referenced =
    row.kind === "f" ? [row.refRelid, row.refColumns, row.onUpdate, row.onDelete] : [];
  return JSON.stringify([row.ownerRelid, row.kind, row.columns, row.expression, ...referenced]);
}

export type ConstraintFacts = Pick<Dataset, "keys" | "foreignKeys" | "referencedBy" | "checks">;

/**
 * Keys and checks declared on partitions count for the table only when every partition
 * declares them, and a key only when it holds the partition key columns (else it is unique
 * within each partition only: its index says so). Foreign keys count wherever declared, saying
 * on how many partitions, on the referenced side too when the referencing table is extracted
 * (`treeOf` gives its partitions). A self-referencing foreign key is both outgoing and
 * incoming, and is listed in both.
 */
export function assembleConstraints(
  declared: readonly ConstraintRow[],
  incoming: readonly ConstraintRow[],
  database: string,
  tree: PartitionTree,
  treeOf: (owner: number) => PartitionTree | undefined,
): ConstraintFacts {
  const folded = foldPartitionRows(declared, tree, sameness);
  const onAll = ({ onPartitions }: Folded<ConstraintRow>) =>
    onPartitions === undefined || onPartitions.partitions === onPartitions.of;
  const keys: KeyConstraint[] = folded
    .filter(({ row }) => row.kind === "p" || row.kind === "u")
    .filter(
      (entry) =>
        onAll(entry) && (!entry.onPartitions || tree.holdsPartitionKeys(entry.row.columns)),
    )
    .map(({ row, onPartitions }) =>
      compact<KeyConstraint>({
        name: row.name,
        kind: row.kind === "p" ? "primary" : "unique",
        fields: row.columns,
        onPartitions,
      }),
    );
  const checks: CheckConstraint[] = folded
    .filter((entry) => entry.row.kind === "c" && onAll(entry))
    .map(({ row, onPartitions }) =>
      compact<CheckConstraint>({ name: row.name, expression: row.expression ?? "", onPartitions }),
    );
  const foreignKeys = folded
    .filter(({ row }) => row.kind === "f")
    .map(({ row, onPartitions }) => compact({ ...foreignKey(row, database), onPartitions }));
  // The same key declared on each partition of the referencing table references this one once.
  const referencedBy = [...groupBy(incoming, (row) => row.ownerRelid).entries()].flatMap(
    ([owner, rows]) => {
      const ownerTree = treeOf(owner);
      if (!ownerTree) {
        return [...groupBy(rows, sameness).values()].flatMap((group) =>
          [...group]
            .sort(byName)
            .slice(0, 1)
            .map((row) => foreignKey(row, database)),
        );
      }
      return foldPartitionRows(rows, ownerTree, sameness).map(({ row, onPartitions }) =>
        compact({ ...foreignKey(row, database), onPartitions }),
      );
    },
  );
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
