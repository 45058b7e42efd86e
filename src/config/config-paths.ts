import { dirname, resolve } from "node:path";
import { ConfigError } from "../errors.js";
import { folderProblem } from "../folder-problem.js";
import type { OkfConfig } from "./schema.js";

/**
 * What the config's paths name must be usable before any source is contacted: a `bundle:` that
 * is a file would only fail after a whole night of extraction, and a missing `templates.dir`
 * would silently render with the defaults.
 */
export function checkConfigPaths(config: OkfConfig, file: string): void {
  const base = dirname(file);
  const bundle = resolve(base, config.bundle);
  const bundleProblem = folderProblem(bundle, { mayBeMissing: true });
  if (bundleProblem !== undefined) {
    throw new ConfigError(
      `${file}: bundle: ${config.bundle} ${bundleProblem}.`,
      "Point `bundle:` at a folder (it is created when missing), or move what is in the way.",
    );
  }
  if (config.templates === undefined) return;
  const templates = resolve(base, config.templates.dir);
  const templatesProblem = folderProblem(templates, { mayBeMissing: false });
  if (templatesProblem !== undefined) {
    throw new ConfigError(
      `${file}: templates.dir: ${config.templates.dir} ${templatesProblem}.`,
      "Point `templates.dir` at a folder of template overrides (relative to the config file), or remove the key to use the defaults.",
    );
  }
}
