import type { RequestId } from "@modelcontextprotocol/sdk/types.js";

const idValue = String.raw`(-?\d{1,15}|"(?:[^"\\]|\\.){0,200}")`;
/** `{"id": 7, …` or `{"jsonrpc": "2.0", "id": 7, …`: the id as the outer object's first keys. */
const idAtStart = new RegExp(
  String.raw`^\s*\{\s*(?:"jsonrpc"\s*:\s*"2\.0"\s*,\s*)?"id"\s*:\s*${idValue}(?=\s*[,}])`,
);
/** `…, "id": 7}`: the id as the outer object's last key (where the SDK's client puts it). */
const idAtEnd = new RegExp(String.raw`"id"\s*:\s*${idValue}\s*\}\s*$`);

/**
 * The id of a request that could not be read whole (not JSON, or too long to read), from the
 * two places a JSON-RPC client writes it, so that its caller gets an error instead of waiting
 * for ever. Undefined when neither end names one.
 */
export function recoverRequestId(head: string, tail: string): RequestId | undefined {
  const match = idAtStart.exec(head) ?? idAtEnd.exec(tail);
  const raw = match?.[1];
  if (raw === undefined) return undefined;
  try {
    const id: unknown = JSON.parse(raw);
    return typeof id === "string" || (typeof id === "number" && Number.isSafeInteger(id))
      ? id
      : undefined;
  } catch {
    return undefined;
  }
}

/** The id of a parsed message that is not valid JSON-RPC, unless it looks like a response. */
export function requestIdOf(value: unknown): RequestId | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  if ("result" in value || "error" in value) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === "string" || (typeof id === "number" && Number.isSafeInteger(id))
    ? id
    : undefined;
}
