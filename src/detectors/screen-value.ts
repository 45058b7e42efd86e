import { decodeEntities } from "./decode-entities.js";
import { findSensitiveLiterals } from "./find-literals.js";
import type { LiteralKind } from "../model/literal-kind.js";
import { looksLikePersonName } from "./person-name.js";

/** What the detectors find in one value that okf would print. */
export interface ValueScreen {
  /** Kinds of literal found in the value, as a reader would see it (references decoded). */
  kinds: LiteralKind[];
  /** Whether the value is written like a person's name. */
  personName: boolean;
}

/**
 * Most values screened are codes (`smb`, `closed_won`) and small numbers, and the detectors cost
 * a few microseconds each, many times per table. What no detector can match is let through at
 * once: at most 14 letters, spaces, `_`, `.` and `-` (every literal needs an `@`, a digit, an
 * `&` to hide one, or at least 15 characters), or an integer of at most 6 digits.
 */
const tooPlainForLiteral = /^(?:[\p{L} _.-]{0,14}|-?\d{1,6})$/u;

/**
 * The check every value from a source passes before okf may print it: the privacy lint's
 * literal detectors (every kind, public IP addresses included, and no allowance for
 * documentation domains: a value from a table is data, whatever its domain), and person-name
 * detection. A value that passes is printable.
 */
export function screenValue(value: string): ValueScreen {
  if (tooPlainForLiteral.test(value)) return { kinds: [], personName: looksLikePersonName(value) };
  const { text } = decodeEntities(value);
  const kinds = [...new Set(findSensitiveLiterals(text).map((literal) => literal.kind))];
  return { kinds, personName: looksLikePersonName(text) };
}

export function isPrintableValue(value: string): boolean {
  const screen = screenValue(value);
  return screen.kinds.length === 0 && !screen.personName;
}
