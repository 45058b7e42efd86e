/**
 * A seeded generator, so that the sample collections are the same on every run and machine:
 * profiles, golden files and the classifier corpus depend on their exact values.
 */
import { ObjectId } from "bson";

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items, in the order drawn. */
  some<T>(items: readonly T[], count: number): T[];
  hex(length: number): string;
  /** Characters of `alphabet`. */
  text(alphabet: string, length: number): string;
  /** An ObjectId whose timestamp part grows with `index`, as inserts in sequence would give. */
  objectId(epochSeconds: number, index: number): ObjectId;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  // mulberry32: small, fast and good enough for test data.
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  };
  const text = (alphabet: string, length: number): string =>
    Array.from({ length }, () => alphabet[int(0, alphabet.length - 1)] ?? "").join("");
  return {
    next,
    int,
    pick,
    some<T>(items: readonly T[], count: number): T[] {
      const pool = [...items];
      const chosen: T[] = [];
      while (chosen.length < count && pool.length > 0) {
        chosen.push(...pool.splice(int(0, pool.length - 1), 1));
      }
      return chosen;
    },
    hex: (length) => text("0123456789abcdef", length),
    text,
    objectId(epochSeconds, index) {
      const time = (epochSeconds + index).toString(16).padStart(8, "0");
      return new ObjectId(`${time}${text("0123456789abcdef", 16)}`);
    },
  };
}
