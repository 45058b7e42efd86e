export type * from "./dataset.js";
export type * from "./enrichment.js";
export type * from "./left-out.js";
export type * from "./trigger.js";
export type * from "./join-candidate.js";
export type * from "./source-facts.js";
export type * from "./source-vocabulary.js";
