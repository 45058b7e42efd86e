/**
 * Field and dataset names reduced to lower-case words joined by `_`, so that one rule covers
 * `BillingPostalCode`, `billing_postal_code`, `billing-postal-code` and `IPAddress`.
 */
export function snakeWords(name: string): string {
  return name
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/([A-Za-z])(\d)/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0)
    .join("_")
    .replace(/(^|_)ipv_([46])(?=_|$)/g, "$1ipv$2");
}

/** The segments of a field path without array markers and collapsed-key wildcards. */
export function pathSegments(path: string): string[] {
  return path
    .split(".")
    .map((segment) => segment.replace(/\[\]/g, ""))
    .filter((segment) => segment.length > 0 && segment !== "*");
}

// Words that say which of several values a field holds, not what kind of value it is:
// `phone_home`, `email_2`, `street_1` are still a phone, an email and a street.
const qualifiers = new Set(
  (
    "home work office mobile primary secondary alt alternate other personal business main old " +
    "new prev previous current encrypted enc raw plain plaintext"
  ).split(" "),
);

/** The name's words without trailing qualifiers and numbers; the whole name if nothing is left. */
export function coreName(words: string): string {
  const parts = words.split("_");
  while (parts.length > 1) {
    const last = parts[parts.length - 1] ?? "";
    if (!/^\d+$/.test(last) && !qualifiers.has(last)) break;
    parts.pop();
  }
  return parts.join("_");
}

/** `customers` → `customer`, `people` → `person`, `addresses` → `address`, `categories` → `category`. */
export function singular(word: string): string {
  if (word === "people") return "person";
  if (word === "children") return "child";
  if (word === "staff" || word.endsWith("ss") || word.endsWith("us")) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(sses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && word.length > 3) return word.slice(0, -1);
  return word;
}

/** The singular words of a dataset or parent-field name, digits dropped: `tbl_Users_2019` → tbl, user. */
export function nameNouns(name: string): string[] {
  return snakeWords(name)
    .split("_")
    .filter((word) => word.length > 0 && !/^\d+$/.test(word))
    .map(singular);
}
