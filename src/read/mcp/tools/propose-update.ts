import { z } from "zod";
import { createProposal } from "../../proposals/create-proposal.js";
import { proposeOutput } from "../output-schemas.js";
import { guarded, toolResult } from "../tool-result.js";
import { conceptIdInput, limits, readSnapshot, type ToolContext } from "../tool-context.js";

export function registerProposeUpdate(context: ToolContext): void {
  context.server.registerTool(
    "propose_update",
    {
      title: "Propose an update",
      description:
        "Proposes new text for one section of a concept (e.g. `Business Meaning`, `Agent Usage Guidance`, `Caveats`) when you learned something the knowledge file should say. The approved file is never changed: the proposal is written as a reviewable file under `proposals/` in the bundle's repository, and a data steward applies or rejects it (`okf proposals apply|reject`). Write the whole section text you propose, without `#`/`##` headings, and never quote real data values (emails, phone numbers, secrets).",
      inputSchema: {
        id: conceptIdInput,
        section: z
          .string()
          .trim()
          .min(1)
          .max(limits.sectionLength)
          .describe("The `##` section heading to update, e.g. `Business Meaning` or `Caveats`."),
        text: z
          .string()
          .min(1)
          .max(limits.proposalText)
          .describe(
            `The proposed section text in markdown (at most ${limits.proposalText} characters).`,
          ),
        rationale: z
          .string()
          .min(1)
          .max(limits.rationaleLength)
          .describe("Why the text should change: what you observed and where, for the reviewer."),
      },
      outputSchema: proposeOutput,
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: false,
      },
    },
    ({ id, section, text, rationale }) =>
      guarded(async () => {
        // Resolved here as every other tool does (bundle-relative, never the server's cwd).
        const snapshot = await readSnapshot(context);
        const { record } = snapshot.find(id);
        const proposal = await createProposal({
          cwd: context.bundleDir,
          bundleDir: context.bundleDir,
          id: record.path,
          section,
          text,
          rationale,
          author: clientActor(context),
          now: context.now(),
          ...(context.proposalsBranch === undefined ? {} : { branch: context.proposalsBranch }),
        });
        const where =
          proposal.branch === undefined
            ? `written to ${proposal.file}`
            : `committed to ${proposal.file} on branch ${proposal.branch}${proposal.commit === undefined ? "" : ` (${proposal.commit})`}`;
        const structured: z.infer<z.ZodObject<typeof proposeOutput>> = {
          file: proposal.file,
          id: proposal.id,
          section: proposal.section,
          branch: proposal.branch ?? null,
          commit: proposal.commit ?? null,
        };
        return toolResult(
          `Proposal for section "${proposal.section}" of ${proposal.id} ${where}. The knowledge file is unchanged until a data steward applies it with \`okf proposals apply\`.`,
          structured,
        );
      }),
  );
}

/** `agent:<client name>` from the MCP handshake, in the one-word form actors take. */
function clientActor(context: ToolContext): string {
  const name = context.server.server.getClientVersion()?.name ?? "";
  // Letters only: a client name with digits could trip the privacy lint on the author line.
  const word = name
    .replace(/[^A-Za-z._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 60);
  return `agent:${word === "" ? "mcp" : word}`;
}
