import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Eta, type TemplateFunction } from "eta";
import { regionNames, type RegionName } from "../knowledge-file/region-markers.js";
import { ConfigError, errorMessage } from "../errors.js";
import { packageFile } from "../package-file.js";

export { regionNames };

export interface TemplateSet {
  eta: Eta;
  concept: TemplateFunction;
  sections: Record<RegionName, TemplateFunction>;
}

/** The `templates/` folder shipped with the package (found from here, in src/ or dist/src/). */
function defaultTemplatesDir(): string {
  const concept = packageFile(join("templates", "concept.md.eta"));
  if (concept === undefined)
    throw new Error("okf installation is incomplete: templates/ not found");
  return dirname(concept);
}

/** Loads the default templates; a file of the same name in `overrideDir` replaces one. */
export function loadTemplates(overrideDir?: string): TemplateSet {
  const eta = new Eta({ autoEscape: false, autoTrim: false, useWith: false });
  const defaults = defaultTemplatesDir();
  const load = (name: string): TemplateFunction => {
    const override = overrideDir === undefined ? undefined : resolve(overrideDir, name);
    const file = override !== undefined && existsSync(override) ? override : join(defaults, name);
    try {
      return eta.compile(readFileSync(file, "utf8"));
    } catch (error) {
      throw new ConfigError(
        `Template ${file} cannot be compiled: ${errorMessage(error)}`,
        "Fix the template syntax (Eta: <%= value %>, <% code %>), or remove the override to use the default.",
      );
    }
  };
  const sections = Object.fromEntries(
    regionNames.map((name) => [name, load(join("sections", `${name}.md.eta`))]),
  ) as Record<RegionName, TemplateFunction>;
  return { eta, concept: load("concept.md.eta"), sections };
}
