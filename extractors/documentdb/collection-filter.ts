import picomatch from "picomatch";
import { ConfigError, errorMessage } from "../../src/errors.js";

/** Collection names may contain dots and start with one; `*` should still match them. */
const globOptions: picomatch.PicomatchOptions = { dot: true, strictSlashes: true };

function compile(globs: readonly string[]): ((name: string) => boolean) | undefined {
  if (globs.length === 0) return undefined;
  try {
    return picomatch([...globs], globOptions);
  } catch (error) {
    throw new ConfigError(
      `An include/exclude pattern (${globs.join(", ")}) is not a usable glob: ${errorMessage(error)}`,
      "Patterns use picomatch syntax over <database>.<collection>, e.g. support_prod.* or *.tmp_*.",
    );
  }
}

/** `include` / `exclude` globs over `<database>.<collection>`. */
export function collectionFilter(
  include: readonly string[],
  exclude: readonly string[],
): (database: string, collection: string) => boolean {
  const included = compile(include);
  const excluded = compile(exclude);
  return (database, collection) => {
    const name = `${database}.${collection}`;
    return (included?.(name) ?? true) && !(excluded?.(name) ?? false);
  };
}
