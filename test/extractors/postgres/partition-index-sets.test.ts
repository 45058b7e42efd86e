import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExtractFixture, type ExtractFixture } from "../../helpers/extract-fixture.js";

/**
 * Indexes and a foreign key declared on each partition, as pagila's `payment` has them: on every
 * partition two indexes on `customer_id` alike but for their names, a unique and a plain one on
 * `ev_id`, a hash and a descending one on `ev_id`; the key to `staff` on 6 of the 7 partitions.
 */
const schema = `
  CREATE TABLE staff (staff_id int PRIMARY KEY);
  CREATE TABLE ev (ev_id int NOT NULL, customer_id int, staff_id int, at date NOT NULL)
    PARTITION BY RANGE (at);
  DO $$
  DECLARE month int; part text;
  BEGIN
    FOR month IN 1..7 LOOP
      part := format('ev_2022_%s', lpad(month::text, 2, '0'));
      EXECUTE format('CREATE TABLE %I PARTITION OF ev FOR VALUES FROM (%L) TO (%L)', part,
        make_date(2022, month, 1), make_date(2022, month + 1, 1));
      EXECUTE format('CREATE INDEX %I ON %I (customer_id)', 'idx_fk_' || part, part);
      EXECUTE format('CREATE INDEX %I ON %I (customer_id)', part || '_customer_idx', part);
      EXECUTE format('CREATE UNIQUE INDEX %I ON %I (ev_id)', part || '_ev_key', part);
      EXECUTE format('CREATE INDEX %I ON %I (ev_id)', part || '_ev_idx', part);
      EXECUTE format('CREATE INDEX %I ON %I USING hash (ev_id)', part || '_ev_hash', part);
      EXECUTE format('CREATE INDEX %I ON %I (ev_id DESC)', part || '_ev_desc', part);
      IF month <= 6 THEN
        EXECUTE format('ALTER TABLE %I ADD FOREIGN KEY (staff_id) REFERENCES staff', part);
      END IF;
    END LOOP;
  END $$;`;

let fixture: ExtractFixture;
const file = (table: string) => fixture.read(`crm/${fixture.db.name}/public/${table}.md`);

describe("folding per-partition indexes and foreign keys into the table", () => {
  beforeAll(async () => {
    fixture = await createExtractFixture("partition_sets", schema);
    expect((await fixture.extract()).exitCode).toBe(0);
  });
  afterAll(() => fixture.db.drop());

  it("keeps each distinct set of per-partition indexes, duplicates and variants included", () => {
    const keys = /<!-- okf:begin keys -->\n([\s\S]*?)<!-- okf:end keys -->/.exec(file("ev"))?.[1];
    const scope = (first: string) =>
      `declared on each of its 7 partitions (as \`ev_2022_01_${first}\` on the first)`;
    expect(keys?.split("\n").filter((line) => line.startsWith("- "))).toEqual([
      `- Index btree (\`customer_id\`), ${scope("customer_idx")}`,
      `- Index btree (\`ev_id\`), ${scope("ev_desc")}`,
      `- Index hash (\`ev_id\`), ${scope("ev_hash")}`,
      `- Index btree (\`ev_id\`), ${scope("ev_idx")}`,
      `- Index btree (\`ev_id\`), unique within each partition only, ${scope("ev_key")}`,
      `- Index btree (\`customer_id\`), declared on each of its 7 partitions (as \`idx_fk_ev_2022_01\` on the first)`,
    ]);
  });

  it("says on the referenced side that the key is declared on some partitions only", () => {
    expect(file("staff")).toMatch(
      /^- \[ev\]\(ev\.md\) `staff_id` → `staff_id` \(declared on 6 of its 7 partitions\)$/m,
    );
    expect(file("ev")).toMatch(
      /^- `staff_id` → \[staff\]\(staff\.md\) `staff_id` \(declared on 6 of its 7 partitions\)$/m,
    );
  });

  it("says nothing more on the referenced side when every partition declares the key", async () => {
    await fixture.db.admin("ALTER TABLE ev_2022_07 ADD FOREIGN KEY (staff_id) REFERENCES staff");
    await fixture.extract({ now: "2026-11-28T02:00:00Z" });
    expect(file("staff")).toMatch(/^- \[ev\]\(ev\.md\) `staff_id` → `staff_id`$/m);
  });
});
