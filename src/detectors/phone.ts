// The "min" metadata is enough: it knows each country's calling code and possible lengths, and
// a possible-length check is what we want (real-looking test numbers such as 555 ones count).
import { isPossiblePhoneNumber } from "libphonenumber-js/min";

// Phone characters only: digits and the usual separators, an optional "+" and an extension.
const phoneShape = /^(?:\+|00)?[\d\s()./-]+(?:\s*(?:x|ext\.?|#)\s*\d{1,6})?$/i;
const extension = /\s*(?:x|ext\.?|#)\s*\d{1,6}$/i;
// A North American number written with its usual separators: (NXX) NXX-XXXX, NXX-NXX-XXXX, …
// Accepted on its shape alone and without range checks on the digits, so that fictitious
// numbers such as (555) 123-4567 still count as phone numbers.
const northAmerican = /^(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}$/;
// Shapes of other figures that use the same characters.
const notPhone = [
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/, // ISO and slashed dates
  /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/, // day-month-year dates
  /^\d{1,3}(?:\.\d{1,3}){3}$/, // IPv4 addresses
];

/** Candidates in free text: runs of phone characters (no longer than a phone number can be). */
export const phoneInText = /(?:\+|\(\+?)?\d[\d()./ -]{0,30}\d(?:\s?(?:x|ext\.?)\s?\d{1,6})?/gi;

/**
 * A phone number written internationally (`+44 20 7946 0958`, `0044 …`) whose length is
 * possible for its country, or a formatted North American number. Bare digit runs without a
 * "+" are not accepted: they are far more often ids, amounts or dates than phone numbers.
 */
export function isPhoneNumber(value: string): boolean {
  const candidate = value.trim();
  if (candidate.length < 7 || candidate.length > 32 || !phoneShape.test(candidate)) return false;
  if (notPhone.some((shape) => shape.test(candidate))) return false;
  const number = candidate.replace(extension, "");
  const digitCount = number.replace(/\D/g, "").length;
  if (digitCount < 7 || digitCount > 15) return false;
  if (northAmerican.test(number)) return true;
  const international = number.startsWith("00") ? `+${number.slice(2)}` : number;
  if (!international.startsWith("+") && !international.startsWith("(+")) return false;
  const normalised = international.replace(/^\(\+(\d+)\)/, "+$1 ");
  return isPossiblePhoneNumber(normalised);
}
