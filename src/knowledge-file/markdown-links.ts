/** Helpers for the one-line link entries of index.md and log.md. */
import { inlineSource } from "./markdown-text.js";

export { oneLine } from "./markdown-text.js";

/**
 * Link text that cannot close the link early: source text escaped as everywhere else
 * (markdown-text), and `[`, `]` backslash-escaped too.
 */
export function linkText(text: string): string {
  return inlineSource(text).replace(/[[\]]/g, (bracket) => `\\${bracket}`);
}

/** Plain text after a link: it cannot open an HTML comment that would hide the rest of a listing. */
export const inlineText = inlineSource;

/** A relative POSIX path as a link destination: each segment percent-encoded, parentheses too. */
export function linkTarget(relativePath: string): string {
  return relativePath
    .split("/")
    .map((segment) =>
      segment === ".." || segment === "."
        ? segment
        : encodeURIComponent(segment).replace(
            /[()]/g,
            (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
          ),
    )
    .join("/");
}

/** `[text](target)` for a path relative to the file that holds the link. */
export function markdownLink(text: string, relativePath: string): string {
  return `[${linkText(text)}](${linkTarget(relativePath)})`;
}
