import { okfCommand } from "../okf-command.js";
import { ConfigError } from "../errors.js";
import { formatPath } from "../../extractors/shared/config-format-path.js";
import { registerSecret } from "../secrets.js";

// The last alternative is a `${` that is never closed, reported instead of kept as text.
const reference = /\$\$\{|\$\{([^}]*)\}|\$\{/g;
const secretKey = /(connection|password|secret|token|url)/i;

/**
 * Replaces `${NAME}` with the environment variable's value everywhere in a parsed YAML tree.
 * `$${` stays a literal `${`. An unset or empty variable is a configuration error naming the
 * key that used it. Values that land under secret-looking keys are registered for redaction.
 */
export function interpolateEnv(
  node: unknown,
  env: NodeJS.ProcessEnv,
  path: (string | number)[] = [],
): unknown {
  if (typeof node === "string") return interpolateString(node, env, path);
  if (Array.isArray(node)) return node.map((item, i) => interpolateEnv(item, env, [...path, i]));
  if (node !== null && typeof node === "object") {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, interpolateEnv(value, env, [...path, key])]),
    );
  }
  return node;
}

function interpolateString(value: string, env: NodeJS.ProcessEnv, path: (string | number)[]) {
  const result = value.replace(reference, (match, name: string | undefined) => {
    if (match === "$${") return "${";
    if (name === undefined) {
      throw new ConfigError(
        `${formatPath(path)}: "\${" is never closed by "}".`,
        "Write ${NAME} for an environment variable, or $${ for a literal ${.",
      );
    }
    const variable = name.trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
      throw new ConfigError(
        `${formatPath(path)}: "${match}" is not a valid environment reference.`,
        "Use ${NAME} with letters, digits and underscores, or write $${ for a literal ${.",
      );
    }
    const resolved = env[variable];
    if (resolved === undefined || resolved === "") {
      throw new ConfigError(
        `${formatPath(path)}: environment variable ${variable} is not set.`,
        variable.startsWith(demoVariablePrefix)
          ? demoFolderHint
          : `Export ${variable} before running okf (for example in your shell or CI secrets), or replace the reference in the config.`,
      );
    }
    return resolved;
  });
  const key = path[path.length - 1];
  if (result !== value && typeof key === "string" && secretKey.test(key)) registerSecret(result);
  return result;
}

/**
 * `okf demo` sets these only while its embedded engines run, so exporting one by hand cannot
 * work: the advice is the command that can.
 */
const demoVariablePrefix = "OKF_DEMO_";
const demoFolderHint = `This folder was written by \`okf demo\`, whose sample databases run only while it runs. Run \`${okfCommand()} demo --dir .\` here to start them again and re-extract into this bundle (edits are kept as on any extract); validate, status, search, approve, proposals, check-sql, eval and serve --mcp work here as they are.`;
