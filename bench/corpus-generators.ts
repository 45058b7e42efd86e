/**
 * Synthetic values for the classifier corpus's trap fields. Generated at run time, from a seed
 * per field, so that the repository holds no card number, key or token-shaped literal and every
 * run sees the same values.
 */

type Random = () => number;

/** mulberry32: small, fast and good enough for test data. */
function seeded(seedText: string): Random {
  let seed = 0;
  for (const char of seedText) seed = (Math.imul(seed, 31) + char.charCodeAt(0)) | 0;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;
const digits = (random: Random, count: number): string =>
  Array.from({ length: count }, () => String(Math.floor(random() * 10))).join("");
const from = (random: Random, alphabet: string, count: number): string =>
  Array.from({ length: count }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");

const upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const lower = "abcdefghijklmnopqrstuvwxyz";
const base64 = `${upper}${lower}0123456789+/`;
const base64url = `${upper}${lower}0123456789-_`;
const cryptAlphabet = `./${upper}${lower}0123456789`;
const hex = "0123456789abcdef";

const firstNames = [
  "Ada",
  "Björn",
  "Chloé",
  "Dmitri",
  "Eun-ji",
  "Farid",
  "Grace",
  "Hugo",
  "Inés",
  "Jun",
];
const lastNames = [
  "Okafor",
  "Lindqvist",
  "Moreau",
  "Ivanova",
  "Park",
  "Haddad",
  "Hopper",
  "Díaz",
  "Sato",
];
const streets = [
  "Elm Street",
  "Rue des Lilas",
  "Hauptstraße",
  "Via Roma",
  "Calle Mayor",
  "Oak Avenue",
];

function luhnCompleted(partial: string): string {
  let sum = 0;
  for (let index = 0; index < partial.length; index++) {
    let digit = Number(partial[partial.length - 1 - index]);
    if (index % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return `${partial}${String((10 - (sum % 10)) % 10)}`;
}

/** A GB IBAN: check digits from mod 97 over the BBAN with the country code moved to the end. */
function ibanGb(random: Random): string {
  const bban = `${from(random, upper, 4)}${digits(random, 14)}`;
  const numeric = `${bban}GB00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  const check = 98n - (BigInt(numeric) % 97n);
  return `GB${String(check).padStart(2, "0")}${bban}`;
}

function ssn(random: Random): string {
  const area = String(100 + Math.floor(random() * 565)).padStart(3, "0");
  const group = String(1 + Math.floor(random() * 98)).padStart(2, "0");
  const serial = String(1 + Math.floor(random() * 9998)).padStart(4, "0");
  return `${area}-${group}-${serial}`;
}

function jwt(random: Random): string {
  const encode = (value: object): string =>
    Buffer.from(JSON.stringify(value)).toString("base64url");
  const header = encode({ alg: "HS256", typ: "JWT" });
  return `${header}.${encode({ sub: digits(random, 8) })}.${from(random, base64url, 43)}`;
}

const generators: Record<string, (random: Random, index: number) => string> = {
  email: (random, index) =>
    `${pick(random, firstNames)
      .toLowerCase()
      .replace(/[^a-z]/g, "")}.${String(index)}@example.${pick(random, ["com", "org", "net"])}`,
  phone: (random) =>
    pick(random, [`+44 20 7946 0${digits(random, 3)}`, `+1 (415) 555-0${digits(random, 3)}`]),
  digits4: (random) => digits(random, 4),
  digits8: (random) => digits(random, 8),
  digits10: (random) => `${String(2 + Math.floor(random() * 8))}${digits(random, 9)}`,
  zip5: (random) => digits(random, 5),
  count: (random) => String(Math.floor(random() * 5000)),
  card: (random) => luhnCompleted(`4${digits(random, 14)}`),
  iban: ibanGb,
  ssn,
  passport: (random) => `${from(random, upper, 2)}${digits(random, 7)}`,
  ipv4: (random) =>
    `${pick(random, ["203.0.113", "198.51.100", "192.0.2"])}.${String(1 + Math.floor(random() * 254))}`,
  mac: (random) => Array.from({ length: 6 }, () => from(random, hex, 2)).join(":"),
  uuid: (random) =>
    `${from(random, hex, 8)}-${from(random, hex, 4)}-4${from(random, hex, 3)}-a${from(random, hex, 3)}-${from(random, hex, 12)}`,
  sha256: (random) => from(random, hex, 64),
  sha1: (random) => from(random, hex, 40),
  url: (random) => `https://hooks.example.com/services/${from(random, lower, 8)}/events`,
  handle: (random, index) =>
    `${pick(random, lastNames)
      .toLowerCase()
      .replace(/[^a-z]/g, "")}${String(index)}`,
  sku: (random) => `SKU-${digits(random, 6)}`,
  company: (random) =>
    `${pick(random, lastNames)} ${pick(random, ["GmbH", "Ltd", "S.A.", "Inc."])}`,
  timestamp: (random) =>
    new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 700 * 86_400_000)).toISOString(),
  birth_date: (random) =>
    new Date(Date.UTC(1950, 0, 1) + Math.floor(random() * 20_000) * 86_400_000)
      .toISOString()
      .slice(0, 10),
  full_name: (random) => `${pick(random, firstNames)} ${pick(random, lastNames)}`,
  first_name: (random) => pick(random, firstNames),
  street: (random) => `${String(1 + Math.floor(random() * 400))} ${pick(random, streets)}`,
  plain_password: (random) =>
    `${pick(random, ["summer", "dragon", "letmein", "qwerty"])}${digits(random, 2)}!`,
  bcrypt: (random) => `$2b$12$${from(random, cryptAlphabet, 53)}`,
  aws_key_id: (random) => `AKIA${from(random, `${upper}234567`, 16)}`,
  secret40: (random) => from(random, base64, 40),
  jwt,
};

export function generatorNames(): string[] {
  return Object.keys(generators);
}

export function generateValues(kind: string, count: number, seed: string): string[] {
  const generate = generators[kind];
  if (!generate)
    throw new Error(`corpus: no generator "${kind}" (known: ${generatorNames().join(", ")})`);
  const random = seeded(`${seed}:${kind}`);
  return Array.from({ length: count }, (_, index) => generate(random, index));
}
