/**
 * The lines of an okf dataset-lines stream, version 1 (docs/sources/external.md): a header,
 * then one dataset or one failure a line.
 */
import { z } from "zod";
import type { ExtractionFailure, SourceVocabulary } from "../../src/model/index.js";
import { datasetKindSchema, datasetSchema } from "./dataset-schema.js";
import { modelSchema } from "./model-schema.js";
import { datasetRefSchema } from "./source-facts-schema.js";

/** The only version this okf reads; a stream of any other is refused. */
export const datasetLinesVersion = 1;

const text = z.string().min(1);

/** Every key optional: what the header leaves out comes from the external defaults. */
const vocabularySchema = modelSchema<Partial<SourceVocabulary>>()(
  z.strictObject({
    engine: text.optional(),
    system: text.optional(),
    fieldWord: text.optional(),
    kindTitles: z.partialRecord(datasetKindSchema, text).optional(),
    catalogTitle: text.optional(),
  }),
);

export const headerLineSchema = z.strictObject({
  okf_dataset_lines: z.literal(datasetLinesVersion),
  /** A credential-free URI or ARN of the source as a whole. */
  resource: text,
  vocabulary: vocabularySchema.optional(),
});

const sampleSchema = z.strictObject({
  /** How the records were taken, read after "figures from". */
  method: text,
  records: z.array(z.record(z.string(), z.unknown())),
  /** The records are every record of the dataset. */
  complete: z.boolean().optional(),
});

export const datasetLineSchema = z.strictObject({
  dataset: datasetSchema,
  sample: sampleSchema.optional(),
});

const failureSchema = modelSchema<ExtractionFailure>()(
  z.strictObject({ scope: datasetRefSchema.optional(), message: text, hint: text.optional() }),
);

export const failureLineSchema = z.strictObject({ failure: failureSchema });

/** Any one line of a stream, for the JSON Schema file. */
export const datasetLinesSchema = z.union([headerLineSchema, datasetLineSchema, failureLineSchema]);

export type HeaderLine = z.output<typeof headerLineSchema>;
export type DatasetLine = z.output<typeof datasetLineSchema>;
export type InlineSample = z.output<typeof sampleSchema>;
