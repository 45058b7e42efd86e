export { validateBundle } from "./validate-bundle.js";
export { formatReport } from "./format-report.js";
export type { ValidateOptions, ValidationReport } from "./types.js";
