import { isPrintableValue } from "../detectors/index.js";

/**
 * Variant names come from the data (key prefixes, discriminator values) and are rendered, so
 * only short identifier-like names are accepted; anything else could carry personal data.
 */
const namePattern = /^[A-Za-z][A-Za-z0-9_-]{0,40}$/;

/**
 * `PREFIX#rest`. Only `#`, the separator of DynamoDB single-table conventions: `:` would also
 * match URLs and URNs (`https://…`, `urn:isbn:…`), and `|` is too rare to be worth the risk.
 */
const prefixedValue = /^([A-Za-z0-9_-]+)#/;

/** A sort key that is itself a kind: `PROFILE`, `METADATA`, `DETAILS`. */
const constantSortKey = /^[A-Z][A-Z0-9_]*$/;

export function isAcceptableVariantName(text: string): boolean {
  return namePattern.test(text) && isPrintableValue(text);
}

/** The `PREFIX` of a `PREFIX#rest` key value, whether or not it is an acceptable name. */
export function keyPrefix(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  return prefixedValue.exec(value)?.[1];
}

export interface SortKeyPart {
  name: string;
  rule: string;
}

/** What a sort key value adds to a variant's name: its prefix, or itself when a constant. */
export function sortKeyPart(value: unknown): SortKeyPart | undefined {
  const prefix = keyPrefix(value);
  if (prefix !== undefined) {
    return isAcceptableVariantName(prefix)
      ? { name: prefix, rule: `sort key prefix "${prefix}#"` }
      : undefined;
  }
  if (typeof value === "string" && constantSortKey.test(value) && isAcceptableVariantName(value)) {
    return { name: value, rule: `sort key "${value}"` };
  }
  return undefined;
}
