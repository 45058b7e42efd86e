import { describe, expect, it } from "vitest";
import { sourceSchema } from "../../src/config/schema.js";
import { unreachable } from "./config-text.js";

describe("concurrency of a source", () => {
  it.each(["postgres", "mysql", "redshift", "rds-data"] as const)(
    "is refused on a %s source, which reads one statement at a time",
    (type) => {
      const parsed = sourceSchema.safeParse({ ...unreachable[type], concurrency: 4 });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
        [
          ["concurrency"],
          "has no effect on this source type: it reads over one connection, one statement at a " +
            "time; remove it (concurrency bounds the calls of dynamodb, documentdb and glue sources)",
        ],
      ]);
    },
  );

  it.each(["dynamodb", "documentdb", "glue"] as const)(
    "bounds the calls of a %s source",
    (type) => {
      const parsed = sourceSchema.parse({ ...unreachable[type], concurrency: 4 });
      expect(parsed.concurrency).toBe(4);
    },
  );

  it("is optional everywhere", () => {
    expect(sourceSchema.parse(unreachable.postgres).concurrency).toBeUndefined();
  });
});
