import { screenValue } from "../detectors/index.js";
import type { ValueDetection, ValueDetectionKind } from "../model/index.js";
import { compareText } from "./compare-text.js";
import { isScalar, type Leaf } from "./value-kinds.js";
import { showNumber } from "./value-range.js";

/** A field with more distinct values than this is not a category. */
const mostListedValues = 12;
/** Fewer non-null values than this say too little for a list to mean "the valid values". */
const fewestValuesForList = 10;
/** Each listed value should have been seen this many times on average. */
const repeatsPerListedValue = 3;
/**
 * What a listed text value may look like. A value list is for codes and enums (`smb`,
 * `mid_market`, `closed_won`, `EUR`, `SKU-1001`, `in progress`), never for free text: a value
 * longer than `longestListedText` characters, of more than `mostListedWords` words, with a
 * control character (a line break, a tab), or that opens like JSON (`{`, `[`) is prose or a
 * document, and the field gets no list at all.
 */
const longestListedText = 40;
const mostListedWords = 3;
const controlCharacter = /\p{Cc}/u;
const jsonOpening = /^\s*[[{]/;
/** Values are screened by the detectors on this many characters at most. */
const longestScreened = 1_000;

type Listed =
  | { kind: "number"; value: number | bigint }
  | { kind: "date"; value: Date }
  | { kind: "text"; value: string };

interface Candidate {
  /** Undefined when the value's shape rules a list out. */
  listed: Listed | undefined;
  /** Detector kinds the value trips (person-name detection included). */
  kinds: readonly ValueDetectionKind[];
}

/**
 * The distinct values of a field while there are few of them. Every value that could be
 * printed is screened first (raw values never leave the source, docs/classification.md): a value in which
 * a detector finds an email, a phone, card or national id number, an IBAN, a public IP address
 * or a secret, or that is written like a person's name, is never listed, and neither is any
 * other value of its field; the detector kinds are kept (as counts) for the classifier, which
 * reports the field. Tracking stops for good at the first value that rules a list out for
 * any other reason: too many distinct values, a container or binary.
 */
export class ValueList {
  private entries: Map<number, Candidate> | undefined = new Map();
  private count = 0;

  /** One non-null value, with the hash of its distinct key. */
  add(leaf: Leaf, hash: number): void {
    this.count += 1;
    const entries = this.entries;
    if (entries === undefined || entries.has(hash)) return;
    if (!isScalar(leaf) || entries.size >= mostListedValues) this.entries = undefined;
    else entries.set(hash, candidateOf(leaf));
  }

  /** The sorted display strings, when the field looks like a category and all are printable. */
  values(showDate: (value: Date) => string): string[] | undefined {
    const candidates = this.entries ? [...this.entries.values()] : [];
    if (candidates.length === 0) return undefined;
    const listed: Listed[] = [];
    for (const candidate of candidates) {
      if (candidate.listed === undefined) return undefined;
      listed.push(candidate.listed);
    }
    if (this.count < Math.max(fewestValuesForList, repeatsPerListedValue * listed.length)) {
      return undefined;
    }
    const shown = listed
      .sort(compareListed)
      .map((entry) =>
        entry.kind === "number"
          ? showNumber(entry.value)
          : entry.kind === "date"
            ? showDate(entry.value)
            : entry.value,
      );
    return [...new Set(shown)];
  }

  /** Detectors the distinct values tripped, while the field has few distinct values. */
  detections(): ValueDetection[] {
    const candidates = this.entries ? [...this.entries.values()] : [];
    const matched = new Map<ValueDetectionKind, number>();
    for (const candidate of candidates) {
      for (const kind of candidate.kinds) matched.set(kind, (matched.get(kind) ?? 0) + 1);
    }
    return [...matched]
      .sort((a, b) => compareText(a[0], b[0]))
      .map(([kind, count]) => ({ kind, matched: count, of: candidates.length }));
  }
}

function candidateOf(leaf: Leaf): Candidate {
  switch (leaf.type) {
    case "integer":
    case "number": {
      if (Number.isNaN(leaf.value)) return { listed: { kind: "text", value: "NaN" }, kinds: [] };
      // A card or phone number stored as a number is still one.
      const { kinds } = screenValue(showNumber(leaf.value));
      return {
        listed: kinds.length === 0 ? { kind: "number", value: leaf.value } : undefined,
        kinds,
      };
    }
    case "date":
      return { listed: { kind: "date", value: leaf.value }, kinds: [] };
    case "boolean":
      return { listed: { kind: "text", value: String(leaf.value) }, kinds: [] };
    case "string":
      return textCandidate(leaf.value);
    default:
      return { listed: undefined, kinds: [] };
  }
}

function textCandidate(text: string): Candidate {
  const screen = screenValue(text.slice(0, longestScreened));
  const listable = screen.kinds.length === 0 && !screen.personName && isCodeShaped(text);
  const kinds: ValueDetectionKind[] = screen.personName
    ? [...screen.kinds, "person_name"]
    : screen.kinds;
  return { listed: listable ? { kind: "text", value: text } : undefined, kinds };
}

function isCodeShaped(text: string): boolean {
  if (text.length > longestListedText || controlCharacter.test(text) || jsonOpening.test(text)) {
    return false;
  }
  return text.split(/\s+/).filter((word) => word !== "").length <= mostListedWords;
}

function compareListed(a: Listed, b: Listed): number {
  if (a.kind === "number" && b.kind === "number") {
    return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  }
  if (a.kind === "date" && b.kind === "date") return a.value.getTime() - b.value.getTime();
  if (a.kind !== b.kind) return compareText(a.kind, b.kind);
  return compareText(String(a.value), String(b.value));
}
