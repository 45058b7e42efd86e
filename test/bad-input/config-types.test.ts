import { defineCases } from "./bad-input-case.js";
import { configTypeCases } from "./config-type-cases.js";

defineCases("config keys with a value of the wrong type", configTypeCases);
