import type { ConceptJoin, ConceptRecord } from "../concepts/concept-record.js";

interface LabelledPair {
  left: string;
  right: string;
}

interface LabelledJoin {
  leftConcept: string;
  rightConcept: string;
  pairs: LabelledPair[];
}

export interface JoinOffer {
  /** A row of either concept's join table says so and nobody rejected it. */
  offered: boolean;
  /** That row's Kind cell. */
  kind?: string;
  /** The label itself is wrong: it names an unknown concept, or more than two. */
  problem?: string;
}

/** `sales.crm.invoice.account_id`: the concept id is everything before the last dot. */
function splitColumn(reference: string): { concept: string; column: string } {
  const dot = reference.lastIndexOf(".");
  return { concept: reference.slice(0, dot), column: reference.slice(dot + 1) };
}

function parseLabel(condition: string): LabelledJoin | string {
  let join: LabelledJoin | undefined;
  for (const pair of condition.split(" AND ")) {
    const [leftText = "", rightText = ""] = pair.split(" = ");
    const left = splitColumn(leftText.trim());
    const right = splitColumn(rightText.trim());
    join ??= { leftConcept: left.concept, rightConcept: right.concept, pairs: [] };
    if (left.concept !== join.leftConcept || right.concept !== join.rightConcept) {
      return "each pair of a join must name the same two concepts, in the same order";
    }
    join.pairs.push({ left: left.column, right: right.column });
  }
  return join ?? "empty join";
}

const pairKey = (pairs: readonly LabelledPair[]): string =>
  pairs
    .map((pair) => `${pair.left}=${pair.right}`)
    .sort()
    .join("&");

function rowPairs(row: ConceptJoin): LabelledPair[] {
  return row.pairs.map((pair) => ({
    left: pair.from.parts.at(-1) ?? "",
    right: pair.to.parts.at(-1) ?? "",
  }));
}

/** Whether the bundle offers the labelled join: a row in the join table of either side. */
export function offersJoin(byId: ReadonlyMap<string, ConceptRecord>, condition: string): JoinOffer {
  const label = parseLabel(condition);
  if (typeof label === "string") return { offered: false, problem: label };
  const left = byId.get(label.leftConcept);
  const right = byId.get(label.rightConcept);
  if (left === undefined || right === undefined) {
    const missing = left === undefined ? label.leftConcept : label.rightConcept;
    return { offered: false, problem: `the bundle has no concept ${missing}` };
  }
  const forward = pairKey(label.pairs);
  const backward = pairKey(label.pairs.map((pair) => ({ left: pair.right, right: pair.left })));
  const rows = [
    ...left.joins.filter((row) => row.with === right.path && pairKey(rowPairs(row)) === forward),
    ...right.joins.filter((row) => row.with === left.path && pairKey(rowPairs(row)) === backward),
  ];
  if (rows.length === 0) return { offered: false };
  // One side's rejection is enough: the steward said no.
  const rejected = rows.some((row) => row.decision === "rejected");
  const [first] = rows;
  return { offered: !rejected, ...(first === undefined ? {} : { kind: first.kind }) };
}
