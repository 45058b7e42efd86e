import { isEmail } from "../detectors/index.js";

/** What a collapsed map key is written as in a path: `tier_and_details.<key>.tier`. */
export const mapKeySegment = "<key>";

const numericId = /^-?\d+$/;
/** Hash and ObjectId-like ids; shorter hex strings can be words (`added`, `facade`). */
const hexId = /^[0-9a-f]{16,}$/i;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const yearFirstDate =
  /^\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?$/i;
const dayFirstDate = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/;

/**
 * Whether an object key is data rather than a field name: an id, a date or an email address.
 * Such a key never becomes a path segment, since paths are rendered and ids can identify people.
 */
export function looksGenerated(key: string): boolean {
  return (
    numericId.test(key) ||
    hexId.test(key) ||
    uuid.test(key) ||
    yearFirstDate.test(key) ||
    dayFirstDate.test(key) ||
    isEmail(key)
  );
}
