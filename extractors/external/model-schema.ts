import type { z } from "zod";

/** The keys that `Model` and the schema's output disagree on; both `never` when they agree. */
interface KeyDrift<Model, Schema extends z.ZodType> {
  keysOnlyInModel: Exclude<keyof Model, keyof z.output<Schema>>;
  keysOnlyInSchema: Exclude<keyof z.output<Schema>, keyof Model>;
}

/**
 * Nothing when `Schema` has exactly the keys of `Model`; otherwise the drift itself, which no
 * schema has, so the call below fails to compile and the message names the keys.
 */
type SameKeys<Model, Schema extends z.ZodType> =
  KeyDrift<Model, Schema> extends { keysOnlyInModel: never; keysOnlyInSchema: never }
    ? unknown
    : KeyDrift<Model, Schema>;

/** Nothing when every `Model` is a valid input (a key the model may leave out is optional here). */
type AcceptsModel<Model, Schema extends z.ZodType> = [Model] extends [z.input<Schema>]
  ? unknown
  : { modelIsNotAValidInput: Model };

/**
 * Ties a zod schema to the TypeScript model it parses, so that drift between them is a compile
 * error in both directions: what the schema outputs must be a `Model` (a key the model requires
 * cannot be optional or missing here), every `Model` must parse (a key the model makes optional
 * cannot be required here), and the keys must be the same (a key the model gained, or one the
 * schema has and the model lacks). Curried so that `Model` is given and `Schema` inferred.
 */
export function modelSchema<Model>() {
  return <Schema extends z.ZodType<Model>>(
    schema: Schema & SameKeys<Model, Schema> & AcceptsModel<Model, Schema>,
  ): Schema => schema;
}
