import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { z } from "zod";
import { configRulesFor } from "../../extractors/config-schemas.js";
import { ConfigError, errorMessage } from "../errors.js";
import { parseYaml, type YamlParse } from "../safe-yaml.js";
import { awsProfileAlias } from "./aws-profile-alias.js";
import { checkConfigPaths } from "./config-paths.js";
import { formatPath } from "../../extractors/shared/config-format-path.js";
import { interpolateEnv } from "./interpolate.js";
import { awsSourceTypes, configSchema, sourceTypes, type OkfConfig } from "./schema.js";

export const defaultConfigFile = "okf.config.yaml";

export interface LoadedConfig {
  config: OkfConfig;
  /** Absolute path of the config file. */
  file: string;
  /** Absolute path of the bundle root. */
  bundleDir: string;
}

export async function loadConfig(
  file: string,
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<LoadedConfig> {
  const absolute = resolve(options.cwd ?? process.cwd(), file);
  let text: string;
  try {
    text = await readFile(absolute, "utf8");
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new ConfigError(
      missing
        ? `No configuration file at ${absolute}.`
        : `Cannot read ${absolute}: ${errorMessage(error)}`,
      missing
        ? "Run `okf init` to write a commented okf.config.yaml, or pass --config PATH."
        : "Check the file's permissions.",
    );
  }
  const config = parseConfigText(text, absolute, options.env ?? process.env);
  checkConfigPaths(config, absolute);
  return { config, file: absolute, bundleDir: resolve(dirname(absolute), config.bundle) };
}

export function parseConfigText(text: string, file: string, env: NodeJS.ProcessEnv): OkfConfig {
  const yaml = parseYaml(text);
  if (!yaml.ok) throw configYamlError(file, yaml);
  const raw: unknown = interpolateEnv(yaml.value, env);
  rejectUnsupportedTypes(raw, file);
  const parsed = configSchema.safeParse(awsProfileAlias(raw ?? {}, awsSourceTypes));
  if (!parsed.success) throw new ConfigError(describeIssues(file, parsed.error), configHint);
  return resolveConfigPaths(parsed.data, file);
}

/** The config's YAML could not be read: a syntax error at a line, or aliases that expand too far. */
export function configYamlError(file: string, failure: YamlParse & { ok: false }): ConfigError {
  if (failure.code === "ALIAS_LIMIT") {
    return new ConfigError(
      `${file} is not read: ${failure.reason}.`,
      "Write the values out instead of using YAML anchors and aliases (&name, *name).",
    );
  }
  const at = failure.line === undefined ? "" : ` at line ${String(failure.line)}`;
  return new ConfigError(
    `${file} is not valid YAML${at}: ${failure.reason}`,
    "Fix the YAML syntax at the line shown (indentation and quoting are the usual causes).",
  );
}

/** Paths inside sources (a DocumentDB CA bundle) are relative to the config file. */
function resolveConfigPaths(config: OkfConfig, file: string): OkfConfig {
  const resolvePath = (path: string) => resolve(dirname(file), path);
  const sources = config.sources.map(
    (source) => configRulesFor(source).resolvePaths?.(source, resolvePath) ?? source,
  );
  return { ...config, sources };
}

const configHint =
  "See the configuration reference in docs/configuration.md, or run `okf init --dir /tmp/x` for a commented example.";

/** Enough to fix a config by, and short however many problems a generated file has. */
const maxReportedIssues = 20;
const maxNamedKeys = 5;

function describeIssues(file: string, error: z.ZodError): string {
  const lines = error.issues
    .slice(0, maxReportedIssues)
    .map((issue) => `  ${formatPath(issue.path)}: ${issueMessage(issue)}`);
  const more = error.issues.length - maxReportedIssues;
  if (more > 0) lines.push(`  … and ${String(more)} more`);
  return `${file} is not a valid okf configuration:\n${lines.join("\n")}`;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== "unrecognized_keys" || issue.keys.length <= maxNamedKeys) return issue.message;
  const named = issue.keys.slice(0, maxNamedKeys).map((key) => JSON.stringify(key));
  return `Unrecognized keys: ${named.join(", ")} and ${String(issue.keys.length - maxNamedKeys)} more`;
}

/** Gives a specific message for an unknown source type instead of zod's union error. */
function rejectUnsupportedTypes(raw: unknown, file: string): void {
  if (raw === null || typeof raw !== "object" || !("sources" in raw)) return;
  const sources = raw.sources;
  if (!Array.isArray(sources)) return;
  sources.forEach((source: unknown, index) => {
    if (source === null || typeof source !== "object" || !("type" in source)) return;
    const type = source.type;
    if ((sourceTypes as readonly unknown[]).includes(type)) return;
    const path = formatPath(["sources", index, "type"]);
    throw new ConfigError(
      `${file}: ${path}: unknown source type "${String(type)}".`,
      `Use one of: ${sourceTypes.join(", ")}.`,
    );
  });
}
