import type { SensitiveFinding, ValueDetection, ValueDetectionKind } from "../model/index.js";
import type { BuiltInCategory } from "./categories.js";

const categoryOfKind: Record<ValueDetectionKind, BuiltInCategory> = {
  person_name: "pii.person_name",
  email: "pii.email",
  phone: "pii.phone",
  card: "pii.card",
  iban: "pii.iban",
  ssn: "pii.national_id",
  ip_address: "pii.ip_address",
  secret: "secret.token",
};

const kindPhrases: Record<Exclude<ValueDetectionKind, "person_name">, string> = {
  email: "an email address",
  phone: "a phone number",
  card: "a payment card number (Luhn-valid)",
  iban: "an IBAN",
  ssn: "a US social security number",
  ip_address: "an IP address outside the private, loopback and link-local ranges",
  secret: "a secret (API key, token, private key or password hash)",
};

/**
 * Findings for the detectors that a field's few distinct values tripped (the profiler's
 * `detected`): free text or JSON with an email, a card number or a key inside, under a name
 * that says nothing (`remark`, `meta`, `code`). Whatever the name and type, a literal found in
 * a value is the value rules' strongest evidence, so such a finding is never vetoed; with
 * every distinct value matching it is high, otherwise medium.
 */
export function assessDetectedValues(
  path: string,
  detected: readonly ValueDetection[],
): SensitiveFinding[] {
  return detected.filter(isEvidence).map((detection) => ({
    path,
    category: categoryOfKind[detection.kind],
    confidence:
      detection.kind !== "person_name" && detection.matched === detection.of && detection.of >= 2
        ? "high"
        : "medium",
    evidence: [evidenceOf(detection)],
  }));
}

/**
 * A literal is evidence on its own. A name shape is not (`Closed Won`, `New York` have it too):
 * it takes at least two such values, and half of the field's distinct values, and it is never
 * more than medium, for a steward to confirm or reject.
 */
function isEvidence(detection: ValueDetection): boolean {
  return (
    detection.kind !== "person_name" ||
    (detection.matched >= 2 && 2 * detection.matched >= detection.of)
  );
}

function evidenceOf({ kind, matched, of }: ValueDetection): string {
  const counted = `${String(matched)} of ${String(of)} distinct sampled values`;
  return kind === "person_name"
    ? `${counted} are written like a person's name`
    : `${counted} contain ${kindPhrases[kind]}`;
}
