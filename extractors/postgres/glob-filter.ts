import picomatch from "picomatch";
import { ConfigError, errorMessage } from "../../src/errors.js";

/**
 * `include` / `exclude` globs are matched against `<schema>.<table>` inside PostgreSQL, so that
 * the catalog queries only ever return the objects that will be extracted.
 *
 * picomatch compiles each glob to a regular expression that PostgreSQL's ARE dialect accepts
 * (lookaheads, non-greedy quantifiers and non-capturing groups are common to both). picomatch
 * treats `/` as a path separator that `*` never crosses, but here `/` is an ordinary character of
 * a name, so it is swapped for a control character that cannot appear in a glob a person types,
 * on both sides: in the glob here and in the qualified name in SQL (`chr(1)` in
 * catalog-queries.ts).
 */
export const SLASH_STAND_IN = "\u0001";

const globOptions: picomatch.PicomatchOptions = {
  // A name may start with a dot; a glob's `*` should still match it.
  dot: true,
  // Without this every pattern also accepts a trailing `/`.
  strictSlashes: true,
};

export interface RelationFilter {
  /** PostgreSQL regular expressions; empty means "everything". */
  include: string[];
  exclude: string[];
}

export function globToPostgresRegex(glob: string): string {
  try {
    return picomatch.makeRe(glob.split("/").join(SLASH_STAND_IN), globOptions).source;
  } catch (error) {
    throw new ConfigError(
      `The include/exclude pattern "${glob}" is not a usable glob: ${errorMessage(error)}`,
      "Patterns use picomatch syntax over <schema>.<table>, e.g. sales.* or *.tmp_*.",
    );
  }
}

export function relationFilter(
  include: readonly string[],
  exclude: readonly string[],
): RelationFilter {
  return { include: include.map(globToPostgresRegex), exclude: exclude.map(globToPostgresRegex) };
}
