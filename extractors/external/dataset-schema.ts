/**
 * The zod schema of a `Dataset` (src/model/dataset.ts) as an external source writes it: strict
 * objects (a misspelt key is an error, not a fact that silently vanishes), arrays that default
 * to []. `modelSchema` makes any drift from the model a compile error.
 */
import { z } from "zod";
import type {
  CheckConstraint,
  Dataset,
  DatasetStats,
  DatasetUsage,
  DeclaredOnPartitions,
  Field,
  FieldLineage,
  FieldStats,
  ForeignKey,
  Index,
  KeyConstraint,
  Partition,
  Trigger,
  UnobservedFacts,
} from "../../src/model/index.js";
import { modelSchema } from "./model-schema.js";
import {
  datasetRefSchema,
  documentFactsSchema,
  keyValueFactsSchema,
  linkedConceptSchema,
  storageFactsSchema,
  warehouseFactsSchema,
} from "./source-facts-schema.js";

const text = z.string().min(1);
const count = z.number().int().nonnegative();
const names = z.array(text).default([]);

const onPartitionsSchema = modelSchema<DeclaredOnPartitions>()(
  z.strictObject({ partitions: count, of: count }),
);

const fieldStatsSchema = modelSchema<FieldStats>()(
  z.strictObject({
    nullFraction: z.number().min(0).max(1).optional(),
    distinct: z.number().nonnegative().optional(),
    distinctIsUnique: z.boolean().optional(),
    averageLength: z.number().nonnegative().optional(),
    source: text,
  }),
);

const fieldLineageSchema = modelSchema<FieldLineage>()(
  z.strictObject({ ref: datasetRefSchema, field: text, stats: fieldStatsSchema.optional() }),
);

const fieldSchema = modelSchema<Field>()(
  z.strictObject({
    name: text,
    path: text,
    position: count,
    type: text,
    nullable: z.boolean().optional(),
    default: z.string().optional(),
    comment: z.string().optional(),
    identity: z.enum(["always", "by_default", "auto_increment"]).optional(),
    generated: text.optional(),
    enumValues: z.array(z.string()).optional(),
    domain: z.strictObject({ name: text, baseType: text, checks: names }).optional(),
    stats: fieldStatsSchema.optional(),
    lineage: fieldLineageSchema.optional(),
  }),
);

const keySchema = modelSchema<KeyConstraint>()(
  z.strictObject({
    name: text,
    kind: z.enum(["primary", "unique"]),
    fields: z.array(text).min(1),
    onPartitions: onPartitionsSchema.optional(),
  }),
);

const foreignKeySchema = modelSchema<ForeignKey>()(
  z.strictObject({
    name: text,
    from: datasetRefSchema,
    fromFields: z.array(text).min(1),
    to: datasetRefSchema,
    toFields: z.array(text).min(1),
    onUpdate: text.optional(),
    onDelete: text.optional(),
    onPartitions: onPartitionsSchema.optional(),
  }),
);

const checkSchema = modelSchema<CheckConstraint>()(
  z.strictObject({ name: text, expression: text, onPartitions: onPartitionsSchema.optional() }),
);

const indexSchema = modelSchema<Index>()(
  z.strictObject({
    name: text,
    method: text,
    unique: z.boolean(),
    primary: z.boolean(),
    columns: names,
    predicate: text.optional(),
    definition: z.string(),
    keys: z.array(z.strictObject({ field: text, kind: text })).optional(),
    sparse: z.boolean().optional(),
    expireAfterSeconds: count.optional(),
    onPartitions: onPartitionsSchema.optional(),
  }),
);

const triggerSchema = modelSchema<Trigger>()(
  z.strictObject({
    name: text,
    timing: z.enum(["BEFORE", "AFTER", "INSTEAD OF"]),
    events: z.array(z.enum(["INSERT", "UPDATE", "DELETE", "TRUNCATE"])).min(1),
    level: z.enum(["row", "statement"]),
    function: text.optional(),
    disabled: z.boolean().optional(),
    onPartitions: onPartitionsSchema.optional(),
  }),
);

const partitionSchema = modelSchema<Partition>()(
  z.strictObject({ name: text, ref: datasetRefSchema, bound: z.string() }),
);

const statsSchema = modelSchema<DatasetStats>()(
  z.strictObject({
    rowEstimate: z.number().nonnegative().optional(),
    sizeBytes: z.number().nonnegative().optional(),
    source: text,
    zeroCountMeans: text.optional(),
    missingCountNote: text.optional(),
  }),
);

const timestamp = text.optional();

const usageSchema = modelSchema<DatasetUsage>()(
  z.strictObject({
    seqScans: count.optional(),
    idxScans: count.optional(),
    inserts: count.optional(),
    updates: count.optional(),
    deletes: count.optional(),
    liveRows: count.optional(),
    deadRows: count.optional(),
    lastAnalyze: timestamp,
    lastAutoanalyze: timestamp,
    lastVacuum: timestamp,
    lastAutovacuum: timestamp,
    lastDataChange: timestamp,
    createdAt: timestamp,
    statsReset: timestamp,
    source: text,
  }),
);

const unobservedSchema = modelSchema<UnobservedFacts>()(
  z.strictObject({
    part: z.enum(["sample", "indexes", "tags", "settings", "statistics"]),
    reason: text,
  }),
);

export const datasetKindSchema = z.enum([
  "table",
  "view",
  "materialized_view",
  "external_table",
  "nosql_table",
  "document_collection",
]);

export const datasetSchema = modelSchema<Dataset>()(
  z.strictObject({
    ref: datasetRefSchema,
    kind: datasetKindSchema,
    objectType: text,
    comment: z.string().optional(),
    resource: text,
    fields: z.array(fieldSchema),
    keys: z.array(keySchema).default([]),
    foreignKeys: z.array(foreignKeySchema).default([]),
    referencedBy: z.array(foreignKeySchema).default([]),
    checks: z.array(checkSchema).default([]),
    indexes: z.array(indexSchema).default([]),
    triggers: z.array(triggerSchema).optional(),
    partitionKey: text.optional(),
    partitions: z.array(partitionSchema).default([]),
    viewDefinition: z.string().optional(),
    notPopulated: z.boolean().optional(),
    reads: z.array(datasetRefSchema).optional(),
    stats: statsSchema.optional(),
    usage: usageSchema.optional(),
    tags: z.array(z.string()).default([]),
    keyValue: keyValueFactsSchema.optional(),
    document: documentFactsSchema.optional(),
    storage: storageFactsSchema.optional(),
    warehouse: warehouseFactsSchema.optional(),
    linked: z.array(linkedConceptSchema).optional(),
    unobserved: z.array(unobservedSchema).optional(),
  }),
);
