import { describe, expect, it } from "vitest";
import { classifyDataset } from "../../src/classifier/classify-dataset.js";
import { parseConfigText } from "../../src/config/load-config.js";
import { ConfigError } from "../../src/errors.js";
import { buildDataset, repeat } from "./build-dataset.js";

const customerNumbers = repeat(["C-00000001", "C-00000002", "C-12345678"], 30);

function parseClassification(block: string) {
  const text = `sources:\n  - name: crm\n    type: postgres\n    connection: postgres://localhost/crm\n${block}`;
  return parseConfigText(text, "/tmp/okf.config.yaml", {});
}

function configError(block: string): string {
  try {
    parseClassification(block);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("expected a configuration error");
}

describe("classification config", () => {
  it("parses rules and allow-lists with defaults", () => {
    const config = parseClassification(
      'classification:\n  rules:\n    - category: pii.customer_number\n      name: "^cust(omer)?_no$"\n  allow: ["*.*.phone_model"]\n',
    );
    expect(config.classification).toEqual({
      rules: [
        {
          category: "pii.customer_number",
          name: "^cust(omer)?_no$",
          min_ratio: 0.8,
          confidence: "medium",
        },
      ],
      allow: ["*.*.phone_model"],
    });
  });

  it("names the path of an invalid regular expression", () => {
    const message = configError(
      'classification:\n  rules:\n    - category: pii.x\n      value: "^(C-"\n',
    );
    expect(message).toContain("classification.rules[0].value: not a valid regular expression");
  });

  it("rejects a rule with neither name nor value, a bad category and unknown keys", () => {
    expect(configError("classification:\n  rules:\n    - category: pii.x\n")).toContain(
      "classification.rules[0]: a rule needs `name`, `value` or both",
    );
    expect(
      configError("classification:\n  rules:\n    - category: Customer\n      name: x\n"),
    ).toContain(
      'classification.rules[0].category: must be dotted lower-case words, e.g. "pii.customer_number"',
    );
    expect(
      configError(
        "classification:\n  rules:\n    - category: pii.x\n      name: x\n      ratio: 1\n",
      ),
    ).toContain("classification.rules[0]");
    expect(
      configError(
        "classification:\n  rules:\n    - category: pii.x\n      name: x\n      min_ratio: 2\n",
      ),
    ).toContain("classification.rules[0].min_ratio");
    expect(configError("classification:\n  allowlist: []\n")).toContain("classification");
  });
});

describe("custom rules", () => {
  const { dataset, samples } = buildDataset("customer", [
    { path: "cust_no", type: "text", values: customerNumbers },
    { path: "customer_no", type: "text", values: repeat(["n/a"], 90) },
    { path: "legacy_ref", type: "text", values: customerNumbers },
    { path: "notes", type: "text", values: repeat(["called back"], 90) },
  ]);

  it("a name and value rule needs both; evidence names the rule, never its pattern or a value", () => {
    const result = classifyDataset(dataset, samples, {
      rules: [
        {
          category: "pii.customer_number",
          name: "^CUST(OMER)?_NO$",
          value: "^C-\\d{8}$",
          min_ratio: 0.8,
          confidence: "high",
        },
      ],
    });
    expect(result.findings).toEqual([
      {
        path: "cust_no",
        category: "pii.customer_number",
        confidence: "high",
        evidence: [
          "name matches classification.rules[0].name",
          "30 of 30 sampled values match classification.rules[0].value",
        ],
      },
    ]);
    expect(result.suggestedClassification).toBe("confidential");
  });

  it("a value-only rule finds the values under any name; a name-only rule any field so named", () => {
    const byValue = classifyDataset(dataset, samples, {
      rules: [
        { category: "pii.customer_number", value: "^C-\\d{8}$", classification: "restricted" },
      ],
    });
    expect(byValue.findings.map((finding) => finding.path)).toEqual(["cust_no", "legacy_ref"]);
    expect(byValue.findings[0]?.confidence).toBe("medium");
    expect(byValue.suggestedClassification).toBe("restricted");
    const byName = classifyDataset(dataset, samples, {
      rules: [{ category: "pii.customer_number", name: "_no$" }],
    });
    expect(byName.findings.map((finding) => finding.path)).toEqual(["cust_no", "customer_no"]);
  });

  it("min_ratio decides how many values must match", () => {
    const mixed = [...repeat(["C-00000001", "C-00000002"], 60), ...repeat(["n/a"], 40)];
    const { dataset: d, samples: s } = buildDataset("customer", [
      { path: "ref", type: "text", values: mixed },
    ]);
    const rule = { category: "pii.customer_number", value: "^C-\\d{8}$" };
    expect(classifyDataset(d, s, { rules: [rule] }).findings).toEqual([]);
    expect(classifyDataset(d, s, { rules: [{ ...rule, min_ratio: 0.5 }] }).findings).toHaveLength(
      1,
    );
  });

  it("without sampled values a name and value rule reports on the name at medium at most", () => {
    const { dataset: d } = buildDataset("customer", [{ path: "cust_no", type: "text" }]);
    const result = classifyDataset(d, new Map(), {
      rules: [
        { category: "pii.customer_number", name: "^cust_no$", value: "^C-", confidence: "high" },
      ],
    });
    expect(result.findings).toEqual([
      {
        path: "cust_no",
        category: "pii.customer_number",
        confidence: "medium",
        evidence: ["name matches classification.rules[0].name", "no sampled values to check"],
      },
    ]);
  });

  it("parsed config can be passed as the pipeline passes it", () => {
    const config = parseClassification(
      'classification:\n  rules:\n    - category: pii.customer_number\n      value: "^C-\\\\d{8}$"\n',
    );
    const result = classifyDataset(dataset, samples, config.classification ?? {});
    expect(result.findings.map((finding) => finding.path)).toEqual(["cust_no", "legacy_ref"]);
  });
});

describe("allow-list", () => {
  const { dataset, samples } = buildDataset("customer_account", [
    { path: "owner_email", type: "text", values: repeat(["a@example.com", "b@example.org"], 20) },
    { path: "phone_model", type: "text", values: repeat(["+44 20 7946 0123"], 20) },
    { path: "device.phone_model", type: "text", values: repeat(["+44 20 7946 0124"], 20) },
  ]);

  function paths(allow: string[], ref = dataset.ref): string[] {
    return classifyDataset({ ...dataset, ref }, samples, { allow }).findings.map((f) => f.path);
  }

  it("matches <schema>.<table>.<field path> with * inside one segment and ** across", () => {
    expect(paths([])).toEqual(["device.phone_model", "owner_email", "phone_model"]);
    expect(paths(["sales.customer_account.owner_email"])).toEqual([
      "device.phone_model",
      "phone_model",
    ]);
    expect(paths(["*.*.phone_model"])).toEqual(["device.phone_model", "owner_email"]);
    expect(paths(["**.phone_model"])).toEqual(["owner_email"]);
    expect(paths(["sales.*.device.*"])).toEqual(["owner_email", "phone_model"]);
    expect(paths(["finance.*.owner_email"])).toEqual([
      "device.phone_model",
      "owner_email",
      "phone_model",
    ]);
  });

  it("uses <database>.<table> without schemas and <table> without either", () => {
    expect(
      paths(["crm.customer_account.owner_email"], { database: "crm", name: "customer_account" }),
    ).toEqual(["device.phone_model", "phone_model"]);
    expect(paths(["customer_account.owner_email"], { name: "customer_account" })).toEqual([
      "device.phone_model",
      "phone_model",
    ]);
  });

  it("an allowed field keeps its profile values: a person said it is not sensitive", () => {
    const result = classifyDataset(dataset, samples, { allow: ["**.phone_model"] });
    const profile = (path: string) => result.profile?.fields.find((field) => field.path === path);
    expect(profile("phone_model")?.values).toBeDefined();
    expect(profile("owner_email")?.values).toBeUndefined();
  });
});
