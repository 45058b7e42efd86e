/** Helpers for the one-line link entries of index.md and log.md. */

/** Collapses newlines and runs of whitespace, so a value can never start a new markdown line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Link text that cannot close the link early or open an HTML comment: `\`, `[`, `]` and `<` are
 * backslash-escaped (CommonMark renders them literally).
 */
export function linkText(text: string): string {
  return oneLine(text).replace(/[\\[\]<]/g, (char) => `\\${char}`);
}

/** Plain text after a link; `<` is escaped so that `<!--` cannot hide the rest of a listing. */
export function inlineText(text: string): string {
  return oneLine(text).replace(/</g, "\\<");
}

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
