import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConceptRecords } from "../../src/read/concepts/read-concept-records.js";
import { createExtractFixture, type ExtractFixture } from "../helpers/extract-fixture.js";

const schema = `
CREATE SCHEMA sales;
CREATE TABLE sales.territory (territory_id int PRIMARY KEY, name text);
CREATE TABLE sales.channel (channel_id int PRIMARY KEY, label text);
CREATE TABLE sales.customer_account (account_id int PRIMARY KEY, segment text);
CREATE TABLE sales.sales_order (
  order_id int PRIMARY KEY,
  account_id int NOT NULL REFERENCES sales.customer_account,
  territory_id int,
  channel_id int,
  buyer_email text,
  delivery_notes text,
  erp_customer_no text
);
CREATE TABLE sales.order_line (
  order_id int REFERENCES sales.sales_order,
  line_no int,
  PRIMARY KEY (order_id, line_no)
);
INSERT INTO sales.territory VALUES (1, 'North'), (2, 'South');
INSERT INTO sales.customer_account VALUES (1, 'retail');
INSERT INTO sales.sales_order
SELECT g, 1, 1 + g % 2, 1, 'buyer' || g || '@example.com', 'leave at door', 'E' || g
FROM generate_series(1, 50) g;
ANALYZE;
`;

const row = (cells: string[]) =>
  `|${cells.map((cell) => (cell === "" ? " " : ` ${cell} `)).join("|")}|`;

/** The row of a table in `text` whose first cell is `first`. */
function rowOf(text: string, first: string): string | undefined {
  return text.split("\n").find((line) => line.startsWith(`| ${first} |`));
}

/** `line` with its cell at `index` (0-based) set to `value`. */
function withCell(line: string, index: number, value: string): string {
  const cells = line
    .split("|")
    .slice(1, -1)
    .map((cell) => cell.trim());
  cells[index] = value;
  return row(cells);
}

