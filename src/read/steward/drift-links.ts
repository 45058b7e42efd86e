import { posix } from "node:path";
import { inlineText, linkTarget, linkText } from "../../knowledge-file/markdown-links.js";

/** Where the summary's links point: repository-relative paths, or under a URL prefix. */
export interface LinkPlace {
  /** The bundle relative to the repository root, POSIX; "" or "." for the root. */
  bundlePath: string;
  /** e.g. `https://github.com/org/repo/blob/okf/nightly/`; a missing final `/` is added. */
  linkBase?: string;
}

/** `[title](knowledge/crm/…/customer_account.md)`, or the same under the link base. */
export function fileLink(title: string, bundleRelativePath: string, place: LinkPlace): string {
  const inRepository = posix.join(
    place.bundlePath === "" ? "." : place.bundlePath,
    bundleRelativePath,
  );
  const target = linkTarget(inRepository);
  const base = (place.linkBase ?? "")
    .trim()
    .replace(/ /g, "%20")
    .replace(/\(/g, "%28")
    .replace(/\)/g, "%29");
  const href = base === "" ? target : `${base.replace(/\/*$/, "/")}${target}`;
  return `[${linkText(title)}](${href})`;
}

/** A code span that holds any name, backticks included (CommonMark: a longer fence). */
export function codeSpan(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Text after a link or in a table cell: one line, no HTML, no stray pipes. */
export function plainText(text: string): string {
  return inlineText(text).replace(/\|/g, "\\|");
}
