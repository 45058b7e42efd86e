export { validateBundle } from "./validate-bundle.js";
export { formatReport } from "./format-report.js";
export type {
  Rule,
  RuleContext,
  RuleFinding,
  Severity,
  ValidateOptions,
  ValidationFinding,
  ValidationReport,
} from "./types.js";
