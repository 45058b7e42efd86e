import type { BadInputCase } from "./bad-input-case.js";
import {
  awsTestEnv,
  configYaml,
  literal,
  sourceWith,
  unreachable,
  withValue,
  type SourceType,
} from "./config-text.js";

/** Every config key with a value of the wrong type: exit 2 naming the key, no source contacted. */

type Kind = "string" | "integer" | "list" | "boolean" | "map";

const wrongValues: Record<Kind, ReadonlyArray<[string, unknown]>> = {
  string: [
    ["a list", ["x"]],
    ["a map", { x: 1 }],
  ],
  integer: [
    ["a word", "many"],
    ["a fraction", 1.5],
    ["a boolean", true],
  ],
  list: [
    ["a map", { x: 1 }],
    ["a list of numbers", [1, 2]],
  ],
  boolean: [
    ["a word", "sometimes"],
    ["a number", 1],
  ],
  map: [
    ["a word", "x"],
    ["a list", [1]],
  ],
};

const commonKeys: ReadonlyArray<[string, Kind]> = [
  ["name", "string"],
  ["system", "string"],
  ["domain", "string"],
  ["include", "list"],
  ["exclude", "list"],
  ["concurrency", "integer"],
  ["profile", "map"],
  ["profile.sample_rows", "integer"],
  ["profile.sample_items", "integer"],
  ["profile.sample_documents", "integer"],
];

const sourceKeys: Record<SourceType, ReadonlyArray<[string, Kind]>> = {
  postgres: [
    ...commonKeys,
    ["connection", "string"],
    ["resource_host", "string"],
    ["statement_timeout_ms", "integer"],
    ["lock_timeout_ms", "integer"],
  ],
  mysql: [
    ["connection", "string"],
    ["databases", "list"],
    ["resource_host", "string"],
    ["statement_timeout_ms", "integer"],
  ],
  redshift: [
    ["connection", "string"],
    ["resource_host", "string"],
    ["statement_timeout_ms", "integer"],
    ["glue_source", "string"],
  ],
  dynamodb: [
    ["region", "string"],
    ["endpoint", "string"],
    ["aws_profile", "string"],
  ],
  glue: [
    ["region", "string"],
    ["catalog_id", "string"],
    ["databases", "list"],
    ["column_statistics", "boolean"],
  ],
  documentdb: [
    ["connection", "string"],
    ["databases", "list"],
    ["tls_ca_file", "string"],
    ["read_preference", "string"],
    ["retry_writes", "boolean"],
    ["server_selection_timeout_ms", "integer"],
  ],
  "rds-data": [
    ["resource_arn", "string"],
    ["secret_arn", "string"],
    ["database", "string"],
    ["engine", "string"],
    ["statement_timeout_ms", "integer"],
    ["lock_timeout_ms", "integer"],
  ],
  external: [
    ["command", "list"],
    ["file", "string"],
    ["working_dir", "string"],
    ["timeout_seconds", "integer"],
    ["max_output_mib", "integer"],
  ],
};

function wrongTypeCase(
  name: string,
  config: string,
  path: string,
  env: Record<string, string> = {},
): BadInputCase {
  return {
    name,
    files: { "okf.config.yaml": config },
    args: ["extract"],
    env,
    code: 2,
    message: literal(path),
  };
}

const sourceCases = (Object.keys(sourceKeys) as SourceType[]).flatMap((type) =>
  sourceKeys[type].flatMap(([key, kind]) =>
    wrongValues[kind].map(([label, value]) =>
      wrongTypeCase(
        `${type} source: ${key} as ${label}`,
        sourceWith(type, key, value),
        `sources[0].${key}`,
        awsTestEnv,
      ),
    ),
  ),
);

const rule = { category: "pii.customer_number", name: "customer_no" };

const topLevelKeys: ReadonlyArray<[string, Kind]> = [
  ["bundle", "string"],
  ["defaults", "map"],
  ["defaults.cloud", "string"],
  ["defaults.environment", "string"],
  ["defaults.owner", "string"],
  ["defaults.steward", "string"],
  ["defaults.source_system", "string"],
  ["defaults.freshness_sla", "string"],
  ["defaults.agent_usage", "string"],
  ["defaults.review_interval_days", "integer"],
  ["templates", "map"],
  ["templates.dir", "string"],
  ["classification", "map"],
  ["classification.allow", "list"],
];

const topLevelCases = topLevelKeys.flatMap(([key, kind]) =>
  wrongValues[kind].map(([label, value]) =>
    wrongTypeCase(
      `${key} as ${label}`,
      configYaml([unreachable.postgres], withValue({}, key, value)),
      key,
    ),
  ),
);

const ruleKeys: ReadonlyArray<[string, Kind]> = [
  ["category", "string"],
  ["name", "string"],
  ["value", "string"],
  ["confidence", "string"],
  ["classification", "string"],
];

const ruleCases = [
  ...ruleKeys.flatMap(([key, kind]) =>
    wrongValues[kind].map(([label, value]) =>
      wrongTypeCase(
        `classification.rules[0].${key} as ${label}`,
        configYaml([unreachable.postgres], {
          classification: { rules: [withValue(rule, key, value)] },
        }),
        `classification.rules[0].${key}`,
      ),
    ),
  ),
  wrongTypeCase(
    "classification.rules[0].min_ratio as a word",
    configYaml([unreachable.postgres], {
      classification: { rules: [{ ...rule, min_ratio: "most" }] },
    }),
    "classification.rules[0].min_ratio",
  ),
  wrongTypeCase(
    "classification.rules as a map",
    configYaml([unreachable.postgres], { classification: { rules: { a: 1 } } }),
    "classification.rules",
  ),
  wrongTypeCase(
    "sources as a map",
    configYaml([], { sources: { crm: unreachable.postgres } }),
    "sources",
  ),
  wrongTypeCase("sources as a word", configYaml([], { sources: "crm" }), "sources"),
  wrongTypeCase("a source that is a word", configYaml(["crm"]), "sources[0]"),
  wrongTypeCase("a source that is a list", configYaml([["crm"]]), "sources[0]"),
];

/** The cases of config-types.test.ts (the JSON Schema test reads them too). */
export const configTypeCases: readonly BadInputCase[] = [
  ...sourceCases,
  ...topLevelCases,
  ...ruleCases,
];
