import type { FindingConfidence, SensitiveFinding } from "../model/index.js";
import { allowedFamilies, categoryNouns, type BuiltInCategory } from "./categories.js";
import { countValues, describeType, type FieldFacts } from "./field-facts.js";
import { isPersonContext, nameContext, placeContext } from "./name-context.js";
import { matchRule, mentionedInside, nameRules, type NameRule } from "./name-rules.js";

/** Findings from name rules, plus notes saying why a matching name was not reported. */
export interface Assessment {
  findings: SensitiveFinding[];
  notes: string[];
}

// A first word that makes the name a question or a count about the thing: `has_email`,
// `num_phones`, `is_ssn_verified`, `allow_ip`.
const vetoPrefixes = new Set(
  (
    "is has have num n nb count total allow enable disable require can should use send max " +
    "min avg sum"
  ).split(" "),
);

/** Categories that a low-cardinality column is more likely a label of (`phone`: mobile, landline). */
const enumLike: ReadonlySet<BuiltInCategory> = new Set([
  "pii.email",
  "pii.phone",
  "pii.card",
  "pii.iban",
  "pii.ip_address",
  "pii.national_id",
  "secret.api_key",
  "secret.token",
]);

function familyAllowed(category: BuiltInCategory, facts: FieldFacts): boolean {
  const allowed = allowedFamilies[category];
  return [...facts.families].some((family) => allowed.includes(family));
}

/**
 * A binary column with nothing sampled, under a name such as `user_real_name`: MySQL schemas
 * (MediaWiki's among them) keep text in VARBINARY and BLOB columns, so the name stands, at low
 * confidence, for a steward to confirm or reject.
 */
function mayBeTextAsBytes(category: BuiltInCategory, facts: FieldFacts): boolean {
  return (
    facts.families.has("binary") &&
    facts.binary.of === 0 &&
    allowedFamilies[category].includes("string")
  );
}

export function assessName(facts: FieldFacts): Assessment {
  const findings: SensitiveFinding[] = [];
  const notes: string[] = [];
  const firstWord = facts.name.split("_")[0] ?? "";
  for (const rule of nameRules) {
    const label = matchRule(rule, facts.name);
    if (label === undefined) {
      const rest = mentionedInside(rule, facts.name);
      if (rest !== undefined && !notes.some((note) => note.includes(`"_${rest}"`))) {
        notes.push(
          `name ends in "_${rest}": a property of ${categoryNouns[rule.category]}, not one (${rule.category})`,
        );
      }
      continue;
    }
    const veto = vetoOf(rule, label, facts, firstWord);
    if (veto !== undefined) {
      notes.push(`${veto} (${rule.category})`);
      continue;
    }
    const finding = scoreName(rule, label, facts, notes);
    if (finding) findings.push(finding);
  }
  return { findings, notes };
}

function vetoOf(
  rule: NameRule,
  label: string,
  facts: FieldFacts,
  firstWord: string,
): string | undefined {
  if (vetoPrefixes.has(firstWord) && facts.name !== label) {
    return `name starts with "${firstWord}_": a flag or count about ${categoryNouns[rule.category]}`;
  }
  if (rule.personContext) {
    const context = nameContext(facts.path, facts.datasetName);
    if (!isPersonContext(context)) {
      return `"${label}" belongs to ${context.ownerKind} "${context.owner}", which is not a person`;
    }
  }
  if (rule.notForPlaces) {
    const place = placeContext(facts.path, facts.datasetName);
    if (place !== undefined) return `"${place}" is a place or organisation, not a person`;
  }
  if (!familyAllowed(rule.category, facts) && !mayBeTextAsBytes(rule.category, facts)) {
    if (facts.families.has("binary") && facts.binary.of > 0) {
      return `${describeType(facts)}: ${String(facts.binary.of)} sampled values are bytes, not text`;
    }
    return `${describeType(facts)} cannot hold ${categoryNouns[rule.category]}`;
  }
  if (facts.values.length === 0 && enumLike.has(rule.category)) {
    const { statsDistinct: distinct, rowEstimate: rows } = facts;
    if (distinct !== undefined && distinct <= 3 && rows !== undefined && rows >= 100) {
      return `planner statistics: ${String(distinct)} distinct values in about ${String(rows)} rows, a category rather than ${categoryNouns[rule.category]}`;
    }
  }
  return undefined;
}

function scoreName(
  rule: NameRule,
  label: string,
  facts: FieldFacts,
  notes: string[],
): SensitiveFinding | undefined {
  const evidence = [`name matches "${label}"`];
  if (rule.personContext) {
    const context = nameContext(facts.path, facts.datasetName);
    evidence.push(`${context.ownerKind} "${context.owner}" holds people`);
  }
  const declaredDate = rule.category === "pii.date_of_birth" && facts.families.has("date");
  if (declaredDate) evidence.push(`${describeType(facts)} holds dates`);
  const finding = (category: BuiltInCategory, confidence: FindingConfidence): SensitiveFinding => ({
    path: facts.path,
    category,
    confidence,
    evidence,
  });
  if (facts.values.length === 0) {
    if (!familyAllowed(rule.category, facts)) {
      evidence.push(`${describeType(facts)} may hold text as bytes; no sampled values to check`);
      return finding(rule.category, "low");
    }
    evidence.push(
      facts.binary.of > 0
        ? `${String(facts.binary.of)} sampled values are bytes, none of them text to check`
        : "no sampled values to check",
    );
    return finding(rule.category, "medium");
  }
  if (rule.hashedBecomes) {
    // Under a password name a bare hex digest is a hashed password too (unsalted SHA-256).
    const hashes = countValues(facts, "storedPasswordHash");
    if (hashes.ratio >= 0.5) {
      evidence.push(hashes.evidence);
      return finding(rule.hashedBecomes, hashes.ratio >= 0.8 ? "high" : "medium");
    }
  }
  if (!rule.check) return finding(rule.category, "medium");
  const count = countValues(facts, rule.check);
  // A declared date type already says "dates"; however the sampler renders them.
  if (!(declaredDate && count.matched === 0)) evidence.push(count.evidence);
  if (count.ratio >= 0.8) return finding(rule.category, "high");
  if (rule.contradictable && !declaredDate) {
    if (count.matched === 0 && count.of >= 5) {
      const distinct = new Set(facts.values).size;
      notes.push(
        `${count.evidence} (${String(distinct)} distinct): the name is not borne out (${rule.category})`,
      );
      return undefined;
    }
    return finding(rule.category, count.ratio >= 0.3 ? "medium" : "low");
  }
  // The value check only supports the name: a secret stays at least medium, a name or an
  // address that does not look like one drops to low.
  if (declaredDate || rule.category.startsWith("secret.") || count.ratio >= 0.2) {
    return finding(rule.category, declaredDate ? "high" : "medium");
  }
  return finding(rule.category, count.of >= 5 ? "low" : "medium");
}
