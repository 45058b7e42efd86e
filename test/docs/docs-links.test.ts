/**
 * The docs check: every relative link in README.md and docs/**\/*.md leads to a file (and its
 * `#anchor` to a heading of that file, by GitHub's slug rules), and every `okf <command>` and
 * `--flag` written in inline code or a code block exists in the CLI's own `--help`.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const run = promisify(execFile);

function markdownFiles(): string[] {
  const docs = readdirSync(join(root, "docs"), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .map((name) => join("docs", name));
  return ["README.md", ...docs.sort()];
}

interface Snippet {
  file: string;
  line: number;
  text: string;
}

interface Parsed {
  /** Text outside code (code spans blanked), for links. */
  prose: { line: number; text: string }[];
  /** Inline code spans and code block lines. */
  code: Snippet[];
  headings: string[];
}

/** Splits a markdown file into prose, code and headings; fences and code spans by regex. */
function parse(file: string): Parsed {
  const lines = readFileSync(join(root, file), "utf8").split(/\r?\n/);
  const parsed: Parsed = { prose: [], code: [], headings: [] };
  let fence: string | undefined;
  lines.forEach((line, index) => {
    const number = index + 1;
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker?.startsWith(fence)) fence = undefined;
      else parsed.code.push({ file, line: number, text: line });
      return;
    }
    if (marker !== undefined) {
      fence = marker;
      return;
    }
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading !== undefined) parsed.headings.push(heading);
    const prose = line.replace(/(`+)(.+?)\1/g, (_match, _ticks, text: string) => {
      parsed.code.push({ file, line: number, text });
      return " ".repeat(text.length);
    });
    parsed.prose.push({ line: number, text: prose });
  });
  return parsed;
}

/** GitHub's heading anchors: lowercase, punctuation dropped, spaces to hyphens, -1, -2 … for repeats. */
function anchors(headings: string[]): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const heading of headings) {
    const text = heading
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/[`*]/g, "")
      .trim()
      .toLowerCase();
    const slug = text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "").replace(/ /g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}

interface Help {
  flags: Set<string>;
  subcommands: Map<string, Help>;
}

function section(help: string, title: string): string[] {
  const start = help.split("\n").findIndex((line) => line === `${title}:`);
  if (start < 0) return [];
  const lines: string[] = [];
  for (const line of help.split("\n").slice(start + 1)) {
    if (!line.startsWith(" ")) break;
    lines.push(line);
  }
  return lines;
}

