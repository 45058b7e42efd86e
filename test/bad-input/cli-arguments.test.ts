import type { BadInputCase } from "./bad-input-case.js";
import { defineCases } from "./bad-input-case.js";
import { configYaml, unreachable } from "./config-text.js";

/** Commands, flags and arguments okf cannot use: exit 2, a message naming what is wrong. */

const config = { "okf.config.yaml": configYaml([unreachable.postgres]) };
const concept = "sales.crm.territory";

function usage(name: string, args: string[], message: RegExp, extra: Partial<BadInputCase> = {}) {
  return { name, files: config, demoBundle: true, args, code: 2, message, ...extra };
}

const commandsTakingFlags: ReadonlyArray<[string, string[]]> = [
  ["init", ["init"]],
  ["extract", ["extract"]],
  ["diff", ["diff"]],
  ["validate", ["validate"]],
  ["status", ["status"]],
  ["search", ["search", "customer"]],
  ["proposals list", ["proposals", "list"]],
  ["proposals apply", ["proposals", "apply", "p1", "--by", "alice"]],
  ["proposals reject", ["proposals", "reject", "p1", "--by", "alice"]],
  ["approve", ["approve", concept, "--by", "alice"]],
  ["demo", ["demo"]],
];

const unknownFlagCases = commandsTakingFlags.map(([name, args]) =>
  usage(`${name} with an unknown flag`, [...args, "--frobnicate"], /unknown option '--frobnicate'/),
);

const badCounts: ReadonlyArray<[string, string]> = [
  ["0", "0"],
  ["abc", "abc"],
  ["-1", "-1"],
  ["1.5", "1.5"],
];

const concurrencyCases = ["extract", "diff"].flatMap((command) =>
  badCounts.map(([label, value]) =>
    usage(`${command} --concurrency ${label}`, [command, "--concurrency", value], /concurrency/),
  ),
);

const helpCommands: string[][] = [
  [],
  ["init"],
  ["extract"],
  ["diff"],
  ["validate"],
  ["status"],
  ["search"],
  ["serve"],
  ["proposals"],
  ["proposals", "list"],
  ["proposals", "apply"],
  ["proposals", "reject"],
  ["approve"],
  ["demo"],
];

const helpCases: BadInputCase[] = helpCommands.map((command) => ({
  name: `okf ${command.join(" ")} --help`.replace(/ +/g, " "),
  args: [...command, "--help"],
  code: 0,
  on: "stdout",
  message: new RegExp(`Usage: ${["okf", ...command].join(" ")} `),
}));

const cases: BadInputCase[] = [
  ...unknownFlagCases,
  ...concurrencyCases,
  ...helpCases,
  usage("an unknown command", ["frobnicate"], /unknown command 'frobnicate'/),
  usage("a misspelt command", ["extrct"], /unknown command 'extrct'/),
  usage("extract --source with no name", ["extract", "--source"], /--source/),
  usage("extract --source unknown", ["extract", "--source", "nope"], /Unknown source "nope"/),
  usage("diff --source unknown", ["diff", "--source", "nope"], /Unknown source "nope"/),
  usage("extract --config with no file", ["extract", "--config"], /--config/),
  usage("extract --branch without --commit", ["extract", "--branch", "x"], /only makes sense/),
  usage("extract --commit --dry-run", ["extract", "--commit", "--dry-run"], /cannot be combined/),
  usage("extract --commit --message ''", ["extract", "--commit", "--message", " "], /empty/),
  usage("extract --link-base without --summary", ["extract", "--link-base", "x"], /link-base/),
  usage(
    "extract --summary inside the bundle",
    ["extract", "--summary", "knowledge/summary.md"],
    /inside the bundle/,
  ),
  usage("diff --summary inside the bundle", ["diff", "--summary", "knowledge/x.md"], /bundle/),
  usage("approve with no concept", ["approve", "--by", "alice"], /missing required argument/),
  usage("approve an unknown concept", ["approve", "sales.crm.nope", "--by", "alice"], /nope/),
  usage(
    "approve a path outside the bundle",
    ["approve", "../sentinel.md", "--by", "a"],
    /sentinel/,
  ),
  usage("approve without --by", ["approve", concept], /--by/),
  usage("approve --by ''", ["approve", concept, "--by", ""], /--by needs the reviewer's id/),
  usage("approve --by with a space", ["approve", concept, "--by", "a b"], /is not an id/),
  usage("approve --by an email address", ["approve", concept, "--by", "a@example.com"], /email/),
  usage(
    "approve --next-review 99999999",
    ["approve", concept, "--by", "alice", "--force", "--next-review", "99999999"],
    /next-review/,
  ),
  usage(
    "approve --next-review 0",
    ["approve", concept, "--by", "alice", "--next-review", "0"],
    /next-review/,
  ),
  usage(
    "approve --next-review abc",
    ["approve", concept, "--by", "alice", "--next-review", "abc"],
    /next-review/,
  ),
  usage(
    "approve --bundle that does not exist",
    ["approve", concept, "--by", "a", "--bundle", "x"],
    /does not exist/,
  ),
  usage("proposals apply with no id", ["proposals", "apply", "--by", "alice"], /missing required/),
  usage("proposals apply without --by", ["proposals", "apply", "p1"], /--by/),
  usage("proposals apply an unknown id", ["proposals", "apply", "p-nope", "--by", "a"], /p-nope/),
  usage("proposals reject an unknown id", ["proposals", "reject", "p-nope", "--by", "a"], /p-nope/),
  usage("proposals with no subcommand", ["proposals", "frobnicate"], /unknown command/),
  usage("status --due-within 0", ["status", "--due-within", "0"], /due-within/),
  usage("status --min-approved 2", ["status", "--min-approved", "2"], /min-approved/),
  usage("status --min-approved abc", ["status", "--min-approved", "abc"], /min-approved/),
  usage("search with an empty query", ["search", " "], /The search query is empty/),
  usage("search with no query", ["search"], /missing required argument/),
  usage("search --limit 0", ["search", "customer", "--limit", "0"], /limit/),
  usage("validate --format xml", ["validate", "--format", "xml"], /format/),
  usage("validate --json --format text", ["validate", "--json", "--format", "text"], /--json/),
  usage("validate a folder that does not exist", ["validate", "nope"], /nope/),
  usage("validate a file as the bundle", ["validate", "okf.config.yaml"], /okf\.config\.yaml/),
  usage("serve without --mcp", ["serve"], /--mcp/, { childProcess: true }),
  usage(
    "serve --mcp with an invalid --proposals-branch",
    ["serve", "--mcp", "--bundle", "knowledge", "--proposals-branch", "bad..name"],
    /proposals-branch|branch/i,
    { childProcess: true },
  ),
  usage(
    "serve --mcp with a --proposals-branch that is an option",
    ["serve", "--mcp", "--bundle", "knowledge", "--proposals-branch", "-x"],
    /proposals-branch|branch/i,
    { childProcess: true },
  ),
  usage("serve --mcp --bundle that does not exist", ["serve", "--mcp", "--bundle", "x"], /x/, {
    childProcess: true,
  }),
  usage("demo --dir a file", ["demo", "--dir", "okf.config.yaml"], /okf\.config\.yaml/, {
    childProcess: true,
  }),
  usage("init --dir a file", ["init", "--dir", "okf.config.yaml"], /okf\.config\.yaml/),
];

defineCases("command-line arguments okf cannot use", cases);
