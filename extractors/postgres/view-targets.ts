import { isTreeNode, readNodeTree, type NodeValue, type TreeNode } from "./node-tree.js";

/** A view column that is a plain column reference, and the column it reads. */
export interface ColumnOrigin {
  /** The view column's number (`resno`, which is its `attnum`). */
  position: number;
  /** `resorigtbl`: the relation the column comes from. */
  relid: number;
  /** `resorigcol`: that relation's column number. */
  column: number;
}

const single = (node: TreeNode, field: string): NodeValue | undefined => {
  const values = node.fields.get(field);
  return values?.length === 1 ? values[0] : undefined;
};

const positiveInteger = (value: NodeValue | undefined): number | undefined => {
  if (typeof value !== "string" || !/^[1-9][0-9]*$/.test(value)) return undefined;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : undefined;
};

/**
 * The origins PostgreSQL recorded for a view's output columns, from its `_RETURN` rule's
 * action (one QUERY). The parser sets `resorigtbl`/`resorigcol` only for a column that is a
 * plain column reference (renamed or not), also through a subquery or CTE in FROM; an
 * expression, an aggregate, a set operation (UNION) or a subquery has 0 there. Only the top
 * query's target list counts: the sublinks, CTEs and subqueries inside hold their own.
 * Text that does not read as a node tree gives no origins rather than a guess.
 */
export function viewColumnOrigins(action: string): ColumnOrigin[] {
  let tree: NodeValue;
  try {
    tree = readNodeTree(action);
  } catch {
    return [];
  }
  if (!Array.isArray(tree) || tree.length !== 1) return [];
  const query = tree[0];
  if (!isTreeNode(query) || query.node !== "QUERY") return [];
  const targets = single(query, "targetList");
  if (!Array.isArray(targets)) return [];
  return targets.flatMap((entry) => {
    if (!isTreeNode(entry) || entry.node !== "TARGETENTRY") return [];
    if (single(entry, "resjunk") !== "false") return [];
    const position = positiveInteger(single(entry, "resno"));
    const relid = positiveInteger(single(entry, "resorigtbl"));
    const column = positiveInteger(single(entry, "resorigcol"));
    return position && relid && column ? [{ position, relid, column }] : [];
  });
}
