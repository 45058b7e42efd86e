import { nameFilter } from "../shared/name-filter.js";

/** `include` / `exclude` globs over `<database>.<collection>`. */
export function collectionFilter(
  include: readonly string[],
  exclude: readonly string[],
): (database: string, collection: string) => boolean {
  const matches = nameFilter(
    include,
    exclude,
    "support_prod.* or *.tmp_* over <database>.<collection>",
  );
  return (database, collection) => matches(`${database}.${collection}`);
}
