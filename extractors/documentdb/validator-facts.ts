import type { Document } from "mongodb";
import type { DocumentCollectionFacts } from "../../src/model/index.js";
import { toJson } from "./assemble-indexes.js";

function isDocument(value: unknown): value is Document {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Schemas nest at most this deep in practice; deeper ones are not walked (cycles cannot occur). */
const deepestSchema = 32;

/**
 * Required paths of a `$jsonSchema`: `required` at the top, `properties.x.required` as `x.y`,
 * and `items` of arrays as `x[].y` (the profiler's path form).
 */
function requiredPaths(schema: unknown, prefix = "", depth = 0): string[] {
  if (!isDocument(schema) || depth > deepestSchema) return [];
  const paths: string[] = [];
  const required: unknown = schema.required;
  if (Array.isArray(required)) {
    for (const name of required) if (typeof name === "string") paths.push(`${prefix}${name}`);
  }
  if (isDocument(schema.properties)) {
    for (const [name, child] of Object.entries(schema.properties)) {
      paths.push(...requiredPaths(child, `${prefix}${name}.`, depth + 1));
    }
  }
  if (isDocument(schema.items)) {
    const arrayPrefix = prefix.endsWith(".") ? `${prefix.slice(0, -1)}[].` : prefix;
    paths.push(...requiredPaths(schema.items, arrayPrefix, depth + 1));
  }
  return paths;
}

/** Validator and options of one listCollections entry. */
export function documentFacts(type: string, options: Document): DocumentCollectionFacts {
  const facts: DocumentCollectionFacts = { requiredFields: [] };
  const validator: unknown = options.validator;
  if (isDocument(validator)) {
    facts.validator = toJson(validator);
    facts.requiredFields = [...new Set(requiredPaths(validator.$jsonSchema))].sort();
  }
  if (typeof options.validationLevel === "string") facts.validationLevel = options.validationLevel;
  if (typeof options.validationAction === "string") {
    facts.validationAction = options.validationAction;
  }
  if (options.capped === true) facts.capped = true;
  if (type === "view") {
    if (typeof options.viewOn === "string") facts.viewOn = options.viewOn;
    if (Array.isArray(options.pipeline)) facts.pipeline = toJson(options.pipeline);
  }
  return facts;
}
