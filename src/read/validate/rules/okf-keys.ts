import { isMap, isScalar, isSeq } from "yaml";
import {
  isQuoted,
  nodeLine,
  pairOf,
  parsedFrontmatter,
  topLevelPair,
  type ParsedFrontmatter,
} from "../../../knowledge-file/frontmatter-nodes.js";
import { parseOffsetTimestamp, timestampExample } from "../timestamps.js";
import type { Rule, RuleFinding } from "../types.js";

/** OKF v0.2 §5: the shapes of `status`, `generated`, `verified`, `stale_after`, `sources`. */
export const okfKeysRule: Rule = {
  name: "okf-v0.2-keys",
  check(file) {
    const frontmatter = parsedFrontmatter(file);
    if (file.role !== "concept" || !frontmatter?.isMapping) return [];
    const shapes = new KeyShapes(frontmatter);
    shapes.status();
    shapes.generated();
    shapes.verified();
    shapes.staleAfter();
    shapes.sources();
    return shapes.findings;
  },
};

const statuses = ["draft", "stable", "deprecated"];

class KeyShapes {
  readonly findings: RuleFinding[] = [];

  constructor(private readonly frontmatter: ParsedFrontmatter) {}

  status(): void {
    const node = this.value("status");
    if (node === undefined) return;
    if (isScalar(node) && typeof node.value === "string" && statuses.includes(node.value)) return;
    const written = isScalar(node) ? JSON.stringify(node.value) : "a structure";
    this.report(
      node,
      "okf/status",
      `\`status\` is ${written}; OKF allows draft, stable or deprecated`,
      "Set `status:` to draft, stable or deprecated (approval states such as `approved` go in `approval_status`).",
    );
  }

  generated(): void {
    const node = this.value("generated");
    if (node === undefined) return;
    if (!isMap(node)) {
      this.report(
        node,
        "okf/generated",
        "`generated` must be a mapping with `by` and `at`",
        `Write \`generated: { by: okf/0.1.0, at: ${timestampExample} }\`.`,
      );
      return;
    }
    this.actor(node, "generated", "okf/generated");
    const at = pairOf(node, "at")?.value;
    if (at !== undefined) this.timestamp(at, "generated.at", "okf/generated");
  }

  verified(): void {
    const node = this.value("verified");
    if (node === undefined) return;
    // OKF §5.2: a bare mapping is a one-element list.
    const events = isSeq(node) ? node.items : [node];
    events.forEach((event, index) => {
      const where = isSeq(node) ? `verified[${index}]` : "verified";
      if (!isMap(event)) {
        this.report(
          event ?? node,
          "okf/verified",
          `\`${where}\` must be a mapping with \`by\` and \`at\``,
          `Write each verification as \`- { by: human:jane.doe, at: ${timestampExample} }\`.`,
        );
        return;
      }
      this.actor(event, where, "okf/verified");
      const at = pairOf(event, "at")?.value;
      if (at === undefined) {
        this.report(
          event,
          "okf/verified",
          `\`${where}\` has no \`at\``,
          `Add when it was verified: \`at: ${timestampExample}\`.`,
        );
      } else this.timestamp(at, `${where}.at`, "okf/verified");
    });
  }

  staleAfter(): void {
    const node = this.value("stale_after");
    if (node !== undefined) this.timestamp(node, "stale_after", "okf/stale-after");
  }

  sources(): void {
    const window = this.value("usage_window");
    if (window !== undefined) this.usageWindow(window, "usage_window");
    const node = this.value("sources");
    if (node === undefined) return;
    if (!isSeq(node)) {
      this.report(
        node,
        "okf/sources",
        "`sources` must be a list of entries, each with a `resource`",
        "Write `sources:` as a list: `- { id: catalog, resource: <URI or path>, title: <label> }`.",
      );
      return;
    }
    node.items.forEach((entry, index) => {
      const where = `sources[${index}]`;
      if (!isMap(entry)) {
        this.report(
          entry ?? node,
          "okf/sources",
          `\`${where}\` must be a mapping with a \`resource\``,
          "Write the entry as `- { id: <key>, resource: <URI or path>, title: <label> }`.",
        );
        return;
      }
      const resource = pairOf(entry, "resource")?.value;
      if (!(isScalar(resource) && typeof resource.value === "string" && resource.value.trim())) {
        this.report(
          resource ?? entry,
          "okf/sources",
          `\`${where}\` has no \`resource\`, which OKF requires in every entry`,
          "Add `resource:` naming what the concept derives from (a URL, a bundle path, or a scope).",
        );
      }
      const count = pairOf(entry, "usage_count")?.value;
      if (
        count !== undefined &&
        !(isScalar(count) && Number.isInteger(count.value) && Number(count.value) >= 0)
      ) {
        this.report(
          count,
          "okf/sources",
          `\`${where}.usage_count\` must be a whole number`,
          "Write the count as a plain number, such as `usage_count: 5000`.",
        );
      }
      const modified = pairOf(entry, "last_modified")?.value;
      if (modified !== undefined) this.timestamp(modified, `${where}.last_modified`, "okf/sources");
      const entryWindow = pairOf(entry, "usage_window")?.value;
      if (entryWindow !== undefined) this.usageWindow(entryWindow, `${where}.usage_window`);
    });
  }

  private usageWindow(node: unknown, where: string): void {
    const from = pairOf(node, "from")?.value;
    const to = pairOf(node, "to")?.value;
    if (!isMap(node) || from === undefined || to === undefined) {
      this.report(
        node,
        "okf/sources",
        `\`${where}\` must be a mapping with \`from\` and \`to\``,
        `Write \`${where.split(".").pop() ?? where}: { from: ${timestampExample}, to: ${timestampExample} }\`.`,
      );
      return;
    }
    this.timestamp(from, `${where}.from`, "okf/sources");
    this.timestamp(to, `${where}.to`, "okf/sources");
  }

  private actor(map: unknown, where: string, rule: string): void {
    const by = pairOf(map, "by")?.value;
    if (isScalar(by) && typeof by.value === "string" && by.value.trim() !== "") return;
    this.report(
      by ?? map,
      rule,
      `\`${where}.by\` must name an actor`,
      "Set `by:` to an actor: `human:<id>` for a person, `process:<id>`, or `<tool>/<version>`.",
    );
  }

  private timestamp(node: unknown, where: string, rule: string): void {
    const value = isScalar(node) ? node.value : undefined;
    const hint = `Write \`${where.split(".").pop() ?? where}: ${timestampExample}\`: quoted, with a time and an offset (Z or +01:00).`;
    if (typeof value !== "string" || parseOffsetTimestamp(value) === undefined) {
      const written = isScalar(node) ? JSON.stringify(node.value) : "a structure";
      this.report(
        node,
        rule,
        `\`${where}\` is ${written}, not an ISO 8601 datetime with an explicit offset`,
        hint,
      );
    } else if (!isQuoted(node)) {
      this.report(
        node,
        rule,
        `\`${where}\` is not quoted; OKF v0.2 timestamps are quoted strings`,
        hint,
      );
    }
  }

  private value(key: string): unknown {
    return topLevelPair(this.frontmatter.document, key)?.value ?? undefined;
  }

  private report(node: unknown, rule: string, message: string, hint: string): void {
    const line = nodeLine(this.frontmatter, node);
    this.findings.push(
      line === undefined
        ? { rule, severity: "error", message, hint }
        : { line, rule, severity: "error", message, hint },
    );
  }
}
