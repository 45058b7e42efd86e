import type { CustomRuleConfig } from "../config/schema.js";
import type { Classification, FindingConfidence, SensitiveFinding } from "../model/index.js";
import type { FieldFacts } from "./field-facts.js";

/** A rule from `classification.rules`, with defaults applied and its expressions compiled. */
export interface CustomRule {
  /** `classification.rules[2]`, for evidence: a reviewer finds the rule in the config. */
  source: string;
  category: string;
  name?: RegExp;
  value?: RegExp;
  minRatio: number;
  confidence: FindingConfidence;
  classification?: Exclude<Classification, "public">;
}

/** Accepts parsed config or a hand-written object (tests, library use); defaults as in the schema. */
export type CustomRuleInput = Pick<CustomRuleConfig, "category"> &
  Partial<Omit<CustomRuleConfig, "category">>;

export function compileCustomRules(rules: readonly CustomRuleInput[]): CustomRule[] {
  return rules.map((rule, index) => ({
    source: `classification.rules[${String(index)}]`,
    category: rule.category,
    name: rule.name === undefined ? undefined : new RegExp(rule.name, "i"),
    value: rule.value === undefined ? undefined : new RegExp(rule.value),
    minRatio: rule.min_ratio ?? 0.8,
    confidence: rule.confidence ?? "medium",
    classification: rule.classification,
  }));
}

/**
 * A name pattern is tested against the field's own name and its full path; a value pattern
 * against each sampled value, and must match at least `min_ratio` of them. With both, both must
 * hold; when nothing was sampled, the name alone reports the field at no more than medium
 * confidence. Built-in vetoes do not apply: a custom rule says exactly what its author means.
 */
export function assessCustomRules(
  facts: FieldFacts,
  rules: readonly CustomRule[],
): SensitiveFinding[] {
  const findings: SensitiveFinding[] = [];
  for (const rule of rules) {
    const evidence: string[] = [];
    if (rule.name) {
      if (!rule.name.test(facts.ownName) && !rule.name.test(facts.path)) continue;
      evidence.push(`name matches ${rule.source}.name`);
    }
    let confidence = rule.confidence;
    if (rule.value) {
      const pattern = rule.value;
      const matched = facts.values.filter((value) => pattern.test(value)).length;
      const of = facts.values.length;
      if (of === 0) {
        if (!rule.name) continue;
        evidence.push("no sampled values to check");
        if (confidence === "high") confidence = "medium";
      } else {
        if (matched / of < rule.minRatio) continue;
        evidence.push(
          `${String(matched)} of ${String(of)} sampled values match ${rule.source}.value`,
        );
      }
    }
    findings.push({ path: facts.path, category: rule.category, confidence, evidence });
  }
  return findings;
}
