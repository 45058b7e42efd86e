import { findSensitiveLiterals, type LiteralKind } from "../detectors/index.js";
import type { FindingConfidence, SensitiveFinding } from "../model/index.js";
import type { BuiltInCategory } from "./categories.js";
import type { FieldFacts } from "./field-facts.js";

/** The personal data that free text is searched for, and how evidence names it. */
const searched: readonly { kind: LiteralKind; category: BuiltInCategory; noun: string }[] = [
  { kind: "email", category: "pii.email", noun: "an email address" },
  { kind: "phone", category: "pii.phone", noun: "a phone number" },
  { kind: "card", category: "pii.card", noun: "a payment card number (Luhn-valid)" },
  { kind: "iban", category: "pii.iban", noun: "an IBAN" },
  { kind: "ssn", category: "pii.national_id", noun: "a US social security number" },
];
const kinds = searched.map((entry) => entry.kind);

/**
 * Personal data inside longer text: `notes`, `body`, `comment` whose sampled values mention an
 * email or a phone number ("call her on +1 …"). Whole values are the value rules' business; this
 * counts only values in which the literal is part of more text. A literal in one value is
 * already a fact about the field (it holds such data, and may hold more): low; in at least
 * three values or a tenth of them, medium. Free text never proves that every row holds one,
 * so such a finding is never high on its own.
 */
export function assessTextLiterals(facts: FieldFacts): SensitiveFinding[] {
  if (!facts.families.has("string") && !facts.families.has("unknown")) return [];
  const counts = new Map<LiteralKind, number>();
  let searchedValues = 0;
  for (const value of facts.values) {
    const text = value.trim();
    if (!/\s/.test(text)) continue;
    searchedValues += 1;
    const found = findSensitiveLiterals(text, kinds).filter(
      (literal) => literal.length < text.length,
    );
    for (const kind of new Set(found.map((literal) => literal.kind))) {
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
  }
  const findings: SensitiveFinding[] = [];
  for (const { kind, category, noun } of searched) {
    const matched = counts.get(kind) ?? 0;
    if (matched === 0) continue;
    const confidence: FindingConfidence =
      matched >= 3 || matched * 10 >= facts.values.length ? "medium" : "low";
    findings.push({
      path: facts.path,
      category,
      confidence,
      evidence: [
        `${String(matched)} of ${String(facts.values.length)} sampled values contain ${noun} within longer text`,
      ],
    });
  }
  return searchedValues === 0 ? [] : findings;
}
