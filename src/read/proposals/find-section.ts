import { UsageError } from "../../errors.js";
import { bodySections, sameHeading, type HumanSection } from "./human-sections.js";

/**
 * The human section of a concept body that `wanted` names (case and `## ` do not matter). A
 * generated section, an unknown one, or a heading that appears twice is a UsageError listing
 * the sections that can take a proposal.
 */
export function findHumanSection(body: string, path: string, wanted: string): HumanSection {
  const { human, generated } = bodySections(body, path);
  const names = human.map((section) => section.name).join(", ") || "none";
  const available = `Sections open to proposals in ${path}: ${names}.`;
  if (wanted.trim() === "" || /[\p{Cc}]/u.test(wanted) || wanted.length > 200) {
    throw new UsageError(`The section name ${JSON.stringify(wanted)} is not a heading.`, available);
  }
  const matches = human.filter((section) => sameHeading(section.name, wanted));
  const [match] = matches;
  if (match && matches.length === 1) return match;
  if (matches.length > 1) {
    throw new UsageError(
      `${path} has the heading "## ${match?.name ?? wanted}" ${String(matches.length)} times, so a proposal could land in the wrong one.`,
      "Ask the file's owner to merge the duplicate sections first.",
    );
  }
  if (generated.some((name) => sameHeading(name, wanted))) {
    throw new UsageError(
      `"${wanted.trim()}" is a generated section of ${path}: okf writes it from the source at every extract, so a proposal there would be overwritten.`,
      `Change the source instead (a column comment, for example), or propose the text for a human section. ${available}`,
    );
  }
  throw new UsageError(
    `${path} has no section "${wanted.trim()}" (sections open to proposals: ${names}).`,
    "Name one of those sections; a new section is for the file's owner to add.",
  );
}
