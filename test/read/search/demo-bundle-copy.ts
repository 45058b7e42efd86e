import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../../helpers/run-cli.js";

const demoBundle = new URL("../../../knowledge", import.meta.url).pathname;

/** A project folder holding a copy of the committed demo bundle; `knowledge/` itself stays untouched. */
export function demoProject(): { dir: string; bundle: string; edit: EditConcept } {
  const dir = tempDir("okf-search-");
  const bundle = join(dir, "knowledge");
  cpSync(demoBundle, bundle, { recursive: true });
  writeFileSync(join(dir, "okf.config.yaml"), "bundle: knowledge\nsources: []\n");
  const edit: EditConcept = (path, change) => {
    const file = join(bundle, path);
    const before = readFileSync(file, "utf8");
    const after = change(before);
    if (after === before) throw new Error(`the edit of ${path} changed nothing`);
    writeFileSync(file, after);
  };
  return { dir, bundle, edit };
}

export type EditConcept = (path: string, change: (text: string) => string) => void;

export const demoPaths = {
  customerAccount: "crm/postgres/sales/customer_account.md",
  customerAccount2019: "crm/postgres/legacy/customer_account_2019.md",
  activeAccounts: "crm/postgres/sales/active_accounts.md",
  opportunity: "crm/postgres/sales/opportunity.md",
  invoice: "crm/postgres/finance/invoice.md",
  monthlyRevenue: "crm/postgres/finance/monthly_revenue.md",
  revenueRecognized: "crm/postgres/finance/revenue_recognized.md",
  orderLine: "crm/postgres/sales/order_line.md",
  territory: "crm/postgres/sales/territory.md",
  commerceApp: "orders/commerce_app.md",
} as const;

/** Frontmatter edits a steward or `extract` would make. */
export const setApproval =
  (status: string) =>
  (text: string): string =>
    text
      .replace(/^approval_status: .*$/m, `approval_status: ${status}`)
      .replace(/^status: .*$/m, `status: ${status === "deprecated" ? "deprecated" : "draft"}`);

export const addFrontmatterLine =
  (line: string) =>
  (text: string): string =>
    text.replace(/^approval_status: /m, `${line}\napproval_status: `);
