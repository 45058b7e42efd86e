import {
  isCardNumber,
  isEmail,
  isIban,
  isHexDigest,
  isIpAddressOrNetwork,
  isPasswordHash,
  isPhoneNumber,
  isSecretToken,
  isSsn,
  looksLikePersonName,
} from "../detectors/index.js";

/** A test on one sampled value, and how evidence describes the values that pass it. */
export interface ValueCheck {
  test: (value: string) => boolean;
  /** Completes "98 of 100 sampled values …". */
  phrase: string;
}

// Phone characters with 7 to 15 digits: national formats (`0711 2842222`) that the strict
// detector leaves out because, without a name saying "phone", they could be any number.
const phoneCharacters = /^\+?[\d\s()./-]+(?:\s*(?:x|ext\.?|#)\s*\d{1,6})?$/i;
const dateShape = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/;

function looksLikePhone(value: string): boolean {
  if (isPhoneNumber(value)) return true;
  const digits = value.replace(/\D/g, "").length;
  return (
    phoneCharacters.test(value.trim()) && digits >= 7 && digits <= 15 && !dateShape.test(value)
  );
}

const macAddress = /^[0-9a-f]{2}(?:[:-][0-9a-f]{2}){5}$/i;

const isoDate =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const dayMonthYear = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** A calendar date or date-time, in a year that a living person's birth can fall in. */
function isDateValue(value: string): boolean {
  const trimmed = value.trim();
  const iso = isoDate.exec(trimmed);
  const other = iso ? undefined : dayMonthYear.exec(trimmed);
  const year = Number(iso?.[1] ?? other?.[3]);
  return Number.isFinite(year) && year >= 1870 && year <= 2100;
}

const personName = /^\p{L}[\p{L}\p{M}'’.-]*(?: \p{L}[\p{L}\p{M}'’.-]*){0,3}$/u;
const postalCode = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/;

// Long base64 runs are encoded files and images more often than credentials.
function isSecretValue(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length > 256 && /^[A-Za-z0-9+/=\s]+$/.test(trimmed)) return false;
  return isSecretToken(trimmed);
}

// A login: one token of letters, digits and `._@+-\` (`jdoe`, `j.doe@corp`, `CORP\\jdoe`), with
// at least one letter, not a date or a number.
const loginName = /^(?=.*\p{L})[\p{L}\p{N}._@+\\-]{2,64}$/u;

/** `Maria Lopez`, or as directories and HR systems sort names, `Lopez, Maria`. */
function isWrittenName(value: string): boolean {
  const sorted = /^([^,]+),\s*([^,]+)$/.exec(value.trim());
  return looksLikePersonName(sorted ? `${sorted[2] ?? ""} ${sorted[1] ?? ""}` : value);
}

// Answers and switches, not logins: a `login` column of yes/no says whether someone may log in.
const flagWord = /^(?:yes|no|true|false|on|off|enabled|disabled|none|null|n\/a|allowed|denied)$/i;

// Images as text: a data URI, or base64 of a PNG, JPEG or GIF file (its signature encoded).
const imageText = /^(?:data:image\/[a-z+.-]+;base64,|iVBORw0KGgo|\/9j\/|R0lGOD[lh])/;

export const valueChecks = {
  email: { test: isEmail, phrase: "are email addresses" },
  phone: { test: isPhoneNumber, phrase: "are phone numbers" },
  phoneLike: { test: looksLikePhone, phrase: "look like phone numbers" },
  card: { test: isCardNumber, phrase: "are payment card numbers (issuer prefix, Luhn check)" },
  iban: { test: isIban, phrase: "are IBANs (country format, mod-97 check)" },
  ipAddress: { test: isIpAddressOrNetwork, phrase: "are IP addresses" },
  ssn: { test: isSsn, phrase: "are US social security numbers" },
  ssnWritten: {
    test: (value: string) => /^\d{3}[- ]\d{2}[- ]\d{4}$/.test(value.trim()) && isSsn(value),
    phrase: "are US social security numbers written AAA-GG-SSSS",
  },
  date: { test: isDateValue, phrase: "are dates" },
  passwordHash: {
    test: isPasswordHash,
    phrase: "are password hashes (bcrypt, argon2, scrypt, sha-crypt, pbkdf2, …)",
  },
  storedPasswordHash: {
    test: (value: string) => isPasswordHash(value) || isHexDigest(value),
    phrase: "are password hashes (bcrypt, argon2, scrypt, sha-crypt, pbkdf2, … or hex digests)",
  },
  secret: { test: isSecretValue, phrase: "look like API keys or tokens" },
  personName: {
    test: (value: string) => value.trim().length <= 60 && personName.test(value.trim()),
    phrase: "look like personal names (letters only, one to four words)",
  },
  writtenName: {
    test: isWrittenName,
    phrase: "are written like personal names (two to four capitalised words)",
  },
  loginName: {
    test: (value: string) =>
      loginName.test(value.trim()) && !flagWord.test(value.trim()) && !isDateValue(value),
    phrase: "look like login names (one word of letters, digits and ._@-)",
  },
  imageText: {
    test: (value: string) => imageText.test(value.trim()),
    phrase: "are images encoded as text (base64 or data URI)",
  },
  streetAddress: {
    // Hex digits are letters and digits too: an IPv6 or MAC address is not a street address.
    test: (value: string) =>
      /\p{L}/u.test(value) &&
      (/\d/.test(value) || /\n/.test(value.trim())) &&
      !isIpAddressOrNetwork(value) &&
      !macAddress.test(value.trim()),
    phrase: "look like street addresses (words and a number)",
  },
  postalCode: {
    test: (value: string) => postalCode.test(value.trim()),
    phrase: "look like postal codes",
  },
} as const satisfies Record<string, ValueCheck>;

export type ValueCheckId = keyof typeof valueChecks;
