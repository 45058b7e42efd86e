import picomatch from "picomatch";
import { picomatchGlob, picomatchOptions, usableGlob } from "../shared/name-filter.js";

export interface RelationFilter {
  /** PostgreSQL regular expressions; empty means "everything". */
  include: string[];
  exclude: string[];
}

/**
 * `include` / `exclude` globs are matched against `<schema>.<table>` inside PostgreSQL, so that
 * the catalog queries only ever return the objects that will be extracted.
 *
 * picomatch compiles each glob to a regular expression that PostgreSQL's ARE dialect accepts
 * (lookaheads, non-greedy quantifiers and non-capturing groups are common to both). `/` is an
 * ordinary character of a name, so it is swapped for SLASH_STAND_IN on both sides: in the glob
 * here and in the qualified name in SQL (`chr(1)` in catalog-queries.ts).
 */
export function globToPostgresRegex(glob: string): string {
  const syntax = { slashIsCharacter: true };
  return usableGlob(
    () => picomatch.makeRe(picomatchGlob(glob, syntax), picomatchOptions(syntax)).source,
    `The include/exclude pattern "${glob}"`,
    "Patterns use picomatch syntax over <schema>.<table>, e.g. sales.* or *.tmp_*.",
  );
}

export function relationFilter(
  include: readonly string[],
  exclude: readonly string[],
): RelationFilter {
  return { include: include.map(globToPostgresRegex), exclude: exclude.map(globToPostgresRegex) };
}
