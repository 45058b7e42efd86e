import { mkdir, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { initialLogText, initialRootIndexText } from "../bundle/log-file.js";
import { installedConfigJsonSchemaFile } from "../config/json-schema.js";
import { defaultConfigFile } from "../config/load-config.js";
import { UsageError } from "../errors.js";
import { folderProblem } from "../folder-problem.js";

export interface InitResult {
  dir: string;
  created: string[];
  kept: string[];
}

export const starterConfig = `# okf configuration: see docs/configuration.md in the okf repository.
# Values may use \${ENV_NAME}; an unset variable is an error. Secrets are never written anywhere.

# The OKF bundle root, relative to this file.
bundle: knowledge

# Initial values of human-owned keys in new drafts. Extract never changes them once written.
defaults:
  # cloud: aws                     # okf writes aws itself for AWS services and *.amazonaws.com hosts
  # environment: production       # e.g. production or staging; new drafts get it when set
  steward: data-platform-team
  review_interval_days: 90

sources:
  # One PostgreSQL database (RDS, Aurora PostgreSQL or self-managed) per source.
  - name: crm                        # unique; the first folder in the bundle
    type: postgres
    connection: \${CRM_DATABASE_URL}  # postgres://reader@host:5432/crm_prod (use a read-only role)
    system: aurora-postgresql        # label written to frontmatter
    domain: sales
    include: ["*.*"]                 # globs over <schema>.<table>
    exclude: ["*.tmp_*"]
    # statement_timeout_ms: 30000
    # lock_timeout_ms: 5000

  # More sources: uncomment and adapt. Each type's keys and permissions are in docs/sources/.
  # - name: shop                     # MySQL, Aurora MySQL or MariaDB
  #   type: mysql
  #   connection: \${SHOP_MYSQL_URL}   # mysql://reader@host:3306/
  #   databases: [shop]
  # - name: billing                  # Aurora through the RDS Data API (no network path needed)
  #   type: rds-data
  #   region: eu-west-1
  #   resource_arn: arn:aws:rds:eu-west-1:123456789012:cluster:billing
  #   secret_arn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:okf-reader-AbCdEf
  #   database: billing
  #   engine: postgres               # or mysql
  # - name: lake                     # the AWS Glue Data Catalog (Athena, EMR, Spectrum)
  #   type: glue
  #   region: eu-west-1
  #   databases: ["analytics_*"]
  # - name: warehouse                # Amazon Redshift
  #   type: redshift
  #   connection: \${WAREHOUSE_URL}    # postgresql://reader@cluster:5439/dev
  #   glue_source: lake              # link Spectrum tables to the lake's concepts
  # - name: orders                   # Amazon DynamoDB
  #   type: dynamodb
  #   region: eu-west-1
  # - name: support                  # Amazon DocumentDB or MongoDB
  #   type: documentdb
  #   connection: \${SUPPORT_DOCDB_URL}
  #   tls_ca_file: global-bundle.pem
`;

/**
 * The config's first line: yaml-language-server (VS Code's YAML extension and other editors)
 * checks and completes the file with the JSON Schema of this okf installation. A file URL of the
 * installed schema, resolved now: it does not depend on where the config is, or on a
 * node_modules folder next to it (a global install has none). Nothing when the schema is missing.
 */
export function schemaModeline(schemaFile: string | undefined): string {
  if (schemaFile === undefined) return "";
  return `# yaml-language-server: $schema=${pathToFileURL(schemaFile).href}\n`;
}

/** Writes a commented config and the bundle root; never overwrites an existing file. */
export async function initCommand(options: { cwd: string; dir?: string }): Promise<InitResult> {
  const dir = resolve(options.cwd, options.dir ?? ".");
  const problem = folderProblem(dir, { mayBeMissing: true });
  if (problem !== undefined) {
    throw new UsageError(
      `--dir ${options.dir ?? "."} ${problem}.`,
      "Pass a folder for okf init to write into.",
    );
  }
  const files: Array<[string, string]> = [
    [defaultConfigFile, schemaModeline(installedConfigJsonSchemaFile()) + starterConfig],
    [join("knowledge", "index.md"), initialRootIndexText()],
    [join("knowledge", "log.md"), initialLogText()],
  ];
  const result: InitResult = { dir, created: [], kept: [] };
  for (const [name, text] of files) {
    const path = join(dir, name);
    await mkdir(join(path, ".."), { recursive: true });
    try {
      await writeFile(path, text, { flag: "wx" });
      result.created.push(relative(options.cwd, path) || name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      result.kept.push(relative(options.cwd, path) || name);
    }
  }
  return result;
}
