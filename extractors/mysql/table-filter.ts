import { includeExcludeFilter } from "../shared/name-filter.js";

/** `include` / `exclude` globs over `<database>.<table>`; `/` is an ordinary name character. */
export function tableFilter(
  include: readonly string[],
  exclude: readonly string[],
): (database: string, table: string) => boolean {
  const matches = includeExcludeFilter(
    include,
    exclude,
    "Patterns use picomatch syntax over <database>.<table>, e.g. sales.* or *.tmp_*.",
    { slashIsCharacter: true },
  );
  return (database, table) => matches(`${database}.${table}`);
}
