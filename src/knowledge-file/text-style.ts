/**
 * A text file's own conventions, kept when okf rewrites it: a byte-order mark, and CRLF line
 * breaks (a Windows editor, or git's autocrlf). okf works on the text with neither and puts
 * them back on write, so a CRLF file stays CRLF throughout instead of gaining LF lines.
 */
export interface TextStyle {
  bom: boolean;
  crlf: boolean;
}

export const plainStyle: TextStyle = { bom: false, crlf: false };

const bom = "\uFEFF";

/** A file is CRLF when its first line break is. */
export function textStyleOf(text: string): TextStyle {
  const firstBreak = text.indexOf("\n");
  return { bom: text.startsWith(bom), crlf: firstBreak > 0 && text[firstBreak - 1] === "\r" };
}

/** The text without a byte-order mark and with LF line breaks only. */
export function plainText(text: string): string {
  return (text.startsWith(bom) ? text.slice(1) : text).replace(/\r\n/g, "\n");
}

/** LF text written in `style`. */
export function styledText(text: string, style: TextStyle): string {
  const lines = style.crlf ? text.replace(/\r?\n/g, "\r\n") : text;
  return style.bom ? `${bom}${lines}` : lines;
}
