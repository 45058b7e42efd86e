import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { OkfError, errorMessage } from "../../errors.js";
import { redact } from "../../secrets.js";

/** A tool's answer: text for the model to read, and the same facts as JSON for programs. */
export function toolResult(text: string, structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: "text", text }], structuredContent: structured };
}

/**
 * A failed call as a tool error the agent can act on. The server keeps running: an agent's bad
 * input is a normal event, not a crash.
 */
function toolError(error: unknown): CallToolResult {
  const text =
    error instanceof OkfError
      ? [error.message, error.hint === undefined ? "" : `Fix: ${error.hint}`]
          .filter(Boolean)
          .join("\n")
      : `Unexpected error: ${errorMessage(error)}`;
  return { content: [{ type: "text", text: redact(text) }], isError: true };
}

/** Runs a tool body and turns anything it throws into a tool error. */
export async function guarded(run: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await run();
  } catch (error) {
    return toolError(error);
  }
}
