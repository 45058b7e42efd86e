import picomatch from "picomatch";
import { ConfigError, errorMessage } from "../../src/errors.js";

/**
 * picomatch treats `/` as a path separator that `*` never crosses, but here it is an ordinary
 * character of a table name, so it is swapped for a control character that no typed glob
 * contains, in the globs and in the names alike.
 */
const slashStandIn = "\u0001";

const globOptions: picomatch.PicomatchOptions = { dot: true, strictSlashes: true };

function compile(globs: readonly string[]): ((name: string) => boolean) | undefined {
  if (globs.length === 0) return undefined;
  try {
    return picomatch(
      globs.map((glob) => glob.split("/").join(slashStandIn)),
      globOptions,
    );
  } catch (error) {
    throw new ConfigError(
      `An include/exclude pattern (${globs.join(", ")}) is not a usable glob: ${errorMessage(error)}`,
      "Patterns use picomatch syntax over <database>.<table>, e.g. sales.* or *.tmp_*.",
    );
  }
}

/** `include` / `exclude` globs over `<database>.<table>`. */
export function tableFilter(
  include: readonly string[],
  exclude: readonly string[],
): (database: string, table: string) => boolean {
  const included = compile(include);
  const excluded = compile(exclude);
  return (database, table) => {
    const name = `${database}.${table}`.split("/").join(slashStandIn);
    return (included?.(name) ?? true) && !(excluded?.(name) ?? false);
  };
}
