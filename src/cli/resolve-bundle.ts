import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { ConfigError } from "../errors.js";
import { configYamlError, defaultConfigFile } from "../config/load-config.js";
import { parseYaml } from "../safe-yaml.js";

export interface BundleLocation {
  cwd: string;
  /** A bundle directory given on the command line (positional or --bundle). */
  bundle?: string;
  config?: string;
}

/**
 * Finds the bundle from `--bundle DIR` or from the config's `bundle:` key. Only that key is read,
 * so commands that work on the bundle alone (validate) need no database secrets in the environment.
 */
export async function resolveBundleDir(location: BundleLocation): Promise<string> {
  if (location.bundle !== undefined) return resolve(location.cwd, location.bundle);
  const file = resolve(location.cwd, location.config ?? defaultConfigFile);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new ConfigError(
      `No bundle given and no configuration file at ${file}.`,
      "Pass the bundle folder (okf validate knowledge), --bundle DIR, or --config PATH.",
    );
  }
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    const { message } = configYamlError(file, parsed);
    throw new ConfigError(message, "Fix the YAML syntax, or pass --bundle DIR.");
  }
  const bundle = (parsed.value as { bundle?: unknown } | null)?.bundle ?? "knowledge";
  if (typeof bundle !== "string" || bundle === "") {
    throw new ConfigError(
      `${file}: bundle: must be a folder path.`,
      "For example `bundle: knowledge`.",
    );
  }
  return resolve(dirname(file), bundle);
}
