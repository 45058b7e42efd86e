import { describe, expect, it } from "vitest";
import type {
  ExtractResult,
  FileChange,
  SourceOutcome,
} from "../../../src/pipeline/extract-types.js";
import { renderDriftSummary } from "../../../src/read/steward/drift-summary.js";

function source(
  name: string,
  changes: FileChange[],
  extra: Partial<SourceOutcome> = {},
): SourceOutcome {
  const paths = (action: FileChange["action"]) =>
    changes.filter((change) => change.action === action).map((change) => change.path);
  return {
    name,
    status: "ok",
    created: paths("created"),
    changed: paths("changed"),
    deprecated: paths("deprecated"),
    unchanged: [],
    changes,
    failures: [],
    notes: [],
    requestCount: 0,
    durationMs: 0,
    ...extra,
  };
}

function result(sources: SourceOutcome[], extra: Partial<ExtractResult> = {}): ExtractResult {
  return {
    bundleDir: "/repo/knowledge",
    dryRun: false,
    sources,
    filesWritten: 0,
    unparseable: [],
    exitCode: 0,
    ...extra,
  };
}

const change = (path: string, overrides: Partial<FileChange> = {}): FileChange => ({
  path,
  title: path.replace(/^.*\/|\.md$/g, ""),
  action: "changed",
  details: [],
  newFindings: [],
  movedToReview: false,
  ...overrides,
});

const place = { bundlePath: "knowledge", date: "2026-11-28" };

describe("renderDriftSummary", () => {
  it("says so in one line when nothing changed", () => {
    const unchanged = source("crm", [], { unchanged: ["crm/a.md"] });
    expect(renderDriftSummary(result([unchanged]), place)).toBe(
      "No knowledge drift on 2026-11-28: the bundle `knowledge` is up to date with its sources.\n",
    );
  });

  it("lists files sorted by path, and folds those with refreshed figures only", () => {
    const text = renderDriftSummary(
      result([
        source("crm", [
          change("crm/z.md", { details: ["+ column region"] }),
          change("crm/y.md"),
          change("crm/a.md", { action: "created" }),
          change("crm/b.md"),
        ]),
      ]),
      place,
    );
    expect(text.indexOf("[a](knowledge/crm/a.md)")).toBeLessThan(
      text.indexOf("[z](knowledge/crm/z.md)"),
    );
    expect(text).toContain("- **Changed** [z](knowledge/crm/z.md): + column region\n");
    const folded = text.slice(text.indexOf("<details>"), text.indexOf("</details>"));
    expect(folded).toContain("2 files with refreshed figures only");
    expect(folded.indexOf("- [b](knowledge/crm/b.md)")).toBeLessThan(
      folded.indexOf("- [y](knowledge/crm/y.md)"),
    );
    expect(folded).not.toContain("[z]");
    expect(text.indexOf("<details>")).toBeGreaterThan(text.indexOf("[z](knowledge/crm/z.md)"));
  });

  it("marks a file sent back to review once, not twice", () => {
    const text = renderDriftSummary(
      result([
        source("crm", [
          change("crm/acct.md", {
            details: ["+ column region", "approval_status: approved → needs_review"],
            movedToReview: true,
          }),
        ]),
      ]),
      place,
    );
    expect(text).toContain(
      "[acct](knowledge/crm/acct.md): + column region — **approved → needs review**\n",
    );
    expect(text).not.toContain("approval_status:");
  });

  it("escapes names that could break the markdown, and prefixes links with the link base", () => {
    const text = renderDriftSummary(
      result([
        source("crm", [
          change("crm/Order Items (old).md", {
            title: "Order [Items] <old>",
            details: ["+ column a|b", "+ column <script>"],
            newFindings: [{ path: "e`mail", category: "pii.email" }],
          }),
        ]),
      ]),
      { bundlePath: "", linkBase: "https://git.example/acme/blob/okf nightly", date: "2026-11-28" },
    );
    expect(text).toContain(
      "[Order \\[Items\\] \\<old>](https://git.example/acme/blob/okf%20nightly/crm/Order%20Items%20%28old%29.md): + column a\\|b; + column \\<script>",
    );
    expect(text).toContain("  - awaiting a decision: ``e`mail`` (pii.email)");
    expect(text).toContain("the bundle `.`");
  });

  it("lists failures and unparseable files with their fixes, and says a dry run wrote nothing", () => {
    const failed = source("billing", [], {
      status: "partial",
      failures: [
        {
          scope: "billing.secret",
          message: "permission denied for schema secret",
          hint: "GRANT USAGE ON SCHEMA secret TO okf_reader",
        },
      ],
    });
    const text = renderDriftSummary(
      result([failed], {
        dryRun: true,
        unparseable: [
          {
            file: "crm/broken.md",
            message: "crm/broken.md: the YAML frontmatter cannot be parsed; left untouched",
            hint: "Fix the YAML",
          },
        ],
      }),
      place,
    );
    expect(text).toContain("would change in the bundle `knowledge` (nothing was written)");
    expect(text).toContain("| billing (partial) | 0 | 0 | 0 | 0 | 1 |");
    expect(text).toContain(
      "- **Failed** `billing.secret`: permission denied for schema secret\n  - fix: GRANT USAGE ON SCHEMA secret TO okf_reader",
    );
    expect(text).toContain(
      "### Left untouched (could not be parsed)\n\n- [crm/broken.md](knowledge/crm/broken.md): crm/broken.md: the YAML",
    );
    expect(text).toContain("  - fix: Fix the YAML");
    expect(text).toContain("was not refreshed");
  });
});
