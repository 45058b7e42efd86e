import type { BadInputCase } from "./bad-input-case.js";
import { awsTestEnv, configYaml, literal, sourceWith, unreachable } from "./config-text.js";

/**
 * Values of the right type that okf cannot use. Each must be refused by the config check, before
 * any source is contacted: the sources are unreachable, so a late check shows as exit 3.
 */

function configCase(
  name: string,
  config: string,
  message: RegExp,
  extra: Partial<BadInputCase> = {},
): BadInputCase {
  return {
    name,
    files: { "okf.config.yaml": config },
    args: ["extract"],
    env: awsTestEnv,
    code: 2,
    message,
    ...extra,
  };
}

const pg = unreachable.postgres;
const maxInt32 = 2 ** 31 - 1;

const timeoutCases = (["postgres", "mysql", "redshift", "rds-data"] as const).flatMap((type) =>
  (
    [
      ["above 2^31-1", maxInt32 + 1],
      ["negative", -1],
      ["zero", 0],
      ["1e12", 1e12],
    ] as const
  ).map(([label, value]) =>
    configCase(
      `${type} statement_timeout_ms ${label}`,
      sourceWith(type, "statement_timeout_ms", value),
      literal("sources[0].statement_timeout_ms"),
    ),
  ),
);

const lockTimeoutCases = (["postgres", "rds-data"] as const).map((type) =>
  configCase(
    `${type} lock_timeout_ms above 2^31-1`,
    sourceWith(type, "lock_timeout_ms", maxInt32 + 1),
    literal("sources[0].lock_timeout_ms"),
  ),
);

const sampleCases = (["sample_rows", "sample_items", "sample_documents"] as const).flatMap((key) =>
  (
    [
      ["zero", 0],
      ["negative", -10],
      ["beyond a safe integer", 2 ** 60],
    ] as const
  ).map(([label, value]) =>
    configCase(
      `profile.${key} ${label}`,
      sourceWith("postgres", `profile.${key}`, value),
      literal(`sources[0].profile.${key}`),
    ),
  ),
);

const globCases = (
  [
    ["a backslash", "sales\\orders"],
    ["a NUL byte", "sales.\u0000"],
  ] as const
).flatMap(([label, glob]) => [
  configCase(`include glob with ${label}`, sourceWith("postgres", "include", [glob]), /include/),
  configCase(`exclude glob with ${label}`, sourceWith("mysql", "exclude", [glob]), /exclude/),
]);

const password = "hunter@2secret";

/** The cases of config-values.test.ts (the JSON Schema test reads them too). */
const ring = unreachable.external;

const externalCases = [
  configCase(
    "an external source with both command and file",
    configYaml([{ ...ring, command: ["print-datasets"] }]),
    /sources\[0\]\.file: an external source needs exactly one of `command`/,
  ),
  configCase(
    "an external source with neither command nor file",
    configYaml([{ name: ring.name, type: ring.type }]),
    /sources\[0\]\.command: an external source needs exactly one of `command`/,
  ),
  configCase(
    "an external source with an empty command",
    configYaml([{ name: ring.name, type: ring.type, command: [] }]),
    literal("sources[0].command"),
  ),
  configCase(
    "an external working_dir without a command",
    sourceWith("external", "working_dir", "tools"),
    /sources\[0\]\.working_dir: only a `command` runs in a folder/,
  ),
  configCase(
    "an external source with concurrency",
    sourceWith("external", "concurrency", 4),
    /sources\[0\]\.concurrency: has no effect on an external source/,
  ),
  ...(
    [
      ["zero", 0],
      ["negative", -5],
      ["above a day", 86_401],
    ] as const
  ).map(([label, value]) =>
    configCase(
      `an external timeout_seconds ${label}`,
      sourceWith("external", "timeout_seconds", value),
      literal("sources[0].timeout_seconds"),
    ),
  ),
  configCase(
    "an external max_output_mib above 1024",
    sourceWith("external", "max_output_mib", 2048),
    /sources\[0\]\.max_output_mib: must be at most 1024/,
  ),
];

