/** The Luhn (mod 10) checksum over a string of digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let position = digits.length - 1; position >= 0; position--) {
    let digit = digits.charCodeAt(position) - 48;
    if (digit < 0 || digit > 9) return false;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

interface IssuerRange {
  /** Inclusive prefix range, compared on the first `from.length` digits. */
  from: string;
  to: string;
  lengths: readonly number[];
}

const sixteenToNineteen = [16, 17, 18, 19];

// Issuer identification number ranges of the networks in wide use (ISO/IEC 7812 registrations
// as the networks publish them). A Luhn-valid id with no issuer prefix is not a card number.
const issuerRanges: readonly IssuerRange[] = [
  { from: "4", to: "4", lengths: [13, 16, 19] }, // Visa
  { from: "51", to: "55", lengths: [16] }, // Mastercard
  { from: "2221", to: "2720", lengths: [16] }, // Mastercard 2-series
  { from: "34", to: "34", lengths: [15] }, // American Express
  { from: "37", to: "37", lengths: [15] },
  { from: "300", to: "305", lengths: [14, 15, 16, 17, 18, 19] }, // Diners Club
  { from: "36", to: "36", lengths: [14, 15, 16, 17, 18, 19] },
  { from: "38", to: "39", lengths: [14, 15, 16, 17, 18, 19] },
  { from: "6011", to: "6011", lengths: sixteenToNineteen }, // Discover
  { from: "644", to: "649", lengths: sixteenToNineteen },
  { from: "65", to: "65", lengths: sixteenToNineteen },
  { from: "3528", to: "3589", lengths: sixteenToNineteen }, // JCB
  { from: "62", to: "62", lengths: sixteenToNineteen }, // UnionPay
  { from: "2200", to: "2204", lengths: sixteenToNineteen }, // Mir
  { from: "50", to: "50", lengths: [12, 13, 14, 15, 16, 17, 18, 19] }, // Maestro
  { from: "56", to: "69", lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
];

function hasIssuerPrefix(digits: string): boolean {
  return issuerRanges.some(({ from, to, lengths }) => {
    const prefix = digits.slice(0, from.length);
    return lengths.includes(digits.length) && prefix >= from && prefix <= to;
  });
}

// Digits in groups separated by single spaces or dashes, the way cards are printed and stored.
const cardShape = /^\d+(?:[ -]\d+)*$/;

/** Candidates in free text; whole-token and checksum checks follow in find-literals. */
export const cardInText = /\d(?:[ -]?\d){11,18}/g;

export function isCardNumber(value: string): boolean {
  const candidate = value.trim();
  if (!cardShape.test(candidate)) return false;
  const digits = candidate.replace(/[ -]/g, "");
  if (digits.length < 12 || digits.length > 19) return false;
  // A run of one digit passes Luhn for some lengths but is a placeholder, not a card.
  if (/^(\d)\1+$/.test(digits)) return false;
  return hasIssuerPrefix(digits) && passesLuhn(digits);
}
