import type { DatasetProfile, FieldProfile } from "../model/index.js";

function segmentsOf(path: string): string[] {
  return path.replace(/\[\]/g, "").split(".");
}

/** One path is the other or lies inside it (`address` and `address.street`, `emails[]` and `emails`). */
function related(a: string, b: string): boolean {
  const left = segmentsOf(a);
  const right = segmentsOf(b);
  const shorter = left.length <= right.length ? left : right;
  const longer = shorter === left ? right : left;
  return shorter.every((segment, index) => segment === longer[index]);
}

/**
 * docs/classification.md: raw values never leave the source for a sensitive field. Removes the valid-value
 * list and the min/max of every profiled field that is, contains or lies inside a sensitive
 * path; counts, lengths and shapes stay.
 */
export function stripRawValues(
  profile: DatasetProfile | undefined,
  sensitivePaths: ReadonlySet<string>,
): DatasetProfile | undefined {
  if (!profile || sensitivePaths.size === 0) return profile;
  const paths = [...sensitivePaths];
  const fields = profile.fields.map((field): FieldProfile => {
    if (!paths.some((path) => related(path, field.path))) return field;
    return { ...field, values: undefined, min: undefined, max: undefined };
  });
  return { ...profile, fields };
}
