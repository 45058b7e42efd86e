import type { FindingConfidence, SensitiveFinding } from "../model/index.js";
import { allowedFamilies } from "./categories.js";
import { countValues, type FieldFacts } from "./field-facts.js";
import { isPersonContext, isPersonNoun, nameContext } from "./name-context.js";

// Pictures of someone whatever the table: nobody keeps an avatar or a selfie of a product.
const portraitWords = new Set("avatar portrait headshot selfie mugshot face".split(" "));
// Pictures of whatever the record is about: a person's in `employees`, a product's in `products`.
const pictureWords = new Set(
  "photo photos photograph picture pictures pic pics image images img thumbnail".split(" "),
);

/**
 * Photographs of people (`pii.photo`): a binary field whose sampled values start like an image
 * file (PNG, JPEG, GIF, WebP, TIFF, HEIC signatures, counted by the profiler), or a text field of
 * base64 images, in a record about a person or under a name that says portrait. The name alone
 * (nothing sampled) reports a binary field at medium; images in a field named for something
 * else (`employees.data`) are medium too; a picture of a thing (`categories.picture`) is none.
 */
export function assessPhoto(facts: FieldFacts): SensitiveFinding[] {
  if (![...facts.families].some((family) => allowedFamilies["pii.photo"].includes(family))) {
    return [];
  }
  const words = facts.name.split("_");
  const last = words[words.length - 1] ?? "";
  const evidence: string[] = [];
  const portrait = portraitWords.has(last);
  const named = portrait || pictureWords.has(last);
  if (named) evidence.push(`name matches "${last}"`);
  const person = personEvidence(facts, words);
  if (person !== undefined) evidence.push(person);
  else if (!portrait) return [];
  const images = imageEvidence(facts);
  const finding = (confidence: FindingConfidence): SensitiveFinding[] => [
    { path: facts.path, category: "pii.photo", confidence, evidence },
  ];
  if (images === undefined) {
    if (!named || !facts.families.has("binary")) return [];
    evidence.push("no sampled values to check");
    return finding("medium");
  }
  evidence.push(images.evidence);
  if (images.ratio >= 0.5) return finding(named ? "high" : "medium");
  // A blob named photo of a person that does not start like an image file may still be one
  // (wrapped in a container, encrypted): kept, for a steward to look at.
  if (named && facts.families.has("binary")) return finding("low");
  return [];
}

/** Why the field is about a person: a person word in its name, or what it belongs to. */
function personEvidence(facts: FieldFacts, words: readonly string[]): string | undefined {
  const ofPerson = words.slice(0, -1).find(isPersonNoun);
  if (ofPerson !== undefined) return `"${ofPerson}" in the name is a person`;
  const context = nameContext(facts.path, facts.datasetName);
  return isPersonContext(context)
    ? `${context.ownerKind} "${context.owner}" holds people`
    : undefined;
}

interface ImageCount {
  ratio: number;
  evidence: string;
}

/** Images among the sampled values: binary by their first bytes, text as base64 or data URI. */
function imageEvidence(facts: FieldFacts): ImageCount | undefined {
  const { of, images, formats } = facts.binary;
  if (of > 0) {
    const kinds = formats.length > 0 ? ` (${formats.join(", ")})` : "";
    return {
      ratio: images / of,
      evidence: `${String(images)} of ${String(of)} sampled values start like an image file${kinds}`,
    };
  }
  if (facts.values.length === 0) return undefined;
  const count = countValues(facts, "imageText");
  // Text that is not an image (a file name, a URL) says nothing about a photo either way.
  return count.matched === 0 ? undefined : { ratio: count.ratio, evidence: count.evidence };
}
