import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { ValidationFinding } from "./types.js";

/** The repository's own history and dependencies are not bundle content. */
const skippedFolders = new Set([".git", "node_modules"]);

/**
 * Every symbolic link inside the bundle, as a warning. okf reads and writes nothing through a
 * link (one could lead out of the bundle), so validate, search and the MCP server skip what is
 * behind it and extract leaves it alone: said here, so that a bundle whose concepts live behind a
 * link does not pass as checked.
 */
export async function symbolicLinkFindings(root: string): Promise<ValidationFinding[]> {
  const findings: ValidationFinding[] = [];
  const walk = async (prefix: string): Promise<void> => {
    const entries = await readdir(prefix === "" ? root : join(root, prefix), {
      withFileTypes: true,
    });
    for (const entry of entries) {
      const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isSymbolicLink()) findings.push(linkFinding(relative));
      else if (entry.isDirectory() && !skippedFolders.has(entry.name)) await walk(relative);
    }
  };
  await walk("");
  return findings;
}

function linkFinding(path: string): ValidationFinding {
  return {
    file: path,
    rule: "okf/symbolic-link",
    severity: "warning",
    message:
      "a symbolic link: okf does not read or write through links inside the bundle (one could lead out of it), so validate, search and the MCP server skip it and extract leaves it alone",
    hint: "Replace the link with the real folder or file.",
  };
}
