import { defineCases } from "./bad-input-case.js";
import { configValueCases } from "./config-value-cases.js";

defineCases("config values okf cannot use", configValueCases);
