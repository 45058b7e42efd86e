import { UsageError } from "../../errors.js";
import { formatHits, hitsDocument } from "../../read/search/format-hits.js";
import { defaultSearchLimit, searchBundle } from "../../read/search/search-bundle.js";
import { openBundle } from "../../read/steward/open-bundle.js";
import { positiveInteger, type CommandContext } from "../command-context.js";

export function registerSearch({ program, io, json }: CommandContext): void {
  program
    .command("search")
    .description(
      "search titles, ids, field names, column comments, tags, descriptions and sections; any word may match, the most relevant first",
    )
    .argument("<query...>", "words to look for (a table, column or tag name, a phrase)")
    .option("-c, --config <file>", "configuration file that names the bundle")
    .option("--bundle <dir>", "bundle folder")
    .option("--limit <n>", "show at most this many hits", positiveInteger, defaultSearchLimit)
    .option("--json", "print the hits and their governance facts as JSON on stdout")
    .addHelpText(
      "after",
      "\nEach hit shows its approval status, classification and pii; DEPRECATED, STALE and NEEDS REVIEW label files to treat with care.\nExit codes: 0 ok (also when nothing matches), 2 usage error.",
    )
    .action(
      async (
        words: string[],
        options: { config?: string; bundle?: string; limit: number; json?: boolean },
      ) => {
        const query = words.join(" ").trim();
        if (query === "") {
          throw new UsageError(
            "The search query is empty.",
            "Give words to look for, such as a table, column or tag name: okf search customer_email.",
          );
        }
        const bundleDir = await openBundle({
          cwd: io.cwd,
          bundle: options.bundle,
          config: options.config,
        });
        const hits = await searchBundle(bundleDir, query, { limit: options.limit });
        if (options.json) json(hitsDocument(query, hits));
        else io.stdout.write(formatHits(query, hits));
      },
    );
}
