import { shannonEntropy } from "./entropy.js";

// Credentials with a documented, recognisable format.
const knownTokenShapes: readonly RegExp[] = [
  /^(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}$/, // AWS access key id (long-term and temporary)
  /^gh[pousr]_[A-Za-z0-9]{36}$/, // GitHub classic and OAuth / app tokens
  /^github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}$/, // GitHub fine-grained personal access token
  /^xox[abeoprs]-[A-Za-z0-9-]{10,}$/, // Slack bot, user, app-level and refresh tokens
  /^xapp-\d-[A-Za-z0-9-]{10,}$/,
  /^(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}$/, // Stripe secret and restricted keys
  /^AIza[0-9A-Za-z_-]{35}$/, // Google API key
  /^-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/, // PEM / OpenSSH / PGP private keys
];

/** Candidates in free text for the formats above (a private key is flagged by its first line). */
export const knownTokenInText =
  /(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}|gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82}|xox[abeoprs]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{10,}|(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_-]{35}|-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** Candidates in free text for the entropy test: base64 / base64url / hex-looking runs. */
export const opaqueTokenInText = /[A-Za-z0-9+/_=-]{32,}/g;

/**
 * Bits per character from which a 32+ character run may be random key material. Random
 * base62/base64 strings of 32 characters measure 3.9 or more in all but about 1 in 100,000
 * cases (measured on 100,000 random strings per alphabet); hex digests cannot exceed 4.0 but
 * are excluded earlier, as they have no mixed case.
 */
export const secretEntropyThreshold = 3.9;
/**
 * Long identifiers (`MediaTypeIdPlaylistTrackInvoiceLine`, paths) reach 4.4 bits too, but are
 * made of words: split into camel-case words, digit runs and punctuation, they average more than
 * four characters a piece, random strings about two (3.5 is exceeded in 1 of 10,000).
 */
const maximumMeanPieceLength = 3.5;
const minimumOpaqueLength = 32;

/**
 * A long camel-case name (`MediaTypeIdPlaylistTrackInvoiceLine1234`): only name characters,
 * and long camel-case words rather than the one- and two-character jumble of random text.
 */
function looksLikeIdentifier(material: string): boolean {
  if (/[+/=]/.test(material)) return false;
  const pieces = material.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+|[^A-Za-z0-9]+/g) ?? [];
  return material.length / pieces.length > maximumMeanPieceLength;
}

// A segment that is a word, a camel-case name, a number or a hex suffix: `okf`, `Sales`,
// `InvoiceLine`, `Employee2020`, `12958`, `e9fd15a7`.
const plainSegment = /^(?:[a-z]+|[A-Z][a-z]*|[A-Z]+|\d+|[0-9a-f]+|[a-z]*(?:[A-Z][a-z]{2,})+\d*)$/;

/**
 * The share of characters in plain segments, splitting at the separators of names and paths.
 * Names, paths and resource URIs (`5432/crm_prod/Sales_Ops/users_6b0cc9`) are made of plain
 * segments; the segments of random base64 are jumbles of mixed case and digits. With this and
 * the identifier check, 99.9% or more of random 32–43 character keys are still found (measured
 * on 100,000 keys per alphabet and length).
 */
function plainSegmentShare(material: string): number {
  const segments = material.split(/[/_+=.-]+/).filter((segment) => segment.length > 0);
  const total = segments.reduce((sum, segment) => sum + segment.length, 0);
  const plain = segments.filter((segment) => plainSegment.test(segment));
  return plain.reduce((sum, segment) => sum + segment.length, 0) / total;
}

function isJsonWebToken(candidate: string): boolean {
  const parts = candidate.split(".");
  if (parts.length !== 3 || !parts[0]?.startsWith("eyJ") || !parts[1]?.startsWith("eyJ")) {
    return false;
  }
  if (!parts.every((part) => /^[A-Za-z0-9_-]*$/.test(part))) return false;
  try {
    const header: unknown = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8"));
    return typeof header === "object" && header !== null && "alg" in header;
  } catch {
    return false;
  }
}

/**
 * A long run that looks like random key material (an AWS secret access key, a session token,
 * a base64 key): base64 characters only, upper and lower case letters and digits all present,
 * high character entropy, and no words.
 */
export function isHighEntropyToken(candidate: string): boolean {
  if (candidate.length < minimumOpaqueLength || !/^[A-Za-z0-9+/_=-]+$/.test(candidate))
    return false;
  const material = candidate.replace(/=+$/, "");
  if (!/[a-z]/.test(material) || !/[A-Z]/.test(material) || !/\d/.test(material)) return false;
  if (plainSegmentShare(material) >= 0.5) return false;
  if (looksLikeIdentifier(material)) return false;
  return shannonEntropy(material) >= secretEntropyThreshold;
}

/**
 * An API key, access token or private key: the documented formats of AWS, GitHub, Slack,
 * Stripe and Google, JSON Web Tokens, PEM private keys, and long high-entropy strings (which
 * include AWS secret access keys: 40 random base64 characters).
 */
export function isSecretToken(value: string): boolean {
  const candidate = value.trim();
  if (knownTokenShapes.some((shape) => shape.test(candidate))) return true;
  if (isJsonWebToken(candidate)) return true;
  return isHighEntropyToken(candidate);
}
