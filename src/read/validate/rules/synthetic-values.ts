import type { LiteralKind } from "../../../detectors/index.js";

// Numbers that the card networks and payment processors publish for testing: they can never
// be charged, and documentation everywhere uses them.
const testCardNumbers = new Set([
  "4111111111111111",
  "4242424242424242",
  "4012888888881881",
  "4000056655665556",
  "5555555555554444",
  "5105105105105100",
  "2223003122003222",
  "378282246310005",
  "371449635398431",
  "6011111111111117",
  "6011000990139424",
  "3530111333300000",
  "3566002020360505",
  "30569309025904",
  "38520000023237",
]);

// The example IBANs of the ECBS/SWIFT IBAN registry and of ISO 13616.
const exampleIbans = new Set([
  "DE89370400440532013000",
  "GB82WEST12345698765432",
  "GB29NWBK60161331926819",
  "FR1420041010050500013M02606",
  "NL91ABNA0417164300",
]);

// Numbers the SSA voided after they appeared in advertising, and the textbook example.
const exampleSsns = new Set(["078051120", "219099999", "123456789"]);

/**
 * Ranges reserved for fiction: North American area code 555 and 555-0100…0199, and the UK's
 * drama numbers (020 7946 0xxx, 0113 496 0xxx, 0161 496 0xxx, 07700 900xxx).
 */
function isFictionalPhone(digits: string): boolean {
  const national = digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
  if (
    national.length === 10 &&
    (national.startsWith("555") || /^\d{3}55501\d{2}$/.test(national))
  ) {
    return true;
  }
  const uk = digits.startsWith("44") ? digits.slice(2) : digits.replace(/^0/, "");
  return /^(?:2079460|1134960|1614960|7700900)\d{3}$/.test(uk);
}

/**
 * Whether a literal is synthetic by construction: a published test or example value, a number
 * from a range reserved for fiction, an AWS documentation key (they end in `EXAMPLE`), or an
 * address masked the way okf masks one (`j***@acme.io`). Only such literals may stand in a
 * `pattern:` code span; a real-looking value there is reported like anywhere else.
 */
export function isSyntheticValue(kind: LiteralKind, literal: string): boolean {
  const digits = literal.replace(/\D/g, "");
  switch (kind) {
    case "card":
      return testCardNumbers.has(digits);
    case "iban":
      return exampleIbans.has(literal.replace(/\s/g, "").toUpperCase());
    case "ssn":
      return exampleSsns.has(digits);
    case "phone":
      return isFictionalPhone(digits);
    case "secret":
      return /EXAMPLE(?:KEY)?$/.test(literal);
    case "email":
      return literal.slice(0, literal.lastIndexOf("@")).includes("*");
    case "ip_address":
      return false;
  }
}
