import picomatch from "picomatch";
import { ConfigError, errorMessage } from "../../src/errors.js";

/** A table name may start with a dot, and `*` should still match it. */
const globOptions: picomatch.PicomatchOptions = { dot: true, strictSlashes: true };

function compile(globs: readonly string[]): ((name: string) => boolean) | undefined {
  if (globs.length === 0) return undefined;
  try {
    return picomatch([...globs], globOptions);
  } catch (error) {
    throw new ConfigError(
      `An include/exclude pattern (${globs.join(", ")}) is not a usable glob: ${errorMessage(error)}`,
      "Patterns use picomatch syntax over table names, e.g. orders_* or !*_tmp.",
    );
  }
}

/**
 * `include` / `exclude` globs over table names. ListTables has no server-side filter, so the
 * names are matched here, after the listing and before any table is described.
 */
export function tableFilter(
  include: readonly string[],
  exclude: readonly string[],
): (name: string) => boolean {
  const included = compile(include);
  const excluded = compile(exclude);
  return (name) => (included?.(name) ?? true) && !(excluded?.(name) ?? false);
}
