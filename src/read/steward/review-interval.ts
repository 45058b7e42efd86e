import { resolve } from "node:path";
import { readTextIfExists } from "../../bundle/files.js";
import { configYamlError, defaultConfigFile } from "../../config/load-config.js";
import { parseYaml } from "../../safe-yaml.js";
import { ConfigError } from "../../errors.js";

/** The default when the config does not say (docs/configuration.md). */
const defaultReviewIntervalDays = 90;

/**
 * The config's `defaults.review_interval_days`, or 90 without a config. Only that key is read,
 * so approving files needs no database secrets in the environment.
 */
export async function reviewIntervalDays(location: {
  cwd: string;
  config?: string;
}): Promise<number> {
  const file = resolve(location.cwd, location.config ?? defaultConfigFile);
  const text = await readTextIfExists(file);
  if (text === undefined) {
    if (location.config === undefined) return defaultReviewIntervalDays;
    throw new ConfigError(
      `No configuration file at ${file}.`,
      "Pass an existing file with --config, or --next-review DAYS.",
    );
  }
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    const { message } = configYamlError(file, parsed);
    throw new ConfigError(message, "Fix the YAML syntax, or pass --next-review DAYS.");
  }
  const config = parsed.value as { defaults?: { review_interval_days?: unknown } } | null;
  const days = config?.defaults?.review_interval_days;
  if (days === undefined || days === null) return defaultReviewIntervalDays;
  if (typeof days !== "number" || !Number.isInteger(days) || days < 1) {
    throw new ConfigError(
      `${file}: defaults.review_interval_days must be a positive whole number of days, not ${JSON.stringify(days)}.`,
      "For example `review_interval_days: 90`; or pass --next-review DAYS.",
    );
  }
  return days;
}
