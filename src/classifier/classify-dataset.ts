/**
 * The classify stage (docs/classification.md): finds fields holding personal data or secrets from their
 * names and their sampled values, suggests the dataset's classification, and removes raw
 * values (valid-value list, min, max) from the profile of every field it reports.
 *
 * Configuration, `classification:` in okf.config.yaml (all keys optional):
 *
 *   classification:
 *     rules:                          # custom categories, checked on every field
 *       - category: pii.customer_number   # dotted lower-case words
 *         name: "^cust(omer)?_no$"        # regex on the field's name or full path, case-insensitive
 *         value: "^C-\\d{8}$"             # regex on each non-empty sampled value, case-sensitive
 *         min_ratio: 0.8                  # share of sampled values `value` must match (default 0.8)
 *         confidence: high                # low | medium | high (default medium)
 *         classification: restricted      # internal | confidential | restricted
 *                                         # (default: restricted for secret.*, else confidential)
 *     allow:                          # fields never reported, picomatch globs over
 *       - sales.customer_account.email_opt_in   # <schema>.<table>.<field path>
 *       - "*.*.phone_model"                     # (<database>.<table>.<path> where a source has
 *       - "**.device.imei"                      #  databases but no schemas, <table>.<path> for
 *                                               #  DynamoDB); `*` is one segment, `**` any number;
 *                                               #  `[]` array markers are ignored
 *
 * A rule needs `name`, `value` or both; with both, both must hold, and without sampled values
 * (`--no-profile`) the name alone reports the field at most at medium confidence. Built-in
 * vetoes do not apply to custom rules; the allow-list applies to every finding.
 *
 * Built-in categories: pii.email, pii.phone, pii.card, pii.iban, pii.ip_address,
 * pii.national_id, pii.date_of_birth, pii.person_name, pii.postal_address, pii.username,
 * pii.photo, secret.password,
 * secret.password_hash, secret.api_key, secret.token. Confidence: the name and the sampled
 * values agree → high; values alone (≥ 90% of at least 10) → high, otherwise medium or low;
 * the name alone → medium; the name with values that only partly bear it out → low. A name
 * whose values contradict it (none of at least 5 passes the detector) is not reported.
 * Beyond names and whole values: an IP address type (`inet`) says so itself (high), a blob
 * that starts like an image file in a table of people is a photo (see photo-assessment), and
 * an email or phone number inside longer text is low or medium (see text-literals).
 * A view column that reads a base column unchanged (its lineage) carries that column's
 * findings, when the caller passes them (see lineage-findings).
 */
import type { Classification, EnrichedDataset, SensitiveFinding } from "../model/index.js";
import type { ValueSamples } from "../profiler/profile-dataset.js";
import { compileAllowList, type AllowMatcher } from "./allow-list.js";
import { classificationOf, strictest } from "./categories.js";
import {
  assessCustomRules,
  compileCustomRules,
  type CustomRule,
  type CustomRuleInput,
} from "./custom-rules.js";
import { assessDetectedValues } from "./detected-values.js";
import { carriedFindings, withCarried, type BaseFindings } from "./lineage-findings.js";
import { fieldFacts, higherConfidence, type FieldFacts } from "./field-facts.js";
import { assessName } from "./name-assessment.js";
import { assessNetworkType } from "./network-type.js";
import { assessPhoto } from "./photo-assessment.js";
import { stripRawValues } from "./strip-raw-values.js";
import { assessTextLiterals } from "./text-literals.js";
import { assessValues } from "./value-assessment.js";

/** `classification:` from the config (parsed or hand-written; missing keys mean none). */
export interface ClassificationOptions {
  rules?: readonly CustomRuleInput[];
  allow?: readonly string[];
}

interface CompiledOptions {
  rules: CustomRule[];
  allow: AllowMatcher;
}

const compiledOptions = new WeakMap<ClassificationOptions, CompiledOptions>();

function compile(options: ClassificationOptions): CompiledOptions {
  let compiled = compiledOptions.get(options);
  if (!compiled) {
    compiled = {
      rules: compileCustomRules(options.rules ?? []),
      allow: compileAllowList(options.allow ?? []),
    };
    compiledOptions.set(options, compiled);
  }
  return compiled;
}

export function classifyDataset(
  dataset: EnrichedDataset,
  samples: ValueSamples,
  options: ClassificationOptions,
  baseFindings?: BaseFindings,
): EnrichedDataset {
  const { rules, allow } = compile(options);
  const carried = carriedFindings(dataset.fields, baseFindings);
  const findings: SensitiveFinding[] = [];
  for (const facts of datasetFields(dataset, samples)) {
    if (allow(dataset.ref, facts.path)) continue;
    findings.push(...withCarried(classifyField(facts, rules), carried.get(facts.path) ?? []));
  }
  findings.sort(compareFindings);
  const levels = findings.map((finding) => levelOf(finding, rules));
  const sensitivePaths = new Set(findings.map((finding) => finding.path));
  return {
    ...dataset,
    findings,
    suggestedClassification: strictest(levels),
    profile: stripRawValues(dataset.profile, sensitivePaths),
  };
}

/** Built-in name and value rules, then custom rules; one finding per category. */
export function classifyField(
  facts: FieldFacts,
  rules: readonly CustomRule[] = [],
): SensitiveFinding[] {
  const byCategory = new Map<string, SensitiveFinding>();
  const add = (finding: SensitiveFinding): void => {
    const existing = byCategory.get(finding.category);
    if (!existing || higherConfidence(finding.confidence, existing.confidence)) {
      byCategory.set(finding.category, finding);
    }
  };
  assessName(facts).findings.forEach(add);
  assessNetworkType(facts).forEach(add);
  assessValues(facts, new Set(byCategory.keys())).forEach(add);
  assessDetectedValues(facts.path, facts.detected).forEach(add);
  assessPhoto(facts).forEach(add);
  assessTextLiterals(facts).forEach(add);
  assessCustomRules(facts, rules).forEach(add);
  return [...byCategory.values()];
}

/** Every field the catalog, the profile or the sample knows, in catalog order first. */
function datasetFields(dataset: EnrichedDataset, samples: ValueSamples): FieldFacts[] {
  const profiles = new Map(
    (dataset.profile?.fields ?? []).map((profile) => [profile.path, profile]),
  );
  const paths = new Set([
    ...dataset.fields.map((field) => field.path),
    ...profiles.keys(),
    ...samples.keys(),
  ]);
  const fields = new Map(dataset.fields.map((field) => [field.path, field]));
  return [...paths].map((path) =>
    fieldFacts({
      path,
      datasetName: dataset.ref.name,
      field: fields.get(path),
      profile: profiles.get(path),
      sample: samples.get(path),
      rowEstimate: dataset.stats?.rowEstimate,
    }),
  );
}

function compareFindings(a: SensitiveFinding, b: SensitiveFinding): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  if (a.category !== b.category) return a.category < b.category ? -1 : 1;
  return 0;
}

function levelOf(
  finding: SensitiveFinding,
  rules: readonly CustomRule[],
): Exclude<Classification, "public"> {
  const custom = rules.find((rule) => rule.category === finding.category && rule.classification);
  return custom?.classification ?? classificationOf(finding.category);
}
