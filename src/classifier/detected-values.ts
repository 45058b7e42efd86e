import type { LiteralKind } from "../detectors/index.js";
import type { SensitiveFinding, ValueDetection } from "../model/index.js";
import type { BuiltInCategory } from "./categories.js";

const categoryOfKind: Record<LiteralKind, BuiltInCategory> = {
  email: "pii.email",
  phone: "pii.phone",
  card: "pii.card",
  iban: "pii.iban",
  ssn: "pii.national_id",
  ip_address: "pii.ip_address",
  secret: "secret.token",
};

const kindPhrases: Record<LiteralKind, string> = {
  email: "an email address",
  phone: "a phone number",
  card: "a payment card number (Luhn-valid)",
  iban: "an IBAN",
  ssn: "a US social security number",
  ip_address: "a public IP address",
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
  return detected.map((detection) => ({
    path,
    category: categoryOfKind[detection.kind],
    confidence: detection.matched === detection.of && detection.of >= 2 ? "high" : "medium",
    evidence: [
      `${String(detection.matched)} of ${String(detection.of)} distinct sampled values contain ${kindPhrases[detection.kind]}`,
    ],
  }));
}
