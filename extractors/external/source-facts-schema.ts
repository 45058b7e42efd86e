/** Zod schemas of the source-specific facts of a dataset (src/model/source-facts.ts). */
import { z } from "zod";
import type {
  DatasetRef,
  DocumentCollectionFacts,
  KeyAttribute,
  KeyValueFacts,
  LinkedConcept,
  SecondaryIndex,
  StorageFacts,
  WarehouseFacts,
} from "../../src/model/index.js";
import { modelSchema } from "./model-schema.js";

const text = z.string().min(1);
const percent = z.number().min(0).max(100);

export const datasetRefSchema = modelSchema<DatasetRef>()(
  z.strictObject({ database: text.optional(), schema: text.optional(), name: text }),
);

export const storageFactsSchema = modelSchema<StorageFacts>()(
  z.strictObject({
    location: text.optional(),
    tableFormat: text.optional(),
    dataFormat: text.optional(),
    inputFormat: text.optional(),
    outputFormat: text.optional(),
    serde: text.optional(),
    serdeParameters: z.record(z.string(), z.string()).optional(),
    compressed: z.boolean().optional(),
    partitionKeys: z.array(text).default([]),
    updatedAt: text.optional(),
    source: text,
  }),
);

export const warehouseFactsSchema = modelSchema<WarehouseFacts>()(
  z.strictObject({
    distStyle: text.optional(),
    distKey: text.optional(),
    sortKeys: z.array(text).default([]),
    sortKeyStyle: z.enum(["compound", "interleaved", "auto"]).optional(),
    unsortedPercent: percent.optional(),
    statsOffPercent: percent.optional(),
    skewRows: z.number().nonnegative().optional(),
    encoded: z.boolean().optional(),
    source: text,
  }),
);

export const linkedConceptSchema = modelSchema<LinkedConcept>()(
  z.strictObject({ source: text, ref: datasetRefSchema, relation: text }),
);

export const documentFactsSchema = modelSchema<DocumentCollectionFacts>()(
  z.strictObject({
    requiredFields: z.array(text).default([]),
    validator: text.optional(),
    validationLevel: text.optional(),
    validationAction: text.optional(),
    capped: z.boolean().optional(),
    viewOn: text.optional(),
    pipeline: text.optional(),
  }),
);

const keyAttributeSchema = modelSchema<KeyAttribute>()(z.strictObject({ name: text, type: text }));

const secondaryIndexSchema = modelSchema<SecondaryIndex>()(
  z.strictObject({
    kind: z.enum(["global", "local"]),
    name: text,
    partitionKey: keyAttributeSchema,
    sortKey: keyAttributeSchema.optional(),
    projection: text,
    projectedAttributes: z.array(text).optional(),
    status: text.optional(),
  }),
);

export const keyValueFactsSchema = modelSchema<KeyValueFacts>()(
  z.strictObject({
    partitionKey: keyAttributeSchema,
    sortKey: keyAttributeSchema.optional(),
    indexes: z.array(secondaryIndexSchema).default([]),
    billingMode: text.optional(),
    readCapacity: z.number().nonnegative().optional(),
    writeCapacity: z.number().nonnegative().optional(),
    stream: z.strictObject({ enabled: z.boolean(), viewType: text.optional() }).optional(),
    ttlAttribute: text.optional(),
    ttlStatus: text.optional(),
    tableClass: text.optional(),
    encryption: text.optional(),
    pointInTimeRecovery: z.boolean().optional(),
    status: text.optional(),
  }),
);
