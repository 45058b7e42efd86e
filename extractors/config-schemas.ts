import type { z } from "zod";
import { documentdbConfigRules, documentdbSourceSchema } from "./documentdb/config-schema.js";
import { dynamodbSourceSchema } from "./dynamodb/config-schema.js";
import { externalConfigRules, externalSourceSchema } from "./external/config-schema.js";
import { glueSourceSchema } from "./glue/config-schema.js";
import { mysqlSourceSchema } from "./mysql/config-schema.js";
import { postgresSourceSchema } from "./postgres/config-schema.js";
import { rdsDataSourceSchema } from "./rds-data/config-schema.js";
import { redshiftConfigRules, redshiftSourceSchema } from "./redshift/config-schema.js";
import type { SourceConfigRules } from "./shared/config-rules.js";

/** Each schema under the key of its own `type`: a schema filed under another type fails to compile. */
function keyedByType<S extends { [T in keyof S]: { shape: { type: z.ZodLiteral<T & string> } } }>(
  schemas: S,
): S {
  return schemas;
}

/**
 * The config schema of every source type, in the order docs/configuration.md lists them; the
 * `sources[]` union of src/config/schema.ts is built from it. Each extractor folder owns its
 * `config-schema.ts`, which imports only zod and the config helpers of `shared/` (`config-*.ts`):
 * loading a config must not load a driver or an SDK.
 */
export const sourceConfigSchemas = keyedByType({
  postgres: postgresSourceSchema,
  dynamodb: dynamodbSourceSchema,
  documentdb: documentdbSourceSchema,
  mysql: mysqlSourceSchema,
  redshift: redshiftSourceSchema,
  "rds-data": rdsDataSourceSchema,
  glue: glueSourceSchema,
  external: externalSourceSchema,
});

type SourceConfigSchema = (typeof sourceConfigSchemas)[keyof typeof sourceConfigSchemas];

/** One entry of `sources[]`, as the config schema outputs it. */
export type SourceConfig = z.infer<SourceConfigSchema>;
export type SourceConfigOf<T extends SourceConfig["type"]> = Extract<SourceConfig, { type: T }>;

/** The config rules of the types that have any (shared/config-rules.ts). */
const sourceConfigRules: { [T in SourceConfig["type"]]?: SourceConfigRules<SourceConfigOf<T>> } = {
  redshift: redshiftConfigRules,
  documentdb: documentdbConfigRules,
  external: externalConfigRules,
};

/** The config rules of `source`'s type; none for most types. */
export function configRulesFor(source: SourceConfig): SourceConfigRules<SourceConfig> {
  return sourceConfigRules[source.type] ?? {};
}
