import { electronicFormatIBAN, isValidIBAN } from "ibantools";

// Printed IBANs are grouped by four; electronic ones are one run. Both start with the country.
const ibanShape = /^[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){10,30}$/;

/** Candidates in free text (upper case only, as IBANs are printed); validated in find-literals. */
export const ibanInText = /[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?/g;

/** An IBAN of a known country: its length and BBAN format for that country, and the mod-97 check. */
export function isIban(value: string): boolean {
  const candidate = value.trim();
  if (!ibanShape.test(candidate)) return false;
  const electronic = electronicFormatIBAN(candidate);
  return electronic !== null && isValidIBAN(electronic);
}
