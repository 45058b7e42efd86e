import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeBundle } from "../validate/fixture-bundle.js";

export { writeBundle };

export interface ConceptSpec {
  id?: string;
  title?: string;
  owner?: string;
  approval?: string;
  /** Extra frontmatter lines, after the generated ones. */
  extra?: string[];
  /** Sensitive Fields rows as [field, decision]. */
  sensitive?: Array<[string, string]>;
  placeholders?: boolean;
}

/** A knowledge file shaped like the ones extract writes, with the parts approve looks at. */
export function conceptText(spec: ConceptSpec = {}): string {
  const title = spec.title ?? "account";
  const frontmatter = [
    "type: PostgreSQL Table",
    `title: ${title}`,
    "tags: [sales, crm]",
    ...(spec.id === undefined ? [] : [`id: ${spec.id}`]),
    "kind: table",
    "domain: sales",
    ...(spec.owner === undefined ? [] : [`owner: ${spec.owner}`]),
    "steward: data-platform-team",
    `approval_status: ${spec.approval ?? "draft"}`,
    `status: ${spec.approval === "deprecated" ? "deprecated" : spec.approval === "approved" ? "stable" : "draft"}`,
    "generated:",
    "  by: okf/0.1.0",
    '  at: "2026-11-27T02:00:00Z"',
    ...(spec.extra ?? []),
  ];
  const meaning = spec.placeholders
    ? "_Owner to write: what one row represents._"
    : "One row per customer account.";
  const sensitive =
    spec.sensitive === undefined
      ? ""
      : [
          "",
          "<!-- okf:begin sensitive -->",
          "## Sensitive Fields",
          "| Field | Category | Confidence | Evidence | Decision |",
          "| --- | --- | --- | --- | --- |",
          ...spec.sensitive.map(
            ([field, decision]) =>
              `| ${field} | pii.email | high | name matches email |${decision === "" ? " " : ` ${decision} `}|`,
          ),
          "<!-- okf:end sensitive -->",
        ].join("\n");
  return `---\n${frontmatter.join("\n")}\n---\n# ${title}\n\n<!-- okf:begin summary -->\nPostgreSQL table.\n<!-- okf:end summary -->\n\n## Business Meaning\n${meaning}\n${sensitive}\n`;
}

export function readBundleText(bundle: string, path: string): string {
  return readFileSync(join(bundle, path), "utf8");
}
