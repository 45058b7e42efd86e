import { describe, expect, it } from "vitest";
import { readConceptRecords } from "../../../src/read/concepts/read-concept-records.js";
import { evalFileSchema } from "../../../src/read/eval/eval-file.js";
import { runEvaluation, type Gates } from "../../../src/read/eval/run-evaluation.js";
import { guardPolicyBeside } from "../../../src/read/guard/guard-policy.js";
import { decideJoin } from "../../eval/steward-review.js";
import { decideFinding } from "../../helpers/schema-cells.js";
import { demoPaths, demoProject, type EditConcept } from "../search/demo-bundle-copy.js";

/** Scores an inline evaluation file against a copy of the demo bundle, after `review`. */
async function evaluate(file: unknown, gates: Gates = {}, review?: (edit: EditConcept) => void) {
  const { bundle, edit } = demoProject();
  review?.(edit);
  const records = await readConceptRecords(bundle, new Date());
  return runEvaluation(records, await guardPolicyBeside(bundle), evalFileSchema.parse(file), gates);
}

const legacyJoin =
  "sales.crm.customer_account_2019.account_id = sales.crm.customer_account.account_id";

describe("retrieval", () => {
  it("scores the rank of the first expected hit: top-1, top-3 and the mean reciprocal rank", async () => {
    const report = await evaluate({
      questions: [
        { id: "first", ask: "invoice", expect: ["sales.crm.invoice"] },
        { id: "second", ask: "revenue", expect: ["sales.crm.monthly_revenue"] },
        { id: "third", ask: "account", expect: ["sales.crm.active_accounts"] },
        { id: "nowhere", ask: "zzzz nothing", expect: ["sales.crm.invoice"] },
      ],
    });
    expect(report.retrieval).toEqual({ top1: 0.25, top3: 0.75, mrr: (1 + 1 / 2 + 1 / 3) / 4 });
    expect(report.misses.retrieval).toEqual([
      {
        question: "second",
        expected: ["sales.crm.monthly_revenue"],
        rank: 2,
        got: ["sales.crm.revenue_recognized", "sales.crm.monthly_revenue", "sales.crm.invoice"],
      },
      expect.objectContaining({ question: "third", rank: 3 }),
      { question: "nowhere", expected: ["sales.crm.invoice"], got: [] },
    ]);
  });

  it("counts a hit on any expected concept", async () => {
    const report = await evaluate({
      questions: [
        {
          id: "either",
          ask: "revenue",
          expect: ["sales.crm.monthly_revenue", "sales.crm.revenue_recognized"],
        },
      ],
    });
    expect(report.retrieval.top1).toBe(1);
    expect(report.misses.retrieval).toEqual([]);
  });
});

describe("joins", () => {
  const questions = [
    {
      id: "joins",
      ask: "invoice",
      expect: ["sales.crm.invoice"],
      joins: [
        // A foreign key, written from either side.
        "sales.crm.invoice.account_id = sales.crm.customer_account.account_id",
        "sales.crm.customer_account.account_id = sales.crm.invoice.account_id",
      ],
      forbidden_joins: [
        "sales.crm.invoice.invoice_id = sales.crm.sales_order.order_id",
        legacyJoin,
      ],
    },
    {
      id: "wrong-label",
      ask: "invoice",
      expect: ["sales.crm.invoice"],
      joins: ["sales.crm.invoices.account_id = sales.crm.customer_account.account_id"],
    },
  ];

  it("checks that the bundle offers what is right and not what is wrong", async () => {
    const report = await evaluate({ questions });
    expect(report.joins).toEqual({ accuracy: 3 / 5, checked: 5 });
    expect(report.misses.joins).toEqual([
      {
        question: "joins",
        join: legacyJoin,
        problem:
          "the bundle offers this wrong join (inferred: same name as the key of sales.customer_account, not rejected)",
      },
      {
        question: "wrong-label",
        join: "sales.crm.invoices.account_id = sales.crm.customer_account.account_id",
        problem: "the bundle has no concept sales.crm.invoices",
      },
    ]);
  });

  it("takes a steward's rejection as not offered, for a forbidden join and for an expected one", async () => {
    const review = (edit: EditConcept) => {
      edit(
        demoPaths.customerAccount2019,
        decideJoin(
          "legacy.customer_account_2019.account_id = sales.customer_account.account_id",
          "rejected",
        ),
      );
      edit(
        demoPaths.invoice,
        decideJoin("finance.invoice.account_id = sales.customer_account.account_id", "rejected"),
      );
    };
    const report = await evaluate({ questions: questions.slice(0, 1) }, {}, review);
    expect(report.joins.accuracy).toBe(2 / 4);
    expect(report.misses.joins.map((miss) => miss.join)).toEqual([
      "sales.crm.invoice.account_id = sales.crm.customer_account.account_id",
      "sales.crm.customer_account.account_id = sales.crm.invoice.account_id",
    ]);
  });
});

