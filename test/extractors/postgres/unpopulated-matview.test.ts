import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExtractFixture, type ExtractFixture } from "../../helpers/extract-fixture.js";

const schema = `
  CREATE TABLE plan (plan_id int PRIMARY KEY, name text);
  INSERT INTO plan SELECT g, 'plan ' || g FROM generate_series(1, 30) g;
  CREATE MATERIALIZED VIEW pending_plans AS SELECT plan_id, name FROM plan WITH NO DATA;
  CREATE MATERIALIZED VIEW ready_plans AS SELECT plan_id, name FROM plan;
  ANALYZE;`;

let fixture: ExtractFixture;
const file = (name: string) => fixture.read(`crm/${fixture.db.name}/public/${name}.md`);
const region = (text: string, name: string) =>
  new RegExp(`<!-- okf:begin ${name} -->\\n([\\s\\S]*?)<!-- okf:end ${name} -->`).exec(text)?.[1];

describe("a materialized view that was never populated", () => {
  beforeAll(async () => {
    fixture = await createExtractFixture("unpopulated", schema);
    expect((await fixture.extract()).exitCode).toBe(0);
  });
  afterAll(() => fixture.db.drop());

  const sentence =
    "Not populated: REFRESH MATERIALIZED VIEW has not run since it was created WITH NO DATA; querying it fails until then.";

  it("says so plainly in the summary and under Data Quality", () => {
    const text = file("pending_plans");
    expect(region(text, "summary")).toContain(sentence);
    expect(region(text, "quality")).toContain(
      "- Holds no data: not populated since it was created WITH NO DATA (see above).",
    );
  });

  it("says nothing of the kind for a populated one, and stops once it is refreshed", async () => {
    expect(file("ready_plans")).not.toContain("Not populated");
    await fixture.db.admin("REFRESH MATERIALIZED VIEW pending_plans");
    await fixture.extract({ now: "2026-11-28T02:00:00Z" });
    expect(file("pending_plans")).not.toMatch(/Not populated|Holds no data/);
  });
});
