/**
 * Objects of a source that okf leaves out on purpose (those an extension owns), said once in
 * the source folder's index.md so that a reader knows they exist and why they have no file.
 */
export interface LeftOutObjects {
  /** What they are, read after "2 objects": "owned by an extension, not documented". */
  what: string;
  /** Each one as `schema.name`, with its owner (the extension's name), in name order. */
  objects: { name: string; owner: string }[];
  /** How to have them documented anyway, as plain text: "Set extension_objects: true …". */
  hint: string;
}
