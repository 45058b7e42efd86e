import { passesLuhn } from "../../src/detectors/index.js";

/**
 * Values that the detectors flag, assembled at run time so that the repository itself holds
 * none (secret scanners and the privacy lint leave the test files alone). They belong to no one:
 * the domain is a made-up one, the card number is a Visa-prefixed Luhn completion, the key has
 * only the shape of an AWS access key id.
 */
export function plantedEmail(user = "maria.lopez"): string {
  return [user, "acme-mail.io"].join("@");
}

/** A 16-digit, Visa-prefixed, Luhn-valid number built from `body` (15 digits). */
export function plantedCard(body = "453201511283036"): string {
  for (let check = 0; check <= 9; check++) {
    const candidate = `${body}${String(check)}`;
    if (passesLuhn(candidate)) return candidate;
  }
  throw new Error("unreachable: one check digit always completes a Luhn number");
}

export function plantedAccessKey(): string {
  return ["AK", "IA", "Z7QW4RT2", "YU8IOP3K"].join("");
}

/** Every value of the planted set, for "none of these is in any file" assertions. */
export interface PlantedValues {
  email: string;
  card: string;
  accessKey: string;
  jsonEmail: string;
  personName: string;
}

export function plantedValues(): PlantedValues {
  return {
    email: plantedEmail(),
    card: plantedCard(),
    accessKey: plantedAccessKey(),
    jsonEmail: plantedEmail("billing.desk"),
    personName: "Maria Lopez",
  };
}
