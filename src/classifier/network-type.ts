import type { SensitiveFinding } from "../model/index.js";
import type { FieldFacts } from "./field-facts.js";

// PostgreSQL `inet` and MariaDB `inet4`/`inet6` hold host addresses; `cidr` holds networks,
// which name a block of hosts (a customer's office range) rather than one.
const addressTypes = /^(?:inet|inet4|inet6)$/i;
const networkTypes = /^cidr$/i;

/**
 * A field declared with an IP address type holds IP addresses, whatever it is called
 * (`connected_from inet`): the type says so for every value, so the finding is high; a `cidr`
 * network is medium.
 */
export function assessNetworkType(facts: FieldFacts): SensitiveFinding[] {
  const declared = (facts.field?.domain?.baseType ?? facts.field?.type ?? "").trim();
  const element = declared.replace(/(\[\])+$/, "");
  if (!addressTypes.test(element) && !networkTypes.test(element)) return [];
  const host = addressTypes.test(element);
  return [
    {
      path: facts.path,
      category: "pii.ip_address",
      confidence: host ? "high" : "medium",
      evidence: [
        host
          ? `declared type ${declared} holds IP addresses`
          : `declared type ${declared} holds IP networks (address ranges)`,
      ],
    },
  ];
}