describe("join and sensitive-field decisions across regeneration (docs/regeneration.md)", () => {
  let fixture: ExtractFixture;
  const orderPath = () => `crm/${fixture.db.name}/sales/sales_order.md`;
  const territoryPath = () => `crm/${fixture.db.name}/sales/territory.md`;
  beforeAll(async () => {
    fixture = await createExtractFixture("okf_steward_tables", schema);
    await fixture.extract();
  });
  afterAll(async () => {
    await fixture.db.drop();
  });

  const territoryJoin = "`sales_order.territory_id = territory.territory_id`";
  const channelJoin = "`sales_order.channel_id = channel.channel_id`";
  const accountJoin = "`sales_order.account_id = customer_account.account_id`";
  const addedJoin = "`sales_order.erp_customer_no = erp.customer_map.erp_no`";
  const forbiddenJoin = "`sales_order.delivery_notes = customer_account.segment`";
  const addedField = row([
    "delivery_notes",
    "pii.postal_address",
    "person",
    "free-text delivery addresses",
    "confirmed",
    "redact",
  ]);

  it("lists foreign keys both ways and the inferred joins, with cardinality", () => {
    const text = fixture.read(orderPath());
    expect(text).toContain("| Join | With | Kind | Cardinality | Decision |");
    expect(rowOf(text, accountJoin)).toBe(
      row([
        accountJoin,
        "[customer_account](customer_account.md)",
        "foreign key",
        "many-to-one",
        "",
      ]),
    );
    expect(rowOf(text, "`sales_order.order_id = order_line.order_id`")).toContain(
      "| foreign key, incoming | one-to-many (fan-out) |",
    );
    expect(rowOf(text, territoryJoin)).toContain(
      "| [territory](territory.md) | inferred: same name as the key of territory | many-to-one |",
    );
    expect(rowOf(text, channelJoin)).toBeDefined();
    // The existing bullets follow the table.
    expect(text).toMatch(/\|\n\n- `account_id` → \[customer_account\]/);
    expect(text).toContain("| Field | Category | Confidence | Evidence | Decision | Masking |");
  });

  it("keeps approved, rejected and added joins, a Decision and Masking, an added field, through ten runs and a new column", async () => {
    let text = fixture.read(orderPath());
    const emailRow = rowOf(text, "buyer_email | pii.email");
    expect(emailRow).toBeDefined();
    text = text
      .replace(rowOf(text, territoryJoin) ?? "", (line) => withCell(line, 4, "approved"))
      .replace(rowOf(text, channelJoin) ?? "", (line) => withCell(line, 4, "rejected"))
      .replace(rowOf(text, accountJoin) ?? "", (line) => withCell(line, 4, "approved"))
      // A person's rows go at the end of the table.
      .replace(
        "\n\n- `account_id` →",
        [
          "",
          row([addedJoin, "`erp.customer_map`", "added", "many-to-one", "approved"]),
          row([
            forbiddenJoin,
            "[customer_account](customer_account.md)",
            "tempting, means nothing",
            "",
            "rejected",
          ]),
          "\n- `account_id` →",
        ].join("\n"),
      )
      .replace(
        emailRow ?? "",
        (line) => `${withCell(withCell(line, 4, "confirmed"), 5, "hash")}\n${addedField}`,
      )
      .replace("approval_status: draft", "approval_status: approved")
      .replace("status: draft", "status: stable");
    fixture.write(orderPath(), text);

    await fixture.extract({ now: "2026-12-01T02:00:00Z" });
    const first = fixture.read(orderPath());
    // The added field is sensitive now: its sampled values leave the Schema table (the one
    // generated change, so `generated.at` moves once); every cell and row of the person stays.
    expect(first).not.toContain("leave at door");
    expect(first.replace(/values: leave at door|distinct ≈ 1/, "").replace(/at: "[^"]+"/, "")).toBe(
      text.replace(/values: leave at door|distinct ≈ 1/, "").replace(/at: "[^"]+"/, ""),
    );
    for (let night = 2; night <= 10; night++) {
      const result = await fixture.extract({
        now: `2026-12-${String(night).padStart(2, "0")}T02:00:00Z`,
      });
      expect(result.exitCode).toBe(0);
      // A person's cells and rows are not generated content: the file is left as it is.
      expect(fixture.read(orderPath())).toBe(first);
    }
    expect(first).toContain("approval_status: approved");

    await fixture.db.admin("ALTER TABLE sales.sales_order ADD COLUMN promo_code text");
    await fixture.extract({ now: "2026-12-20T02:00:00Z" });
    const after = fixture.read(orderPath());
    expect(after).toContain("| promo_code | text |");
    expect(rowOf(after, territoryJoin)).toMatch(/ \| approved \|$/);
    expect(rowOf(after, channelJoin)).toMatch(/ \| rejected \|$/);
    expect(rowOf(after, accountJoin)).toMatch(/ \| approved \|$/);
    expect(rowOf(after, addedJoin)).toBe(
      row([addedJoin, "`erp.customer_map`", "added", "many-to-one", "approved"]),
    );
    expect(rowOf(after, forbiddenJoin)).toMatch(/\| rejected \|$/);
    expect(rowOf(after, "buyer_email | pii.email")).toMatch(/\| confirmed \| hash \|$/);
    expect(rowOf(after, "delivery_notes | pii.postal_address")).toBe(addedField);
    // The new column is a machine fact: the approved file goes to review, as always.
    expect(after).toContain("approval_status: needs_review");
  });

  it("reads back, through the read side, the same joins, decisions and masking rules it wrote", async () => {
    const records = await readConceptRecords(fixture.bundle, new Date("2026-12-20T03:00:00Z"));
    const order = records.find((record) => record.path === orderPath());
    expect(order).toBeDefined();
    const dir = `crm/${fixture.db.name}/sales`;
    expect(
      order?.joins.map((j) => [j.condition, j.with, j.kind, j.cardinality, j.decision]),
    ).toEqual([
      [
        accountJoin.slice(1, -1),
        `${dir}/customer_account.md`,
        "foreign key",
        "many-to-one",
        "approved",
      ],
      [
        "sales_order.order_id = order_line.order_id",
        `${dir}/order_line.md`,
        "foreign key, incoming",
        "one-to-many (fan-out)",
        undefined,
      ],
      [
        territoryJoin.slice(1, -1),
        `${dir}/territory.md`,
        "inferred: same name as the key of territory",
        "many-to-one",
        "approved",
      ],
      [
        channelJoin.slice(1, -1),
        `${dir}/channel.md`,
        "inferred: same name as the key of channel",
        "many-to-one",
        "rejected",
      ],
      [addedJoin.slice(1, -1), undefined, "added", "many-to-one", "approved"],
      [
        forbiddenJoin.slice(1, -1),
        `${dir}/customer_account.md`,
        "tempting, means nothing",
        undefined,
        "rejected",
      ],
    ]);
    expect(order?.joins[2]?.pairs).toEqual([
      {
        from: { parts: ["sales_order", "territory_id"] },
        to: { parts: ["territory", "territory_id"] },
      },
    ]);
    expect(
      order?.sensitiveFields.map((f) => [f.field, f.category, f.decision, f.masking, f.added]),
    ).toEqual([
      ["buyer_email", "pii.email", "confirmed", "hash", false],
      ["delivery_notes", "pii.postal_address", "confirmed", "redact", true],
    ]);
  });

  it("counts a confirmed added field for pii, and keeps it with a note when the column goes", async () => {
    const text = fixture.read(territoryPath());
    expect(text).toContain("pii: false");
    expect(text).not.toContain("## Sensitive Fields");
    const added = text.replace(
      "<!-- okf:end keys -->",
      "<!-- okf:end keys -->\n\n<!-- okf:begin sensitive -->\n## Sensitive Fields\n| Field | Category | Confidence | Evidence | Decision | Masking |\n| --- | --- | --- | --- | --- | --- |\n| name | pii.person_name | | named after sales reps | confirmed | initials only |\n<!-- okf:end sensitive -->",
    );
    expect(added).not.toBe(text);
    fixture.write(territoryPath(), added);
    await fixture.extract({ now: "2026-12-21T02:00:00Z" });
    const counted = fixture.read(territoryPath());
    expect(counted).toContain("pii: true");
    expect(counted).toContain(
      "| name | pii.person_name | person | named after sales reps | confirmed | initials only |",
    );
    expect(counted).toContain("## Prohibited Use");
    // Its sampled values are no longer shown, as for any sensitive field.
    expect(counted).not.toContain("North");

    await fixture.db.admin("ALTER TABLE sales.territory DROP COLUMN name");
    await fixture.extract({ now: "2026-12-22T02:00:00Z" });
    const gone = fixture.read(territoryPath());
    expect(gone).toContain(
      "| name | pii.person_name | person | named after sales reps | confirmed | initials only |",
    );
    expect(gone).toContain(
      "- `name`, added by a person, is no longer a column here; its row is kept until a person removes it.",
    );
  });

  it("upgrades a file with the old five-column table without losing a Decision", async () => {
    const text = fixture.read(orderPath());
    const old = text
      .replace(
        "| Field | Category | Confidence | Evidence | Decision | Masking |",
        "| Field | Category | Confidence | Evidence | Decision |",
      )
      .replace("| --- | --- | --- | --- | --- | --- |", "| --- | --- | --- | --- | --- |")
      .replace(/^(\| buyer_email \| pii\.email \|.*\| confirmed) \| hash \|$/m, "$1 |")
      .replace(/^\| delivery_notes \| pii\..*\n/m, "");
    expect(old).toMatch(/^\| buyer_email \| pii\.email \|.*\| confirmed \|$/m);
    fixture.write(orderPath(), old);
    await fixture.extract({ now: "2026-12-23T02:00:00Z" });
    const upgraded = fixture.read(orderPath());
    expect(upgraded).toContain("| Field | Category | Confidence | Evidence | Decision | Masking |");
    expect(rowOf(upgraded, "buyer_email | pii.email")).toMatch(/\| confirmed \| \|$/);
  });
});