describe("sensitive fields", () => {
  const question = (sensitive: string[]) => ({
    questions: [{ id: "pii", ask: "account", expect: ["sales.crm.customer_account"], sensitive }],
  });

  it("scores recall and precision against the first expected concept's rows", async () => {
    const right = await evaluate(question(["owner_email", "billing_contact_phone"]));
    expect(right.sensitive).toEqual({ recall: 1, precision: 1, expected: 2, reported: 2 });
    const wrong = await evaluate(question(["owner_email", "account_name"]));
    expect(wrong.sensitive).toEqual({ recall: 0.5, precision: 0.5, expected: 2, reported: 2 });
    expect(wrong.misses.sensitive).toEqual([
      {
        question: "pii",
        concept: "sales.crm.customer_account",
        field: "account_name",
        problem: "not reported as sensitive",
      },
      {
        question: "pii",
        concept: "sales.crm.customer_account",
        field: "billing_contact_phone",
        problem: "reported as sensitive, but not labelled so",
      },
    ]);
  });

  it("leaves out a row a steward rejected, and questions without a sensitive: list", async () => {
    const review = (edit: EditConcept) => {
      edit(demoPaths.customerAccount, (text) =>
        decideFinding(text, "billing_contact_phone", "pii.phone", "rejected"),
      );
    };
    const report = await evaluate(
      {
        questions: [
          ...question(["owner_email"]).questions,
          { id: "none", ask: "invoice", expect: ["sales.crm.invoice"] },
        ],
      },
      {},
      review,
    );
    expect(report.sensitive).toEqual({ recall: 1, precision: 1, expected: 1, reported: 1 });
  });
});

describe("the guard", () => {
  it("matches findings one to one, by rule and by the table, column and concept a label names", async () => {
    const report = await evaluate({
      statements: [
        {
          id: "star",
          sql: "SELECT * FROM sales.customer_account",
          expect: [
            { rule: "sensitive-column", column: "owner_email" },
            { rule: "sensitive-column", column: "account_name" },
          ],
        },
        {
          id: "write",
          sql: "DELETE FROM finance.invoice",
          expect: [{ rule: "write-not-allowed", concept: "sales.crm.invoice" }],
        },
        {
          id: "guess",
          sql: "SELECT * FROM sales.customers",
          expect: [{ rule: "unknown-table", table: "sales.nope" }],
        },
        { id: "typo", sql: "SELEC 1", expect: [{ rule: "parse-error" }] },
        { id: "safe", sql: "SELECT invoice_number FROM finance.invoice", expect: [] },
      ],
    });
    expect(report.guard.rules).toEqual({
      "sensitive-column": { expected: 2, reported: 2, matched: 1, precision: 0.5, recall: 0.5 },
      "write-not-allowed": { expected: 1, reported: 1, matched: 1, precision: 1, recall: 1 },
      "unknown-table": { expected: 1, reported: 1, matched: 0, precision: 0, recall: 0 },
      "parse-error": { expected: 1, reported: 1, matched: 1, precision: 1, recall: 1 },
    });
    expect(report.guard).toMatchObject({ precision: 3 / 5, recall: 3 / 5 });
    expect(report.misses.guard).toEqual([
      { statement: "star", problem: "missed", rule: "sensitive-column", column: "account_name" },
      expect.objectContaining({
        statement: "star",
        problem: "unexpected",
        rule: "sensitive-column",
        column: "billing_contact_phone",
      }),
      { statement: "guess", problem: "missed", rule: "unknown-table", table: "sales.nope" },
      expect.objectContaining({
        statement: "guess",
        problem: "unexpected",
        table: "sales.customers",
      }),
    ]);
  });

  it("reads the statement's own dialect and search path", async () => {
    const report = await evaluate({
      dialect: "mysql",
      statements: [
        {
          id: "path",
          // The file's dialect would look for a MySQL table, and the bundle has none.
          dialect: "postgres",
          sql: "SELECT account_name FROM customer_account",
          search_path: ["sales"],
          expect: [],
        },
        {
          id: "file-dialect",
          sql: "SELECT account_name FROM sales.customer_account",
          expect: [{ rule: "unknown-table" }],
        },
        {
          id: "partiql",
          dialect: "partiql",
          sql: `SELECT * FROM "order_events" WHERE customer_id = 'c001'`,
          expect: [{ rule: "full-scan", concept: "commerce.orders.order_events" }],
        },
      ],
    });
    expect(report.misses.guard).toEqual([]);
    expect(report.guard).toMatchObject({ precision: 1, recall: 1 });
  });
});

describe("gates", () => {
  const statements = [
    { id: "write", sql: "DELETE FROM finance.invoice", expect: [{ rule: "write-not-allowed" }] },
    { id: "extra", sql: "SELECT owner_email FROM sales.customer_account", expect: [] },
  ];

  it("gates the guard on the lower of its precision and recall", async () => {
    const report = await evaluate({ statements }, { minGuard: 0.5 });
    expect(report.guard).toMatchObject({ precision: 0.5, recall: 1 });
    expect(report.gates).toEqual([
      { gate: "min-guard", threshold: 0.5, measured: 0.5, passed: true },
    ]);
    const stricter = await evaluate({ statements }, { minGuard: 0.6 });
    expect(stricter.gates).toEqual([
      { gate: "min-guard", threshold: 0.6, measured: 0.5, passed: false },
    ]);
  });

  it("fails a gate that nothing measured", async () => {
    const report = await evaluate({ statements }, { minRetrieval: 0.1 });
    expect(report.retrieval).toEqual({});
    expect(report.gates).toEqual([
      { gate: "min-retrieval", threshold: 0.1, measured: 0, passed: false },
    ]);
  });
});
