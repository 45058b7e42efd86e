import { dirname, join, resolve } from "node:path";
import { readTextIfExists } from "../../bundle/files.js";
import { configYamlError, defaultConfigFile } from "../../config/load-config.js";
import { guardSchema } from "../../config/schema.js";
import { ConfigError } from "../../errors.js";
import { parseYaml } from "../../safe-yaml.js";
import type { GuardPolicy } from "./guard-knowledge.js";

const defaultPolicy: GuardPolicy = { requireApproval: false };

/**
 * The config's `guard:` section, or the defaults without a config. Only that key is read, so
 * checking SQL needs no database secrets in the environment.
 */
export async function readGuardPolicy(location: {
  cwd: string;
  config?: string;
}): Promise<GuardPolicy> {
  const file = resolve(location.cwd, location.config ?? defaultConfigFile);
  const text = await readTextIfExists(file);
  if (text === undefined) {
    if (location.config === undefined) return defaultPolicy;
    throw new ConfigError(
      `No configuration file at ${file}.`,
      "Pass an existing file with --config, or leave it out.",
    );
  }
  return policyOf(text, file);
}

/**
 * For the MCP server, which is given a bundle: the `guard:` section of the okf.config.yaml in
 * the bundle's parent folder when its `bundle:` names this bundle; else the defaults.
 */
export async function guardPolicyBeside(bundleDir: string): Promise<GuardPolicy> {
  const file = join(dirname(bundleDir), defaultConfigFile);
  const text = await readTextIfExists(file);
  if (text === undefined) return defaultPolicy;
  const parsed = parseYaml(text);
  const bundle = parsed.ok
    ? ((parsed.value as { bundle?: unknown } | null)?.bundle ?? "knowledge")
    : undefined;
  if (typeof bundle !== "string" || resolve(dirname(file), bundle) !== resolve(bundleDir))
    return defaultPolicy;
  return policyOf(text, file);
}

function policyOf(text: string, file: string): GuardPolicy {
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    const { message } = configYamlError(file, parsed);
    throw new ConfigError(message, "Fix the YAML syntax.");
  }
  const guard = guardSchema
    .optional()
    .safeParse((parsed.value as { guard?: unknown } | null)?.guard);
  if (!guard.success) {
    const issue = guard.error.issues[0];
    const path = ["guard", ...(issue?.path ?? [])].join(".");
    throw new ConfigError(
      `${file}: ${path}: ${issue?.message ?? "invalid"}.`,
      "See docs/configuration.md, section guard.",
    );
  }
  if (guard.data === undefined) return defaultPolicy;
  const policy: GuardPolicy = { requireApproval: guard.data.require_approval };
  if (guard.data.search_path) policy.searchPath = guard.data.search_path;
  return policy;
}
