import { isDeepStrictEqual } from "node:util";
import type { GeneratedRegion } from "../knowledge-file/regions.js";

/**
 * What log.md says changed in a file besides its structure: the generated sections whose text
 * changed (by their heading, in the file's order), and the frontmatter keys. `generated` moves
 * with any change, and pii and approval_status have their own detail, so they are not named.
 */
export function sectionChanges(
  before: readonly GeneratedRegion[],
  after: readonly GeneratedRegion[],
  order: readonly string[],
): string[] {
  const text = (regions: readonly GeneratedRegion[], name: string) =>
    regions
      .find((region) => region.name === name)
      ?.content.replace(/\r\n/g, "\n")
      .trim();
  const changed = order.filter((name) => text(before, name) !== text(after, name));
  if (changed.length === 0) return [];
  const titles = changed.map((name) => {
    const heading = /^## (.+)$/m.exec(text(after, name) ?? text(before, name) ?? "")?.[1];
    return heading ?? name.charAt(0).toUpperCase() + name.slice(1);
  });
  return [`updated ${titles.join(", ")}`];
}

const reportedElsewhere = new Set(["generated", "pii", "approval_status", "status"]);

export function frontmatterChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => !reportedElsewhere.has(key) && !isDeepStrictEqual(before[key], after[key]),
  );
  return keys.length === 0 ? [] : [`frontmatter ${keys.join(", ")}`];
}
