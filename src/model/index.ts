export type * from "./dataset.js";
export type * from "./enrichment.js";
