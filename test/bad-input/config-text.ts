import { stringify } from "yaml";

/**
 * Sources no test can reach: a source that okf contacts fails (exit 3) instead of answering, so
 * a configuration error that is found only after contacting a source shows as exit 3, not 2.
 */
export const unreachable = {
  postgres: { name: "crm", type: "postgres", connection: "postgresql://okf:pw@127.0.0.1:1/crm" },
  mysql: { name: "shop", type: "mysql", connection: "mysql://okf:pw@127.0.0.1:1/" },
  redshift: { name: "wh", type: "redshift", connection: "postgresql://okf:pw@127.0.0.1:1/dev" },
  dynamodb: {
    name: "orders",
    type: "dynamodb",
    region: "eu-west-1",
    endpoint: "http://127.0.0.1:1",
  },
  glue: { name: "lake", type: "glue", region: "eu-west-1", endpoint: "http://127.0.0.1:1" },
  documentdb: {
    name: "docs",
    type: "documentdb",
    connection: "mongodb://okf:pw@127.0.0.1:1/?directConnection=true",
    server_selection_timeout_ms: 500,
  },
  "rds-data": {
    name: "aurora",
    type: "rds-data",
    region: "eu-west-1",
    endpoint: "http://127.0.0.1:1",
    resource_arn: "arn:aws:rds:eu-west-1:123456789012:cluster:crm",
    secret_arn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:crm-ro",
    database: "crm",
    engine: "postgres",
  },
  /** A file that is never there: reading it fails the source. */
  external: { name: "ring", type: "external", file: "no-such-lines.jsonl" },
} as const;

export type SourceType = keyof typeof unreachable;

/** AWS SDK sources fail fast without looking for credentials. */
export const awsTestEnv = {
  AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
  AWS_SECRET_ACCESS_KEY: "test-secret-not-real",
  AWS_REGION: "eu-west-1",
};

/** Sets `value` at a dotted path (`profile.sample_rows`) of a copy of `target`. */
export function withValue(
  target: Record<string, unknown>,
  dottedPath: string,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(target);
  const keys = dottedPath.split(".");
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node[key] = next !== null && typeof next === "object" ? next : {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] ?? ""] = value;
  return copy;
}

/** An okf.config.yaml: bundle `knowledge`, the given sources, and any top-level extras. */
export function configYaml(
  sources: readonly unknown[] = [unreachable.postgres],
  extra: Record<string, unknown> = {},
): string {
  return stringify({ bundle: "knowledge", sources, ...extra });
}

/** A config with one unreachable source of `type` whose `dottedPath` is set to `value`. */
export function sourceWith(type: SourceType, dottedPath: string, value: unknown): string {
  return configYaml([withValue({ ...unreachable[type] }, dottedPath, value)]);
}

/** A regular expression matching `text` literally. */
export function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}

/** 9 levels of 9 references: a billion nodes once expanded. */
export function aliasBomb(): string {
  const lines = ['a0: &a0 ["lol"]'];
  for (let level = 1; level <= 9; level++) {
    const refs = Array.from({ length: 9 }, () => `*a${level - 1}`).join(", ");
    lines.push(`a${level}: &a${level} [${refs}]`);
  }
  return `${lines.join("\n")}\n`;
}
