import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { maxProposedTextLength, maxRationaleLength } from "../proposals/proposal-input.js";
import type { ConceptFileCache } from "../steward/concept-files.js";
import { BundleSnapshot } from "./bundle-snapshot.js";

/** What every tool registration needs. */
export interface ToolContext {
  server: McpServer;
  /** Absolute path of the bundle folder. */
  bundleDir: string;
  /** The instant review dates are compared with; read per call. */
  now: () => Date;
  /** `--proposals-branch`: commit proposals on this branch. */
  proposalsBranch?: string;
  /** Files parsed by earlier calls; only changed files are read again. */
  cache: ConceptFileCache;
}

/** The bundle as it is on disk now (changed files re-read, the others from the cache). */
export function readSnapshot(context: ToolContext): Promise<BundleSnapshot> {
  return BundleSnapshot.read(context.bundleDir, context.now(), context.cache);
}

/** Limits on what an agent may send, so one call cannot make the server read or write megabytes. */
export const limits = {
  idLength: 500,
  queryLength: 500,
  filterLength: 200,
  sectionLength: 200,
  proposalText: maxProposedTextLength,
  rationaleLength: maxRationaleLength,
  searchHits: 50,
  listPage: 200,
  /** Field names one read_concept call may filter on. */
  readFields: 500,
  readCharsMin: 1_000,
  readCharsMax: 100_000,
} as const;

export const conceptIdInput = z
  .string()
  .trim()
  .min(1)
  .max(limits.idLength)
  .describe(
    "Concept id (e.g. sales.crm.customer_account) or its path inside the bundle (e.g. crm/postgres/sales/customer_account.md), as returned by search_concepts or list_concepts.",
  );

/** The read-only annotations of every tool except propose_update. */
export const readOnlyTool = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
} as const;
