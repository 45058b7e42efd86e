import { z } from "zod";
import { packageFile } from "../package-file.js";
import { configSchema } from "./schema.js";
import { awsProfileOptions, refusedConcurrency } from "../../extractors/shared/config-keys.js";

/** Where the package keeps the generated schema (`npm run schema` writes it). */
export const configJsonSchemaPath = "schema/okf.config.schema.json";

/**
 * The schema file of this okf installation (found from here, in src/ or dist/src/), or undefined
 * when the package is incomplete.
 */
export function installedConfigJsonSchemaFile(): string | undefined {
  return packageFile(configJsonSchemaPath);
}

/** Any `${NAME}` reference: okf replaces it before validating, a JSON Schema sees it as written. */
const envReference = "\\$\\{";

/**
 * The JSON Schema of okf.config.yaml, for editors (yaml-language-server) and other tools. It is
 * the zod schema's input shape: keys with defaults are optional. A JSON Schema checks types,
 * shapes, patterns and bounds; what zod checks in code (a valid regular expression or glob,
 * unique source names, a `glue_source` naming a glue source, region against resource_arn) is
 * left out. A string with a pattern, a format or a fixed set of values also accepts a `${NAME}`
 * reference, which okf replaces before it checks the value.
 */
export function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configSchema, {
    io: "input",
    target: "draft-07",
    // A key that must be absent (concurrency on a SQL source) has no JSON type of its own.
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === refusedConcurrency) jsonSchema.not = {};
      acceptEnvReference(jsonSchema);
      if (zodSchema === awsProfileOptions) acceptProfileName(jsonSchema);
    },
  });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: "okf configuration (okf.config.yaml)",
    description:
      "See docs/configuration.md. Generated from src/config/schema.ts by `npm run schema`.",
    ...rest,
  };
}

type JsonSchemaNode = Parameters<
  NonNullable<NonNullable<Parameters<typeof z.toJSONSchema>[1]>["override"]>
>[0]["jsonSchema"];

/** `profile: name` on an AWS source is its `aws_profile` (`awsProfileAlias`). */
function acceptProfileName(node: JsonSchemaNode): void {
  if (node.anyOf !== undefined) return;
  const { default: defaults, ...options } = node;
  for (const key of Object.keys(options)) Reflect.deleteProperty(node, key);
  node.default = defaults;
  node.anyOf = [{ type: "string", minLength: 1 }, options];
}

function acceptEnvReference(node: JsonSchemaNode): void {
  if (node.type !== "string") return;
  if (node.pattern !== undefined) {
    // A zod schema used at several keys is the same node each time.
    if (node.pattern.endsWith(`|${envReference}`)) return;
    node.pattern = `(?:${node.pattern})|${envReference}`;
  } else if (node.format !== undefined) {
    orEnvReference(node, "format");
  } else if (node.enum !== undefined) {
    orEnvReference(node, "enum");
  }
}

/** A string held to a format or a fixed set of values, or else a `${NAME}` reference. */
function orEnvReference(node: JsonSchemaNode, key: "format" | "enum"): void {
  node.anyOf = [
    { type: "string", [key]: node[key] },
    { type: "string", pattern: envReference },
  ];
  delete node.type;
  Reflect.deleteProperty(node, key);
}
