import type { FindingConfidence, SensitiveFinding } from "../model/index.js";
import { allowedFamilies, type BuiltInCategory } from "./categories.js";
import { countValues, type FieldFacts } from "./field-facts.js";
import type { ValueCheckId } from "./value-checks.js";

interface ValueRule {
  category: BuiltInCategory;
  check: ValueCheckId;
  /** Share of sampled values that must pass before the field is reported. */
  minRatio: number;
  /**
   * The format cannot be anything else (a bcrypt or argon2 string): nearly every value passing
   * is high however few were sampled, not only from ten values on.
   */
  unambiguous?: boolean;
}

// Values alone, whatever the field is called (a `contact` column full of emails). Only strict
// detectors take part: a bare 9-digit number is an id more often than an SSN, so SSNs count
// here only when written with separators; Luhn passes for 1 in 10 random numbers, so cards
// need half the values.
const valueRules: readonly ValueRule[] = [
  { category: "pii.email", check: "email", minRatio: 0.1 },
  { category: "pii.phone", check: "phone", minRatio: 0.3 },
  { category: "pii.card", check: "card", minRatio: 0.5 },
  { category: "pii.iban", check: "iban", minRatio: 0.1 },
  { category: "pii.ip_address", check: "ipAddress", minRatio: 0.3 },
  { category: "pii.national_id", check: "ssnWritten", minRatio: 0.5 },
  { category: "secret.password_hash", check: "passwordHash", minRatio: 0.1, unambiguous: true },
  { category: "secret.token", check: "secret", minRatio: 0.5 },
];

// Identifiers, digests and encoded content are random-looking by design, not credentials.
const opaqueByDesign = new Set(
  (
    "id uuid guid hash checksum digest sha md etag fingerprint signature sig nonce slug " +
    "cursor ref version revision commit image photo avatar thumbnail data blob content body " +
    "payload"
  ).split(" "),
);

/** Findings from sampled values, for categories the name rules did not already report. */
export function assessValues(
  facts: FieldFacts,
  alreadyFound: ReadonlySet<string>,
): SensitiveFinding[] {
  if (facts.values.length === 0) return [];
  const findings: SensitiveFinding[] = [];
  const words = facts.name.split("_");
  for (const rule of valueRules) {
    if (alreadyFound.has(rule.category)) continue;
    // A key or hash the name already reported is not also "a token".
    if (
      rule.category === "secret.token" &&
      [...alreadyFound].some((c) => c.startsWith("secret."))
    ) {
      continue;
    }
    const allowed = allowedFamilies[rule.category];
    if (![...facts.families].some((family) => allowed.includes(family))) continue;
    if (rule.check === "secret" && words.some((word) => opaqueByDesign.has(word))) continue;
    const count = countValues(facts, rule.check);
    if (count.matched === 0 || count.ratio < rule.minRatio) continue;
    findings.push({
      path: facts.path,
      category: rule.category,
      confidence: valueConfidence(count.ratio, count.of, rule.unambiguous ? 2 : 10),
      evidence: [count.evidence],
    });
  }
  return findings;
}

/** High when nearly all of at least `fewest` sampled values pass. */
function valueConfidence(ratio: number, of: number, fewest: number): FindingConfidence {
  if (ratio >= 0.9 && of >= fewest) return "high";
  return ratio >= 0.5 ? "medium" : "low";
}
