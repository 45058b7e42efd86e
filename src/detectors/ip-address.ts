import { isIP } from "node:net";

export function isIpAddress(value: string): boolean {
  return isIP(value.trim()) !== 0;
}

/**
 * An address with an optional prefix length, as PostgreSQL writes `inet` and `cidr` values as
 * text (`192.0.2.7/32`, `2001:db8::/64`).
 */
export function isIpAddressOrNetwork(value: string): boolean {
  const [address = "", prefix, ...rest] = value.trim().split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** Candidates in free text: dotted quads, and colon groups that may be IPv6. */
export const ipv4InText = /\d{1,3}(?:\.\d{1,3}){3}/g;
export const ipv6InText = /[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.\d{1,3}){0,3}/g;

const privateIpv4 = [/^10\./, /^127\./, /^169\.254\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./];

/**
 * Loopback, private and link-local addresses say nothing about a person (they are the hosts of
 * local engines, such as the demo's), so free-text search reports only the others.
 */
export function isPublicAddress(address: string): boolean {
  if (isIP(address) === 4) return !privateIpv4.some((range) => range.test(address));
  const lower = address.toLowerCase();
  return !(lower === "::1" || lower === "::" || /^f[cd]/.test(lower) || lower.startsWith("fe80"));
}
