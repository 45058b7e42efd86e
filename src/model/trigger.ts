import type { DeclaredOnPartitions } from "./dataset.js";

/** A trigger on a table or view: what fires it and what it runs, never its body. */
export interface Trigger {
  name: string;
  timing: "BEFORE" | "AFTER" | "INSTEAD OF";
  /** In the order INSERT, UPDATE, DELETE, TRUNCATE. */
  events: Array<"INSERT" | "UPDATE" | "DELETE" | "TRUNCATE">;
  /** FOR EACH ROW or FOR EACH STATEMENT (MySQL has row triggers only). */
  level: "row" | "statement";
  /** PostgreSQL: the function it calls, `schema.name`. */
  function?: string;
  /** PostgreSQL: `ALTER TABLE … DISABLE TRIGGER`; it does not fire. */
  disabled?: boolean;
  onPartitions?: DeclaredOnPartitions;
}
