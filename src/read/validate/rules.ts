import { conceptFrontmatterRule } from "./rules/frontmatter.js";
import { governanceRule } from "./rules/governance.js";
import { brokenLinksRule } from "./rules/links.js";
import { markersRule } from "./rules/markers.js";
import { okfKeysRule } from "./rules/okf-keys.js";
import { privacyRule } from "./rules/privacy.js";
import { indexFileRule, logFileRule } from "./rules/reserved-files.js";
import { sensitiveDecisionsRule } from "./rules/sensitive-decisions.js";
import { stewardKeysRule } from "./rules/steward-keys.js";
import type { Rule } from "./types.js";

/**
 * Every check `okf validate` runs, on every file. Conformance rules report errors, governance
 * rules warnings (errors with --strict), the privacy lint errors.
 */
export const validationRules: readonly Rule[] = [
  conceptFrontmatterRule,
  indexFileRule,
  logFileRule,
  okfKeysRule,
  markersRule,
  governanceRule,
  stewardKeysRule,
  sensitiveDecisionsRule,
  brokenLinksRule,
  privacyRule,
];