/** One command's flags and subcommands, from `okf … --help`, subcommands recursively. */
async function readHelp(path: string[]): Promise<Help> {
  const { stdout } = await run("node", ["--import", "tsx", "src/cli/entry.ts", ...path, "--help"], {
    cwd: root,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const flags = new Set<string>();
  for (const line of section(stdout, "Options")) {
    // The option column ends at the first run of two spaces after the flags.
    const column = line.trim().split(/\s{2,}/)[0] ?? "";
    for (const flag of column.match(/--[a-z][a-z0-9-]*/g) ?? []) flags.add(flag);
  }
  const names = section(stdout, "Commands")
    .map((line) => /^\s{2}([a-z][a-z-]*)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined && name !== "help");
  const subcommands = new Map<string, Help>();
  const helps = await Promise.all(names.map((name) => readHelp([...path, name])));
  names.forEach((name, index) => subcommands.set(name, helps[index] as Help));
  return { flags, subcommands };
}

/** Where an okf invocation ends: a shell separator, a pipe with spaces round it, a comment. */
function okfSegments(text: string): string[] {
  const segments: string[] = [];
  // okf as a command: first on the line, or after a separator, `$(`, `run:`, `npx` or `exec`.
  for (const match of text.matchAll(
    /(?:^\s*(?:\$\s+)?|(?:&&|\|\||;|\||\$\(|\brun:|\bnpx|\bexec)\s*)okf(?=\s+[a-z])/g,
  )) {
    const rest = text.slice(match.index + match[0].length);
    segments.push(rest.split(/\s(?:&&|\|\||\||#|2?>)\s|;|\s#/)[0] ?? "");
  }
  return segments;
}

interface Problem {
  where: string;
  problem: string;
}

describe("the documentation", () => {
  const files = markdownFiles();
  const parsed = new Map(files.map((file) => [file, parse(file)]));
  let cli: Help;

  beforeAll(async () => {
    cli = await readHelp([]);
  }, 400_000);

  it("reads README.md and the pages under docs/", () => {
    expect(files).toContain("README.md");
    expect(files).toContain(join("docs", "configuration.md"));
  });

  it("links only to files and headings that exist", () => {
    const problems: Problem[] = [];
    for (const [file, { prose }] of parsed) {
      for (const { line, text } of prose) {
        const targets = [
          ...[...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
          ...[...text.matchAll(/^\s*\[[^\]]+\]:\s+(\S+)/g)].map((m) => m[1]),
        ];
        for (const target of targets) {
          if (target === undefined || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
          const where = `${file}:${line}`;
          const [path = "", anchor] = target.split("#");
          const resolved =
            path === "" ? join(root, file) : resolve(dirname(join(root, file)), path);
          if (!existsSync(resolved)) {
            problems.push({ where, problem: `${target}: no such file` });
            continue;
          }
          if (anchor === undefined || statSync(resolved).isDirectory()) continue;
          if (!resolved.endsWith(".md")) continue;
          const headings =
            parsed.get(relative(root, resolved))?.headings ??
            parse(relative(root, resolved)).headings;
          if (!anchors(headings).has(anchor))
            problems.push({ where, problem: `${target}: no such heading` });
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("writes only okf commands and flags that the CLI's --help lists", () => {
    const problems: Problem[] = [];
    const global = cli.flags;
    for (const { code } of parsed.values()) {
      for (const snippet of code) {
        const where = `${snippet.file}:${snippet.line}`;
        // A comment (`# okf writes it …`) is prose, not a command.
        const text = snippet.text.replace(/\\\|/g, "|").replace(/(^|\s)#.*$/, "");
        const segments = okfSegments(text);
        for (const segment of segments) {
          const words = segment.trim().split(/\s+/);
          let help = cli;
          let command = "okf";
          // `okf validate: 42 files checked` is output, not a command.
          if (!/^[a-z][a-z-]*(\|[a-z][a-z-]*)*$/.test(words[0] ?? "")) continue;
          for (const word of words) {
            if (help.subcommands.size === 0 || word.startsWith("-")) break;
            const names = word.split("|");
            const next = names.map((name) => help.subcommands.get(name));
            if (next.some((h) => h === undefined)) {
              if (help === cli) problems.push({ where, problem: `okf ${word}: no such command` });
              else if (/^[a-z]+$/.test(word))
                problems.push({ where, problem: `${command} ${word}: no such command` });
              break;
            }
            command += ` ${word}`;
            // A list of subcommands (list|apply|reject): their flags together.
            const flags = new Set(next.flatMap((h) => [...(h?.flags ?? [])]));
            help = {
              flags,
              subcommands:
                names.length === 1 ? (next[0] as Help).subcommands : new Map<string, Help>(),
            };
          }
          if (help === cli) continue;
          for (const flag of segment.match(/(?<=^|[\s[(])--[a-z][a-z0-9-]*/g) ?? []) {
            if (!help.flags.has(flag) && !global.has(flag)) {
              problems.push({ where, problem: `${command} ${flag}: no such flag` });
            }
          }
        }
        // An inline code span that is only a flag (`--dry-run`) is okf's.
        if (segments.length === 0 && /^--[a-z][a-z0-9-]*(\s|=|$)/.test(text)) {
          const flag = /^--[a-z][a-z0-9-]*/.exec(text)?.[0] ?? "";
          if (!allFlags(cli).has(flag))
            problems.push({ where, problem: `${flag}: no okf command has this flag` });
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

function allFlags(help: Help): Set<string> {
  const flags = new Set(help.flags);
  for (const sub of help.subcommands.values()) for (const flag of allFlags(sub)) flags.add(flag);
  return flags;
}
