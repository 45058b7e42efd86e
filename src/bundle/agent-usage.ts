/**
 * The `agent_usage` vocabulary (docs/knowledge-files.md#agent_usage): what an agent may do with a
 * concept's data. The frontmatter key, `defaults.agent_usage` in the config, `okf validate`, the
 * approval checks and the SQL guard all read it from here.
 */
export const agentUsageValues = [
  "allowed",
  "allowed_read_only",
  "allowed_with_masking",
  "allowed_internal_only",
  "prohibited",
] as const;

export type AgentUsage = (typeof agentUsageValues)[number];

export function isAgentUsage(value: unknown): value is AgentUsage {
  return typeof value === "string" && (agentUsageValues as readonly string[]).includes(value);
}

/** Only `allowed` lets an agent write (INSERT, UPDATE, DELETE, MERGE, DDL); the rest read at most. */
export function allowsWrites(usage: AgentUsage): boolean {
  return usage === "allowed";
}
