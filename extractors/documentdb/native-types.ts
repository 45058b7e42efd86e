import { Binary } from "mongodb";

const int32Max = 2 ** 31 - 1;

/**
 * The BSON type name of a value as the driver returns it: string, int, long, double, decimal,
 * bool, date, objectId, object, array, null, binData, timestamp, regex. The driver turns int,
 * long and double into JavaScript numbers, so those three are told apart by value: a whole
 * number is `int` (or `long` past 32 bits), any other `double`.
 */
export function bsonTypeName(value: unknown): string {
  switch (typeof value) {
    case "string":
      return "string";
    case "boolean":
      return "bool";
    case "bigint":
      return "long";
    case "number":
      if (!Number.isInteger(value)) return "double";
      return Math.abs(value) <= int32Max ? "int" : "long";
    default:
      break;
  }
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return "date";
  if (value instanceof Uint8Array) return "binData";
  if (value instanceof RegExp) return "regex";
  if (Array.isArray(value)) return "array";
  const bsonType = (value as { _bsontype?: unknown })._bsontype;
  if (typeof bsonType === "string") return bsonTypeNames[bsonType] ?? bsonType;
  return "object";
}

const bsonTypeNames: Record<string, string> = {
  ObjectId: "objectId",
  Decimal128: "decimal",
  Long: "long",
  Int32: "int",
  Double: "double",
  Binary: "binData",
  Timestamp: "timestamp",
  BSONRegExp: "regex",
  MinKey: "minKey",
  MaxKey: "maxKey",
  Code: "javascript",
  BSONSymbol: "symbol",
  DBRef: "dbPointer",
};

/**
 * Binary values become bytes (the profiler counts them as binary instead of printing them);
 * everything else is left for the profiler, which walks at most 20 levels. Levels past
 * `deepest` are not visited here either, so a pathological document costs a bounded walk.
 */
export function plainDocument(value: unknown, deepest = 24, depth = 0): unknown {
  if (value instanceof Binary) return value.value();
  if (depth >= deepest || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value))
    return value.map((element) => plainDocument(element, deepest, depth + 1));
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value))
    copy[key] = plainDocument(child, deepest, depth + 1);
  return copy;
}
