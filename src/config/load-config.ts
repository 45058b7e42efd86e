import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { ConfigError, errorMessage } from "../errors.js";
import { formatPath } from "./format-path.js";
import { interpolateEnv } from "./interpolate.js";
import { configSchema, sourceTypes, type OkfConfig } from "./schema.js";

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
  return { config, file: absolute, bundleDir: resolve(dirname(absolute), config.bundle) };
}

export function parseConfigText(text: string, file: string, env: NodeJS.ProcessEnv): OkfConfig {
  const document = parseDocument(text, { prettyErrors: true });
  const yamlError = document.errors[0];
  if (yamlError) {
    throw new ConfigError(
      `${file} is not valid YAML: ${yamlError.message}`,
      "Fix the YAML syntax at the line shown (indentation and quoting are the usual causes).",
    );
  }
  const raw: unknown = interpolateEnv(document.toJS(), env);
  rejectUnsupportedTypes(raw, file);
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new ConfigError(describeIssues(file, parsed.error), configHint);
  return resolveConfigPaths(parsed.data, file);
}

/** Paths inside sources (a DocumentDB CA bundle) are relative to the config file. */
function resolveConfigPaths(config: OkfConfig, file: string): OkfConfig {
  const sources = config.sources.map((source) =>
    source.type === "documentdb" && source.tls_ca_file !== undefined
      ? { ...source, tls_ca_file: resolve(dirname(file), source.tls_ca_file) }
      : source,
  );
  return { ...config, sources };
}

const configHint =
  "See the configuration reference in the README, or run `okf init --dir /tmp/x` for a commented example.";

function describeIssues(file: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`);
  return `${file} is not a valid okf configuration:\n${lines.join("\n")}`;
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
