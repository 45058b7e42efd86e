import type { BadInputCase, FileContent } from "./bad-input-case.js";
import { defineCases } from "./bad-input-case.js";
import { badPath, conceptWith, noErrorIn, reportsError, someoneEmail } from "./knowledge-text.js";

/**
 * Raw values a person (or an agent) wrote into the bundle, in every disguise seen: the privacy
 * lint must find each one, wherever it is, and name the file.
 */

/** A Luhn-valid card number that is no published test number, built at run time. */
function cardNumber(): string {
  const digits = "492913572468013".split("").map(Number);
  const sum = digits
    .slice()
    .reverse()
    .reduce((total, digit, index) => {
      const doubled = index % 2 === 0 ? digit * 2 : digit;
      return total + (doubled > 9 ? doubled - 9 : doubled);
    }, 0);
  return `${digits.join("")}${(10 - (sum % 10)) % 10}`;
}

const [local, domain] = someoneEmail.split("@") as [string, string];
const fence = "```";

function privacyCase(
  name: string,
  files: Record<string, FileContent>,
  /** A path that must be reported, or "clean" for none. */
  reported: string = badPath,
): BadInputCase {
  return {
    name,
    demoBundle: true,
    files: Object.fromEntries(Object.entries(files).map(([p, c]) => [`knowledge/${p}`, c])),
    args: ["validate", "knowledge", "--json"],
    code: reported === "clean" ? 0 : 1,
    on: "stdout",
    message: /"findings"/,
    check: reported === "clean" ? noErrorIn(badPath) : reportsError(reported, /privacy/),
  };
}

const inCaveats = (text: string) => ({ [badPath]: conceptWith(text) });

const disguises: ReadonlyArray<[string, string]> = [
  ["plain", someoneEmail],
  ["a decimal character reference &#64;", `${local}&#64;${domain}`],
  ["a hex character reference &#x40;", `${local}&#x40;${domain}`],
  ["a named character reference &commat;", `${local}&commat;${domain}`],
  ["a backslash-escaped @", `${local}\\@${domain}`],
  ["a mailto: link", `[write to her](mailto:${someoneEmail})`],
  ["an HTML comment", `<!-- ${someoneEmail} -->`],
  ["fenced code", `${fence}\n${someoneEmail}\n${fence}`],
  ["inline code", `\`${someoneEmail}\``],
  ["a pattern: code span", `pattern: \`${someoneEmail}\``],
  ["a pattern: code span with doubled backticks", `pattern: \`\` ${someoneEmail} \`\``],
];

const cases: BadInputCase[] = [
  ...disguises.map(([label, text]) => privacyCase(`an email as ${label}`, inCaveats(text))),
  privacyCase("a card number in Caveats", inCaveats(`Card ${cardNumber()} failed once.`)),
  privacyCase("a card number in a pattern: code span", inCaveats(`pattern: \`${cardNumber()}\``)),
  privacyCase(
    "a test card number in a pattern: code span",
    inCaveats("pattern: `4111 1111 1111 1111`"),
    "clean",
  ),
  privacyCase("an email in a frontmatter value", {
    [badPath]: conceptWith("x").replace(/^steward: .*$/m, `steward: ${someoneEmail}`),
  }),
  privacyCase("an email in a Schema cell", {
    [badPath]: conceptWith("x").replace("Territory identifier.", `Ask ${someoneEmail}.`),
  }),
  privacyCase("an email in a file listed in .okfignore", {
    ".okfignore": "crm/postgres/sales/zz_bad.md\n",
    [badPath]: conceptWith(someoneEmail),
  }),
  privacyCase("an email in a folder ignored by a .okfignore glob", {
    ".okfignore": "**/zz_*\n",
    [badPath]: conceptWith(someoneEmail),
  }),
  privacyCase(
    "an email in an ignored file that is not a concept",
    { ".okfignore": "notes/\n", "notes/todo.md": `# todo\n\nCall ${someoneEmail}\n` },
    "notes/todo.md",
  ),
  privacyCase("an email in log.md", { "log.md": `# Log\n\n- asked ${someoneEmail}\n` }, "log.md"),
  privacyCase(
    "an email in a folder index",
    { "crm/index.md": `---\nokf_version: "0.2"\n---\n# crm\n\nOwner ${someoneEmail}\n` },
    "crm/index.md",
  ),
  privacyCase("an email in a file without frontmatter", { [badPath]: `# zz\n\n${someoneEmail}\n` }),
];

defineCases("raw values hidden in the bundle", cases);
