import { describe, expect, it } from "vitest";
import { agentUsageValues } from "../../../src/bundle/agent-usage.js";
import { concept, places, validate } from "./fixture-bundle.js";

const replacement = concept(["id: sales.crm.customer"], "# customer\n");

describe("steward keys", () => {
  it("accepts every agent_usage of the vocabulary and reports any other value as an error", async () => {
    const files: Record<string, string> = Object.fromEntries(
      agentUsageValues.map((value) => [`${value}.md`, concept([`agent_usage: ${value}`])]),
    );
    files["free-text.md"] = concept(["agent_usage: read only, ask finance first"]);
    files["old-hint.md"] = concept(["agent_usage: not_allowed"]);
    files["list.md"] = concept(["agent_usage: [allowed]"]);
    files["empty.md"] = concept(["agent_usage:"]);
    const report = await validate(files);
    expect(places(report)).toEqual([
      "free-text.md:3 governance/agent-usage-vocabulary",
      "list.md:3 governance/agent-usage-vocabulary",
      "old-hint.md:3 governance/agent-usage-vocabulary",
    ]);
    const [finding] = report.findings;
    expect(finding?.severity).toBe("error");
    expect(finding?.message).toBe(
      '`agent_usage` is "read only, ask finance first", which agents and `okf check-sql` cannot act on',
    );
    expect(finding?.hint).toBe(
      "Set `agent_usage:` to one of `allowed`, `allowed_read_only`, `allowed_with_masking`, `allowed_internal_only`, `prohibited`; move any free text to the `## Agent Usage Guidance` section.",
    );
  });

  it("wants replaced_by to name another concept of the bundle, on a deprecated file", async () => {
    const deprecated = ["approval_status: deprecated", "status: deprecated"];
    const report = await validate({
      "crm/customer.md": replacement,
      "by-id.md": concept([...deprecated, "replaced_by: sales.crm.customer"]),
      "by-path.md": concept([...deprecated, "replaced_by: crm/customer"]),
      "unknown.md": concept([...deprecated, "replaced_by: sales.crm.custmer"]),
      "itself.md": concept(["id: x.itself", ...deprecated, "replaced_by: x.itself"]),
      "not-deprecated.md": concept(["approval_status: draft", "replaced_by: crm/customer"]),
    });
    expect(places(report)).toEqual([
      "itself.md:6 governance/replaced-by",
      "not-deprecated.md:4 governance/replaced-by-not-deprecated",
      "unknown.md:5 governance/replaced-by",
    ]);
    expect(report.findings.map((finding) => [finding.severity, finding.message])).toEqual([
      ["error", '`replaced_by` is "x.itself", which is not another concept'],
      [
        "warning",
        "the file names a `replaced_by` but is not `approval_status: deprecated`, so agents are not told to switch",
      ],
      ["error", '`replaced_by` is "sales.crm.custmer", which is not a concept of the bundle'],
    ]);
  });

  it("wants source_of_truth to be true, false or another concept's id", async () => {
    const report = await validate({
      "crm/customer.md": replacement,
      "true.md": concept(["source_of_truth: true"]),
      "false.md": concept(["source_of_truth: false"]),
      "elsewhere.md": concept(["source_of_truth: sales.crm.customer"]),
      "yes.md": concept(["source_of_truth: yes"]),
      "number.md": concept(["source_of_truth: 1"]),
    });
    expect(places(report)).toEqual([
      "number.md:3 governance/source-of-truth",
      "yes.md:3 governance/source-of-truth",
    ]);
    expect(report.findings[1]?.message).toBe(
      '`source_of_truth` is "yes", neither true, false nor the id of another concept of the bundle',
    );
  });
});
