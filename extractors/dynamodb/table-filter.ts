import { nameFilter } from "../shared/name-filter.js";

/**
 * `include` / `exclude` globs over table names. ListTables has no server-side filter, so the
 * names are matched here, after the listing and before any table is described.
 */
export function tableFilter(
  include: readonly string[],
  exclude: readonly string[],
): (name: string) => boolean {
  return nameFilter(include, exclude, "orders_* or !*_tmp over table names");
}
