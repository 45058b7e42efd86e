import { cardInText, isCardNumber } from "./card.js";
import { emailInText, isEmail } from "./email.js";
import { ibanInText, isIban } from "./iban.js";
import { ipv4InText, ipv6InText, isIpAddress, isPublicAddress } from "./ip-address.js";
import type { LiteralKind } from "../model/literal-kind.js";
import type { SensitiveLiteral } from "./literal-kind.js";
import { isPasswordHash, passwordHashInText } from "./password-hash.js";
import { isPhoneNumber, phoneInText } from "./phone.js";
import {
  isHighEntropyToken,
  isSecretToken,
  knownTokenInText,
  opaqueTokenInText,
} from "./secret-token.js";
import { isSsn, ssnInText } from "./ssn.js";

/**
 * A bare 12-digit run in prose is far more often an epoch in milliseconds (1973–2001) or an id
 * than one of the rare 12-digit Maestro cards; printed 12-digit cards are grouped.
 */
function isCardInText(candidate: string): boolean {
  return isCardNumber(candidate) && (/[ -]/.test(candidate) || candidate.length > 12);
}

interface TextDetector {
  kind: LiteralKind;
  /** Global pattern for candidate runs; `accept` decides. */
  candidates: RegExp;
  accept: (candidate: string) => boolean;
  /** What may touch the literal without making it part of a larger token. */
  boundary: Boundary;
  /** Also try the candidate without its trailing space-separated groups. */
  shrink: boolean;
}

// Most specific first: a found literal hides any later candidate that overlaps it.
const detectors: readonly TextDetector[] = [
  {
    kind: "secret",
    candidates: knownTokenInText,
    accept: isSecretToken,
    boundary: "word",
    shrink: false,
  },
  {
    kind: "secret",
    candidates: passwordHashInText,
    accept: isPasswordHash,
    boundary: "word",
    shrink: false,
  },
  {
    kind: "secret",
    candidates: opaqueTokenInText,
    accept: isHighEntropyToken,
    boundary: "token",
    shrink: false,
  },
  { kind: "iban", candidates: ibanInText, accept: isIban, boundary: "word", shrink: true },
  { kind: "email", candidates: emailInText, accept: isEmail, boundary: "word", shrink: false },
  { kind: "card", candidates: cardInText, accept: isCardInText, boundary: "number", shrink: true },
  { kind: "ssn", candidates: ssnInText, accept: isSsn, boundary: "number", shrink: false },
  {
    kind: "phone",
    candidates: phoneInText,
    accept: isPhoneNumber,
    boundary: "number",
    shrink: true,
  },
  {
    kind: "ip_address",
    candidates: ipv4InText,
    accept: (address) => isIpAddress(address) && isPublicAddress(address),
    boundary: "number",
    shrink: false,
  },
  {
    kind: "ip_address",
    candidates: ipv6InText,
    accept: (address) => address.length >= 6 && isIpAddress(address) && isPublicAddress(address),
    boundary: "number",
    shrink: false,
  },
];

/**
 * word: letters, digits and `_` may not touch the literal. number: neither may joining
 * punctuation, since numbers glued to other figures (`1.2.3.4.5`, `id-4111…`, `10.0.0.1:5432`)
 * are parts of something else. token: a high-entropy run must be the whole run of base64
 * characters, not a slice of a longer name or path.
 */
type Boundary = "word" | "number" | "token";

const wordCharacter = /[A-Za-z0-9_]/;
const joiningPunctuation = /[.,:/\\+@#-]/;
const tokenCharacter = /[A-Za-z0-9+/_=$-]/;

function standsAlone(text: string, start: number, end: number, boundary: Boundary): boolean {
  const before = text[start - 1] ?? " ";
  const after = text[end] ?? " ";
  const afterNext = text[end + 1] ?? " ";
  if (wordCharacter.test(before) || wordCharacter.test(after)) return false;
  const continues = (glue: RegExp): boolean => glue.test(after) && wordCharacter.test(afterNext);
  switch (boundary) {
    case "word":
      return true;
    case "token":
      return !tokenCharacter.test(before) && !tokenCharacter.test(after) && !continues(/\./);
    case "number":
      // "Phone:+1 …" and "tel:+1 …" are fine; "127.0.0.1:5432" is a port, not a number.
      if (before === ":") return !/\d/.test(text[start - 2] ?? "");
      return !joiningPunctuation.test(before) && !continues(joiningPunctuation);
  }
}

// Sentence punctuation right after a literal is not part of it (bcrypt's alphabet has ".").
const trailingPunctuation = /[.,;:!?]+$/;

/**
 * The candidate, without trailing sentence punctuation, then (when allowed) without one
 * trailing space-separated group after another.
 */
function variants(candidate: string, shrink: boolean): string[] {
  const all = [candidate];
  const unpunctuated = candidate.replace(trailingPunctuation, "");
  if (unpunctuated !== candidate && unpunctuated !== "") all.push(unpunctuated);
  if (!shrink) return all;
  let rest = unpunctuated;
  for (let cut = rest.lastIndexOf(" "); cut > 0; cut = rest.lastIndexOf(" ")) {
    rest = rest.slice(0, cut).trimEnd();
    all.push(rest);
  }
  return all;
}

/** The first acceptable variant of the candidate at `start`, if any. */
function acceptedLength(
  text: string,
  start: number,
  candidate: string,
  detector: TextDetector,
  taken: (start: number, end: number) => boolean,
): number | undefined {
  for (const variant of variants(candidate, detector.shrink)) {
    const end = start + variant.length;
    if (!standsAlone(text, start, end, detector.boundary) || taken(start, end)) continue;
    if (detector.accept(variant)) return variant.length;
  }
  return undefined;
}

/**
 * Literals in free text that look like personal data or secrets, in text order. Loopback and
 * private IP addresses are not reported; `kinds` narrows the search.
 */
export function findSensitiveLiterals(
  text: string,
  kinds?: readonly LiteralKind[],
): SensitiveLiteral[] {
  const found: SensitiveLiteral[] = [];
  const overlaps = (start: number, end: number): boolean =>
    found.some((literal) => start < literal.index + literal.length && literal.index < end);
  for (const detector of detectors) {
    if (kinds && !kinds.includes(detector.kind)) continue;
    const pattern = new RegExp(detector.candidates.source, detector.candidates.flags);
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const length = acceptedLength(text, match.index, match[0], detector, overlaps);
      if (length === undefined) {
        // Search again from the next character: a literal may start inside a rejected run
        // ("8.8.8.8 4111 …" must still find the card number). A rejected token run is
        // rejected whole, since no slice of it stands alone.
        if (detector.boundary !== "token") pattern.lastIndex = match.index + 1;
        continue;
      }
      found.push({ kind: detector.kind, index: match.index, length });
      pattern.lastIndex = match.index + length;
    }
  }
  return found.sort((left, right) => left.index - right.index);
}
