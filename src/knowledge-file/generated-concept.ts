import type { GeneratedRegion } from "./regions.js";

/**
 * What okf generates for one concept file, before it meets the file people edited: render
 * produces it, the merge splices it in. It lives with the file format so that neither side
 * needs the other's code.
 */
export interface GeneratedConcept {
  /** Regions with content, in template order. */
  regions: GeneratedRegion[];
  /** Every region name in the order the concept template places them. */
  order: string[];
  /** The whole body for a file that does not exist yet. */
  newBody: string;
  /** Human sections the file should have (`## Masking Rules\n_…_`), added once if missing. */
  humanSections: string[];
  /**
   * Lines of the regions that are people's (rows they added or forbade, and okf's notes on
   * them): left out, like their cells, of what counts as generated content.
   */
  humanLines?: string[];
  machineFrontmatter: Record<string, unknown>;
  description: string;
  tags: string[];
}
