import {
  decodeEntities,
  findSensitiveLiterals,
  maskLiteral,
  type LiteralKind,
} from "../../../detectors/index.js";
import type { Rule, RuleFinding } from "../types.js";
import type { MarkdownFile } from "../../../knowledge-file/markdown-file.js";
import { isSyntheticValue } from "./synthetic-values.js";

/**
 * docs/validation.md: kinds of literal that must never appear in a bundle. IP addresses are left out on
 * purpose: a host in a resource URI is metadata, and the lint finds loopback or private
 * addresses not at all.
 */
const prohibitedKinds: readonly LiteralKind[] = ["email", "phone", "card", "iban", "ssn", "secret"];

const kindNames: Record<LiteralKind, string> = {
  email: "an email address",
  phone: "a phone number",
  card: "a payment card number (Luhn-valid)",
  iban: "an IBAN",
  ssn: "a US Social Security number",
  ip_address: "an IP address",
  secret: "a secret (API key, token, private key or password hash)",
};

/**
 * The synthetic-pattern marker: an inline code span written right after `pattern:`, e.g.
 * pattern: `4111 1111 1111 1111`. It exempts only literals that are synthetic by construction
 * (published test values, fictional ranges, masked addresses: see `isSyntheticValue`), never
 * "anything inside": a real-looking value in such a span is reported like anywhere else.
 */
const patternCodeSpan = /pattern:[ \t]?(`+)(?!`)[^\n]*?[^`\n]\1(?!`)/g;

// RFC 2606 / RFC 6761 names reserved for documentation and testing: an address there cannot
// belong to anyone, so `someone@example.com` in prose is an illustration, not personal data.
const reservedEmailDomain =
  /@(?:[^@]+\.)?(?:example\.(?:com|net|org)|example|test|invalid|localhost)$/i;

const hint =
  "Remove the value from the file (and from the git history if it is real). okf never writes " +
  "raw values of sensitive fields, so it came from a person or a template. A published test " +
  "value (a test card number, a 555 phone number) may stay as pattern: `…`.";

/**
 * Any literal that looks like personal data or a secret, in the frontmatter or the body, as a
 * reader sees it: character references and backslash escapes (`&#64;`, `&commat;`, `\@`) are
 * decoded first, so that they cannot hide an `@` or a digit.
 */
export function privacyFindings(file: MarkdownFile): RuleFinding[] {
  const decoded = decodeEntities(file.text);
  const patternSpans = [...file.text.matchAll(patternCodeSpan)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  const lineStarts = lineStartOffsets(file.text);
  const findings: RuleFinding[] = [];
  for (const literal of findSensitiveLiterals(decoded.text, prohibitedKinds)) {
    const value = decoded.text.slice(literal.index, literal.index + literal.length);
    if (literal.kind === "email" && reservedEmailDomain.test(value)) continue;
    const start = decoded.originalOffset(literal.index);
    const end = decoded.originalOffset(literal.index + literal.length);
    const inPattern = patternSpans.some((span) => span.start <= start && end <= span.end);
    if (inPattern && isSyntheticValue(literal.kind, value)) continue;
    const line = lineOf(lineStarts, start);
    findings.push({
      line,
      rule: "privacy/literal",
      severity: "error",
      message: `${placeOf(file, line)} contains what looks like ${kindNames[literal.kind]}: ${maskLiteral(literal.kind, value)}`,
      hint,
    });
  }
  return findings;
}

export const privacyRule: Rule = { name: "privacy", check: privacyFindings };

function placeOf(file: MarkdownFile, line: number): string {
  return file.frontmatter !== undefined && line < file.bodyStartLine
    ? "the frontmatter"
    : "the text";
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let offset = text.indexOf("\n"); offset >= 0; offset = text.indexOf("\n", offset + 1)) {
    starts.push(offset + 1);
  }
  return starts;
}

/** 1-based line of an offset: the number of line starts at or before it. */
function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
