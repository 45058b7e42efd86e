import { appendLogBullets } from "../../bundle/log-file.js";
import { inlineText, markdownLink } from "../../knowledge-file/markdown-links.js";

export interface ProposalLogEntry {
  proposalId: string;
  section: string;
  /** Bundle-relative path of the concept. */
  conceptPath: string;
  title: string;
  details: string[];
}

/** `- Applied proposal ID to SECTION of [title](path): by human:alice` */
function proposalLogBullet(entry: ProposalLogEntry): string {
  const details = entry.details.map(inlineText).filter((detail) => detail !== "");
  const suffix = details.length === 0 ? "" : `: ${details.join("; ")}`;
  return `- Applied proposal ${inlineText(entry.proposalId)} to ${inlineText(entry.section)} of ${markdownLink(entry.title, entry.conceptPath)}${suffix}`;
}

/** Records applied proposals in log.md under the day's heading, like every other log entry. */
export async function appendProposalLog(
  bundleDir: string,
  date: string,
  entries: readonly ProposalLogEntry[],
): Promise<boolean> {
  return appendLogBullets(bundleDir, date, entries.map(proposalLogBullet));
}
