import { compareCodePoints } from "../../bundle/walk-bundle.js";

/**
 * Up to `limit` candidates close to what the user typed, for "did you mean" hints. A candidate
 * whose last segment is the query (`customer_account` for `sales.crm.customer_account`) counts
 * as one edit away, so a bare table name finds its id and path.
 */
export function closestNames(query: string, candidates: Iterable<string>, limit = 3): string[] {
  const wanted = query.toLowerCase().replace(/\.md$/, "");
  const tolerance = Math.max(2, Math.floor(wanted.length / 6));
  const scored: Array<{ name: string; distance: number }> = [];
  for (const name of new Set(candidates)) {
    const lower = name.toLowerCase();
    const lastSegment = lower.slice(Math.max(lower.lastIndexOf("/"), lower.lastIndexOf(".")) + 1);
    const distance = Math.min(
      editDistance(wanted, lower, tolerance),
      editDistance(wanted, lastSegment, tolerance) + 1,
    );
    if (distance <= tolerance) scored.push({ name, distance });
  }
  return scored
    .sort((a, b) => a.distance - b.distance || compareCodePoints(a.name, b.name))
    .slice(0, limit)
    .map((entry) => entry.name);
}

/** Levenshtein distance; anything above `bound` is reported as `bound + 1`, early. */
function editDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > bound) return bound + 1;
    previous = current;
  }
  return Math.min(previous[b.length] ?? bound + 1, bound + 1);
}
