/** Objects whose keys are fields: JSON-like documents, items and rows. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The profiler's view of one non-null value. Driver types that are neither (a Mongo ObjectId,
 * a Decimal128) are profiled by their string form.
 */
export type Leaf =
  | { type: "string"; value: string }
  | { type: "integer" | "number"; value: number | bigint }
  | { type: "boolean"; value: boolean }
  | { type: "date"; value: Date }
  | { type: "binary"; value: Uint8Array }
  | { type: "object"; value: Record<string, unknown> }
  | { type: "array"; value: readonly unknown[] };

export function leafOf(value: unknown): Leaf {
  switch (typeof value) {
    case "string":
      return { type: "string", value };
    case "number":
      return { type: Number.isInteger(value) ? "integer" : "number", value };
    case "bigint":
      return { type: "integer", value };
    case "boolean":
      return { type: "boolean", value };
    default:
      break;
  }
  if (value instanceof Date) return { type: "date", value };
  if (value instanceof Uint8Array) return { type: "binary", value };
  if (value instanceof ArrayBuffer) return { type: "binary", value: new Uint8Array(value) };
  if (Array.isArray(value)) return { type: "array", value };
  // DynamoDB string, number and binary sets unmarshall to Sets: profiled like arrays.
  if (value instanceof Set) return { type: "array", value: [...(value as Set<unknown>)] };
  if (isPlainObject(value)) return { type: "object", value };
  return { type: "string", value: String(value) };
}

export function isScalar(leaf: Leaf): boolean {
  return leaf.type !== "object" && leaf.type !== "array" && leaf.type !== "binary";
}
