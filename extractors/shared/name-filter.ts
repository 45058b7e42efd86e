import picomatch from "picomatch";
import { ConfigError, errorMessage } from "../../src/errors.js";

/**
 * picomatch treats `/` as a path separator that `*` never crosses. Where `/` is an ordinary
 * character of a name, it is swapped for a control character that no typed glob contains (the
 * config refuses them), in the globs and in the names alike.
 */
const SLASH_STAND_IN = "\u0001";

export interface GlobSyntax {
  /** Names may contain `/` as an ordinary character (SQL names); `*` then crosses it. */
  slashIsCharacter?: boolean;
  /**
   * Whether a glob refuses a trailing `/` that it does not spell. True by default; Glue's
   * `databases` globs have always been compiled without it.
   */
  strictSlashes?: boolean;
}

/** The glob text as picomatch should read it. */
export function picomatchGlob(glob: string, syntax: GlobSyntax = {}): string {
  return syntax.slashIsCharacter ? glob.split("/").join(SLASH_STAND_IN) : glob;
}

/** picomatch options: names may contain dots and start with one; `*` should still match them. */
export function picomatchOptions(syntax: GlobSyntax = {}): picomatch.PicomatchOptions {
  return syntax.strictSlashes === false ? { dot: true } : { dot: true, strictSlashes: true };
}

/**
 * Compiles with `compile`, turning picomatch's complaint into a ConfigError: "`what` is not a
 * usable glob: …", with `hint` on how patterns are written.
 */
export function usableGlob<T>(compile: () => T, what: string, hint: string): T {
  try {
    return compile();
  } catch (error) {
    throw new ConfigError(`${what} is not a usable glob: ${errorMessage(error)}`, hint);
  }
}

/** A matcher of any of `globs`, or undefined when there are none. */
export function globMatcher(
  globs: readonly string[],
  hint: string,
  syntax: GlobSyntax = {},
): ((name: string) => boolean) | undefined {
  if (globs.length === 0) return undefined;
  const matches = usableGlob(
    () =>
      picomatch(
        globs.map((glob) => picomatchGlob(glob, syntax)),
        picomatchOptions(syntax),
      ),
    `An include/exclude pattern (${globs.join(", ")})`,
    hint,
  );
  return (name) => matches(picomatchGlob(name, syntax));
}

/**
 * `include` / `exclude` globs matched in the client, for sources whose listing calls take no
 * filter (DynamoDB ListTables, listCollections, GetTables, MySQL's listing). No `include` means
 * everything; `exclude` wins. `hint` goes into the error of a glob picomatch refuses.
 */
export function includeExcludeFilter(
  include: readonly string[],
  exclude: readonly string[],
  hint: string,
  syntax: GlobSyntax = {},
): (name: string) => boolean {
  const included = globMatcher(include, hint, syntax);
  const excluded = globMatcher(exclude, hint, syntax);
  return (name) => (included?.(name) ?? true) && !(excluded?.(name) ?? false);
}

/** The include/exclude filter with the usual hint, `example` naming what the globs match. */
export function nameFilter(
  include: readonly string[],
  exclude: readonly string[],
  example: string,
): (name: string) => boolean {
  return includeExcludeFilter(include, exclude, `Patterns use picomatch syntax, e.g. ${example}.`);
}
