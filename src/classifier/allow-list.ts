import picomatch from "picomatch";
import type { DatasetRef } from "../model/index.js";

// Globs and names are matched with `.` as the segment separator, so `*` stays inside one
// segment and `**` crosses any number. picomatch separates on `/`: a `/` inside a name is
// swapped for a character no one types, then dots become slashes on both sides.
const SLASH_STAND_IN = "\u0001";

function toSlashes(dotted: string): string {
  return dotted.split("/").join(SLASH_STAND_IN).split(".").join("/");
}

/** `<schema>.<table>.<path>`, `<database>.<table>.<path>` without schemas, else `<table>.<path>`. */
function qualifiedFieldName(ref: DatasetRef, path: string): string {
  const owner = ref.schema ?? ref.database;
  const field = path.replace(/\[\]/g, "");
  return [owner, ref.name, field].filter((part) => part !== undefined).join(".");
}

export type AllowMatcher = (ref: DatasetRef, path: string) => boolean;

export function compileAllowList(globs: readonly string[]): AllowMatcher {
  if (globs.length === 0) return () => false;
  const matchers = globs.map((glob) =>
    picomatch(toSlashes(glob.replace(/\[\]/g, "")), { dot: true, strictSlashes: true }),
  );
  return (ref, path) => {
    const name = toSlashes(qualifiedFieldName(ref, path));
    return matchers.some((matches) => matches(name));
  };
}