export const configValueCases: readonly BadInputCase[] = [
  ...externalCases,
  ...timeoutCases,
  ...lockTimeoutCases,
  ...sampleCases,
  ...globCases,
  configCase(
    "classification.allow glob with a NUL byte",
    configYaml([pg], { classification: { allow: ["sales.\u0000"] } }),
    literal("classification.allow[0]"),
  ),
  ...(["postgres", "mysql"] as const).map((type) =>
    configCase(
      `${type} sample_views sometimes`,
      sourceWith(type, "sample_views", "sometimes"),
      literal("sources[0].sample_views"),
    ),
  ),
  configCase(
    "concurrency 0 in the config",
    sourceWith("dynamodb", "concurrency", 0),
    literal("sources[0].concurrency"),
  ),
  configCase(
    "concurrency 65 in the config",
    sourceWith("dynamodb", "concurrency", 65),
    literal("sources[0].concurrency"),
  ),
  ...(["postgres", "mysql", "redshift", "rds-data"] as const).map((type) =>
    configCase(
      `concurrency on a ${type} source, which reads one statement at a time`,
      sourceWith(type, "concurrency", 4),
      /sources\[0\]\.concurrency.*has no effect on this source type: it reads over one connection/s,
    ),
  ),
  configCase(
    "a 300-character source name",
    sourceWith("postgres", "name", "s".repeat(300)),
    literal("sources[0].name"),
  ),
  configCase(
    "a source name with a slash",
    sourceWith("postgres", "name", "a/b"),
    /sources\[0\]\.name/,
  ),
  configCase("a source name of ..", sourceWith("postgres", "name", ".."), /sources\[0\]\.name/),
  configCase("an empty source name", sourceWith("postgres", "name", ""), /sources\[0\]\.name/),
  configCase(
    "duplicate source names",
    configYaml([pg, { ...pg }]),
    /sources\[1\]\.name: duplicate source name "crm"/,
  ),
  configCase(
    "source names that differ only in case",
    configYaml([pg, { ...pg, name: "CRM" }]),
    /sources\[1\]\.name: duplicate/,
  ),
  configCase("no sources", configYaml([]), /at least one source/),
  configCase(
    "an unknown source type",
    configYaml([{ name: "x", type: "oracle" }]),
    /sources\[0\]\.type: unknown source type "oracle"/,
  ),
  configCase("a source without a type", configYaml([{ name: "x" }]), /sources\[0\]/),
  configCase(
    "a libpq key=value connection string",
    sourceWith(
      "postgres",
      "connection",
      "host=127.0.0.1 port=1 dbname=crm user=okf password=kvS3cret",
    ),
    /sources\[0\]\.connection[\s\S]*(key=value|postgres(ql)?:\/\/|URL|URI)/i,
    { never: ["kvS3cret"] },
  ),
  configCase(
    "a URL with an unencoded @ in the password",
    sourceWith("postgres", "connection", `postgresql://okf:${password}@127.0.0.1:1/crm`),
    /sources\[0\]\.connection[\s\S]*(@|encode)/i,
    { never: [password, "2secret", "hunter"] },
  ),
  configCase(
    "a mysql connection that is a postgres URL",
    sourceWith("mysql", "connection", "postgresql://okf@127.0.0.1:1/x"),
    /sources\[0\]\.connection: must be a URL such as mysql:\/\//,
  ),
  configCase(
    "a documentdb connection that is not mongodb://",
    sourceWith("documentdb", "connection", "http://127.0.0.1:1"),
    /sources\[0\]\.connection/,
  ),
  configCase(
    "a region that is not an AWS region",
    sourceWith("dynamodb", "region", "Europe"),
    /sources\[0\]\.region: must be an AWS region/,
  ),
  configCase(
    "a dynamodb profile that is a number",
    sourceWith("dynamodb", "profile", 3),
    /sources\[0\]\.profile: must be an AWS profile name or the sampling options/,
  ),
  configCase(
    "a dynamodb profile name next to an aws_profile",
    configYaml([{ ...unreachable.dynamodb, profile: "a", aws_profile: "b" }]),
    /sources\[0\]\.profile: names an AWS profile, and so does aws_profile/,
  ),
  configCase(
    "an endpoint that is not a URL",
    sourceWith("dynamodb", "endpoint", "127.0.0.1:1"),
    /sources\[0\]\.endpoint/,
  ),
  configCase(
    "an rds-data cluster in another region",
    sourceWith("rds-data", "region", "us-east-1"),
    /sources\[0\]\.region: must be the cluster's region/,
  ),
  configCase(
    "an rds-data engine that is not postgres or mysql",
    sourceWith("rds-data", "engine", "oracle"),
    /sources\[0\]\.engine/,
  ),
  configCase(
    "a glue catalog_id that is not an account id",
    sourceWith("glue", "catalog_id", "12345"),
    /sources\[0\]\.catalog_id/,
  ),
  configCase(
    "a redshift glue_source naming no glue source",
    sourceWith("redshift", "glue_source", "lake"),
    /sources\[0\]\.glue_source: "lake" is not the name of a glue source/,
  ),
  configCase(
    "a resource_host with a path",
    sourceWith("postgres", "resource_host", "db.example.com/x"),
    /sources\[0\]\.resource_host/,
  ),
  configCase(
    "an unset environment variable",
    sourceWith("postgres", "connection", "${OKF_BAD_INPUT_UNSET}"),
    /sources\[0\]\.connection: environment variable OKF_BAD_INPUT_UNSET is not set/,
  ),
  configCase(
    "an environment variable set to the empty string",
    sourceWith("postgres", "connection", "${OKF_BAD_INPUT_EMPTY}"),
    /OKF_BAD_INPUT_EMPTY is not set/,
    { env: { ...awsTestEnv, OKF_BAD_INPUT_EMPTY: "" } },
  ),
  configCase(
    "an unclosed ${ in the connection",
    sourceWith("postgres", "connection", "postgresql://okf:${DB_PASSWORD@127.0.0.1:1/crm"),
    /sources\[0\]\.connection[\s\S]*\$\{/,
    { env: { ...awsTestEnv, DB_PASSWORD: "pw" } },
  ),
  configCase(
    "an unclosed ${ in a domain",
    sourceWith("postgres", "domain", "sales${"),
    /sources\[0\]\.domain/,
  ),
  configCase(
    "an empty ${}",
    sourceWith("postgres", "connection", "${}"),
    /sources\[0\]\.connection: "\$\{\}" is not a valid environment reference/,
  ),
  configCase(
    "an environment reference that is not a name",
    sourceWith("postgres", "connection", "${1-URL}"),
    /not a valid environment reference/,
  ),
  configCase("an unknown top-level key", configYaml([pg], { colour: "blue" }), /colour/),
  configCase(
    "an unknown source key",
    sourceWith("postgres", "colour", "blue"),
    /sources\[0\][\s\S]*colour/,
  ),
  configCase(
    "an unknown defaults key",
    configYaml([pg], { defaults: { colour: 1 } }),
    /defaults[\s\S]*colour/,
  ),
  configCase(
    "an unknown profile key",
    sourceWith("postgres", "profile.sample_pages", 3),
    /sample_pages/,
  ),
  configCase(
    "a password key on a postgres source",
    sourceWith("postgres", "password", "plainS3cret"),
    /sources\[0\][\s\S]*password/,
    { never: ["plainS3cret"] },
  ),
  configCase(
    "review_interval_days 0",
    configYaml([pg], { defaults: { review_interval_days: 0 } }),
    /defaults\.review_interval_days/,
  ),
  configCase(
    "a custom rule with neither name nor value",
    configYaml([pg], { classification: { rules: [{ category: "pii.customer_number" }] } }),
    /classification\.rules\[0\][\s\S]*name/,
  ),
  configCase(
    "a custom rule with an invalid regular expression",
    configYaml([pg], { classification: { rules: [{ category: "pii.x_y", value: "(" }] } }),
    /classification\.rules\[0\]\.value: not a valid regular expression/,
  ),
  configCase(
    "a custom rule category that is one word",
    configYaml([pg], { classification: { rules: [{ category: "secret", name: "x" }] } }),
    /classification\.rules\[0\]\.category/,
  ),
  configCase(
    "a custom rule min_ratio above 1",
    configYaml([pg], {
      classification: { rules: [{ ...{ category: "pii.x_y", name: "x" }, min_ratio: 2 }] },
    }),
    /classification\.rules\[0\]\.min_ratio/,
  ),
  configCase("an empty bundle path", configYaml([pg], { bundle: "" }), /bundle/),
];
