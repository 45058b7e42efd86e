import { describe, expect, it } from "vitest";
import { approveConcepts } from "../../../src/read/steward/approve.js";
import { conceptText, writeBundle } from "./steward-fixture.js";

const now = new Date("2026-11-28T09:12:34Z");
const approve = (dir: string, concepts: string[]) =>
  approveConcepts({ cwd: dir, bundle: "knowledge", concepts, by: "alice", now });

describe("okf approve on a pii file", () => {
  it("refuses a pii file without a confidential classification or agent_usage", async () => {
    const guarded = "crm/crm_prod/sales/lead.md";
    const unguarded = "crm/crm_prod/sales/prospect.md";
    const dir = await writeBundle({
      [`knowledge/${guarded}`]: conceptText({
        id: "sales.crm.lead",
        title: "lead",
        owner: "sales-ops",
        extra: ["pii: true", "classification: confidential", "agent_usage: allowed_with_masking"],
      }),
      [`knowledge/${unguarded}`]: conceptText({
        id: "sales.crm.prospect",
        title: "prospect",
        owner: "sales-ops",
        extra: ["pii: true", "classification: internal"],
      }),
      "knowledge/log.md": "# Knowledge Update Log\n",
    });
    const refused = await approve(dir, ["sales.crm.lead", "sales.crm.prospect"]);
    expect(refused.approved).toEqual([]);
    expect(refused.refused).toEqual([
      {
        path: unguarded,
        id: "sales.crm.prospect",
        reasons: [
          '`pii: true` but `classification` is "internal" (confidential or restricted expected)',
          "`pii: true` but no `agent_usage` telling agents what they may do with it",
        ],
        forceable: true,
      },
    ]);
    const approved = await approve(dir, ["sales.crm.lead"]);
    expect(approved.approved.map((file) => file.path)).toEqual([guarded]);
  });
});
