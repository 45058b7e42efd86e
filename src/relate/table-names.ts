/**
 * How a column's name can name a table: `customer_id`, `CustomerId` and `customerID` name
 * `customer`, `customers` and `Customer`. Names are compared without case and underscores, so
 * that `sales_order_id` names `SalesOrder` too.
 */

/** The table a column names (`customer_id` → `customer`), folded; undefined when it names none. */
export function namedStem(column: string): string | undefined {
  const match = /^(.+?)_id$/i.exec(column) ?? /^(.*[a-z0-9])(?:Id|ID)$/.exec(column);
  const stem = match?.[1];
  return stem === undefined ? undefined : fold(stem);
}

/** The folded forms a table's name is named by: itself and its singular. */
export function tableStems(name: string): string[] {
  const folded = fold(name);
  const singular = singularOf(folded);
  return singular === folded ? [folded] : [folded, singular];
}

/** Lower case without underscores: how names are compared. */
export function fold(name: string): string {
  return name.toLowerCase().replace(/_/g, "");
}

/** English plurals as table names use them: `categories`, `addresses`, `boxes`, `orders`. */
function singularOf(name: string): string {
  if (/[^aeiou]ies$/.test(name)) return `${name.slice(0, -3)}y`;
  if (/(?:ss|x|z|ch|sh)es$/.test(name)) return name.slice(0, -2);
  if (/[^s]s$/.test(name)) return name.slice(0, -1);
  return name;
}

/**
 * Whether a key column's name says it identifies something (`territory_id`, `CustomerId`,
 * `iso_code`, `order_no`): only such names are matched across tables by name alone. A bare
 * `id`, or a unique `email` or `name`, appears in many tables that do not join on it.
 */
export function isIdentifierName(column: string): boolean {
  return (
    /.(?:_id|_key|_code|_no|_number|_uuid)$/i.test(column) || /[a-z0-9](?:Id|ID)$/.test(column)
  );
}
