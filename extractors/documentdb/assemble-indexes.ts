import { BSON, type Document } from "mongodb";
import type { Index } from "../../src/model/index.js";

/** Key kinds that change how an index is used; the others (1, -1) are ordinary B-trees. */
const specialKinds = new Set(["text", "2dsphere", "2d", "hashed"]);

export function toJson(value: unknown): string {
  return BSON.EJSON.stringify(value, { relaxed: true });
}

/** A text index's key is `{_fts: "text", _ftsx: 1}`; its fields are in `weights`. */
function keysOf(spec: Document): Array<{ field: string; kind: string }> {
  const key = (spec.key ?? {}) as Document;
  const keys: Array<{ field: string; kind: string }> = [];
  for (const [field, kind] of Object.entries(key)) {
    if (field === "_fts" || field === "_ftsx") continue;
    keys.push({ field, kind: String(kind) });
  }
  if ("_fts" in key) {
    const weights = (spec.weights ?? {}) as Document;
    const textFields = Object.keys(weights).sort();
    keys.push(...textFields.map((field) => ({ field, kind: "text" })));
  }
  return keys;
}

/** One listIndexes entry in the neutral model. */
function assembleIndex(spec: Document): Index {
  const keys = keysOf(spec);
  const special = keys.find((key) => specialKinds.has(key.kind));
  const definition = toJson(Object.fromEntries(keys.map((key) => [key.field, numberOr(key.kind)])));
  const index: Index = {
    name: String(spec.name),
    method: special ? special.kind : "btree",
    unique: spec.unique === true || spec.name === "_id_",
    primary: spec.name === "_id_",
    columns: keys.map((key) => key.field),
    definition,
    keys,
  };
  if (spec.sparse === true) index.sparse = true;
  if (typeof spec.expireAfterSeconds === "number")
    index.expireAfterSeconds = spec.expireAfterSeconds;
  if (spec.partialFilterExpression !== undefined) {
    index.predicate = toJson(spec.partialFilterExpression);
  }
  return index;
}

function numberOr(kind: string): number | string {
  const number = Number(kind);
  return Number.isFinite(number) ? number : kind;
}

/** `_id_` first, then by name: the same server state always gives the same order. */
export function assembleIndexes(specs: readonly Document[]): Index[] {
  return specs
    .map(assembleIndex)
    .sort(
      (a, b) =>
        Number(b.primary) - Number(a.primary) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
}
