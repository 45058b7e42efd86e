#!/usr/bin/env node
// The compiled CLI; `npm ci` builds it through the `prepare` script.
import { existsSync } from "node:fs";

const entry = new URL("../dist/src/cli/entry.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    "okf: the CLI is not built yet. Run `npm ci` (or `npm run build`) in the okf folder.\n",
  );
  process.exit(2);
}
await import(entry.href);
