import picomatch from "picomatch";
import { ConfigError, errorMessage } from "../../src/errors.js";

/** Names may contain dots and start with one; `*` should still match them. */
const globOptions: picomatch.PicomatchOptions = { dot: true, strictSlashes: true };

function compile(
  globs: readonly string[],
  example: string,
): ((name: string) => boolean) | undefined {
  if (globs.length === 0) return undefined;
  try {
    return picomatch([...globs], globOptions);
  } catch (error) {
    throw new ConfigError(
      `An include/exclude pattern (${globs.join(", ")}) is not a usable glob: ${errorMessage(error)}`,
      `Patterns use picomatch syntax, e.g. ${example}.`,
    );
  }
}

/**
 * `include` / `exclude` globs matched in the client, for sources whose listing calls take no
 * filter (DynamoDB ListTables, listCollections). `example` goes into the error hint.
 */
export function nameFilter(
  include: readonly string[],
  exclude: readonly string[],
  example: string,
): (name: string) => boolean {
  const included = compile(include, example);
  const excluded = compile(exclude, example);
  return (name) => (included?.(name) ?? true) && !(excluded?.(name) ?? false);
}
