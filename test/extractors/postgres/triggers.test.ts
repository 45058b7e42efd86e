import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExtractFixture, type ExtractFixture } from "../../helpers/extract-fixture.js";

/** Triggers of each kind; every function body holds a marker that must never be written. */
const schema = `
  CREATE SCHEMA audit;
  CREATE FUNCTION audit.log_change() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN RAISE NOTICE 'BODY_MARKER_1'; RETURN NEW; END $$;
  CREATE FUNCTION public.refuse() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN RAISE EXCEPTION 'BODY_MARKER_2'; END $$;
  CREATE TABLE staff (staff_id int PRIMARY KEY);
  CREATE TABLE payment (payment_id int PRIMARY KEY, staff_id int REFERENCES staff);
  CREATE TRIGGER payment_audit BEFORE INSERT OR UPDATE ON payment
    FOR EACH ROW EXECUTE FUNCTION audit.log_change();
  CREATE TRIGGER "no *truncate* | here" AFTER TRUNCATE ON payment
    FOR EACH STATEMENT EXECUTE FUNCTION public.refuse();
  CREATE TRIGGER payment_delete AFTER DELETE ON payment
    FOR EACH ROW EXECUTE FUNCTION audit.log_change();
  ALTER TABLE payment DISABLE TRIGGER payment_delete;
  CREATE VIEW payment_view AS SELECT payment_id FROM payment;
  CREATE TRIGGER payment_view_write INSTEAD OF INSERT ON payment_view
    FOR EACH ROW EXECUTE FUNCTION public.refuse();
  CREATE TABLE rental (rental_id int, at date NOT NULL) PARTITION BY RANGE (at);
  CREATE TABLE rental_2024 PARTITION OF rental FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
  CREATE TABLE rental_2025 PARTITION OF rental FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
  CREATE TRIGGER rental_audit AFTER UPDATE ON rental
    FOR EACH ROW EXECUTE FUNCTION audit.log_change();
  CREATE TRIGGER rental_2024_stamp BEFORE INSERT ON rental_2024
    FOR EACH ROW EXECUTE FUNCTION audit.log_change();
  CREATE TRIGGER rental_2025_stamp BEFORE INSERT ON rental_2025
    FOR EACH ROW EXECUTE FUNCTION audit.log_change();`;

let fixture: ExtractFixture;
const file = (table: string) => fixture.read(`crm/${fixture.db.name}/public/${table}.md`);
const triggers = (text: string) =>
  /<!-- okf:begin triggers -->\n## Triggers\n([\s\S]*?)<!-- okf:end triggers -->/
    .exec(text)?.[1]
    ?.trim()
    .split("\n");

describe("postgres triggers in the knowledge file", () => {
  beforeAll(async () => {
    fixture = await createExtractFixture("triggers", schema);
    expect((await fixture.extract()).exitCode).toBe(0);
  });
  afterAll(() => fixture.db.drop());

  it("lists a table's triggers with timing, events, level and function, names escaped", () => {
    expect(triggers(file("payment"))).toEqual([
      "- `no *truncate* | here` AFTER TRUNCATE, for each statement, calls `public.refuse()`",
      "- `payment_audit` BEFORE INSERT OR UPDATE, for each row, calls `audit.log_change()`",
      "- `payment_delete` AFTER DELETE, for each row, calls `audit.log_change()`, disabled: it does not fire",
    ]);
  });

  it("never writes a function's body, and not the foreign key's internal triggers", () => {
    const all = ["payment", "payment_view", "rental", "staff"].map(file).join("\n");
    expect(all).not.toMatch(/BODY_MARKER|RI_ConstraintTrigger|RAISE/);
    expect(file("staff")).not.toContain("## Triggers");
  });

  it("lists a view's INSTEAD OF trigger", () => {
    expect(triggers(file("payment_view"))).toEqual([
      "- `payment_view_write` INSTEAD OF INSERT, for each row, calls `public.refuse()`",
    ]);
  });

  it("folds the partitions' copies of the parent's trigger, and triggers declared on each", () => {
    expect(triggers(file("rental"))).toEqual([
      "- BEFORE INSERT, for each row, calls `audit.log_change()`, declared on each of its 2 partitions (as `rental_2024_stamp` on the first)",
      "- `rental_audit` AFTER UPDATE, for each row, calls `audit.log_change()`",
    ]);
  });

  it("drops the section when the last trigger goes, and writes nothing on an unchanged run", async () => {
    await fixture.db.admin("DROP TRIGGER payment_view_write ON payment_view");
    const second = await fixture.extract({ now: "2026-11-28T02:00:00Z" });
    expect(second.sources[0]?.changed).toEqual([`crm/${fixture.db.name}/public/payment_view.md`]);
    expect(file("payment_view")).not.toContain("okf:begin triggers");
    // A trigger is a machine fact: its change is named, and sends an approved file to review.
    expect(second.sources[0]?.changes[0]?.details).toEqual([
      "- trigger payment_view_write INSTEAD OF INSERT",
    ]);
    const third = await fixture.extract({ now: "2026-11-29T02:00:00Z" });
    expect(third.sources[0]?.changed).toEqual([]);
  });
});
