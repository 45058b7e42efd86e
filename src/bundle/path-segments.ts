import { createHash } from "node:crypto";
import { compareCodePoints } from "./walk-bundle.js";

/** Longest segment written; keeps full paths well under Windows' and tar's limits. */
const maxSegmentLength = 100;
const collisionHashLength = 6;

/**
 * `index` and `log` are OKF's reserved names; the others are devices on Windows, where a file
 * called `con.md` cannot be created at all.
 */
const reservedStem = /^(index|log|con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

export function shortHash(text: string, length: number): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, length);
}

/**
 * Maps any name to `[A-Za-z0-9_][A-Za-z0-9_.-]*`: runs of other characters (with the `_` next to
 * them) become one `_`, a
 * leading `.` or `-` (which would make `.`, `..` or a hidden entry) becomes `_`, and a trailing
 * `.` (dropped by Windows) or `.md` (which would read as a second extension) is defused. The
 * result has no `/` or `\`, so it cannot leave its folder.
 */
export function slugify(name: string): string {
  const slug = name
    .replace(/_*[^A-Za-z0-9_.-]+_*/g, "_")
    .replace(/^[.-]+_*/, "_")
    .replace(/\.md$/i, "_md")
    .replace(/\.+$/, "_");
  return slug === "" ? "_" : slug;
}

function isReserved(slug: string): boolean {
  return reservedStem.test(slug);
}

function withHash(slug: string, name: string, hashLength: number): string {
  if (hashLength === 0) return slug;
  const kept = slug.slice(0, maxSegmentLength - 1 - hashLength);
  return `${kept}-${shortHash(name, hashLength)}`;
}

/**
 * Gives each distinct name of one folder a segment that is a slug, unique even on a
 * case-insensitive filesystem, never reserved, and independent of the order of `names`.
 * A name that already is its own valid slug keeps it; the others in its collision group get a
 * hash of their original name appended, lengthened until nothing collides.
 */
export function assignSegments(names: Iterable<string>): Map<string, string> {
  const distinct = [...new Set(names)].sort(compareCodePoints);
  const slugs = new Map(distinct.map((name) => [name, slugify(name)]));
  const hashLengths = new Map<string, number>();
  const groups = groupBy(distinct, (name) => (slugs.get(name) ?? "").toLowerCase());
  for (const members of groups.values()) {
    const keeper = pickPlainSlugKeeper(members, slugs);
    for (const name of members) {
      const slug = slugs.get(name) ?? "";
      const plain = name === keeper && slug.length <= maxSegmentLength;
      hashLengths.set(name, plain ? 0 : collisionHashLength);
    }
  }
  for (;;) {
    const segments = new Map(
      distinct.map((name) => [
        name,
        withHash(slugs.get(name) ?? "", name, hashLengths.get(name) ?? 0),
      ]),
    );
    const clashes = [
      ...groupBy(distinct, (name) => (segments.get(name) ?? "").toLowerCase()).values(),
    ]
      .filter((members) => members.length > 1)
      .flat()
      .filter((name) => (hashLengths.get(name) ?? 0) > 0);
    if (clashes.length === 0) return segments;
    for (const name of clashes) hashLengths.set(name, (hashLengths.get(name) ?? 0) + 2);
  }
}

/**
 * Within one case-insensitive slug group, the plain slug goes to the member whose name is
 * exactly that slug; if several are (`Users`, `users`), to the lowercase one, else the first in
 * code-point order. A reserved slug is never kept plain.
 */
function pickPlainSlugKeeper(members: string[], slugs: Map<string, string>): string | undefined {
  const exact = members.filter((name) => slugs.get(name) === name && !isReserved(name));
  const lowercase = exact.find((name) => name === name.toLowerCase());
  if (lowercase !== undefined) return lowercase;
  if (exact.length > 0) return exact[0];
  if (
    members.length === 1 &&
    members[0] !== undefined &&
    !isReserved(slugs.get(members[0]) ?? "")
  ) {
    return members[0];
  }
  return undefined;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
