import {
  addFrontmatterLine,
  demoPaths,
  setApproval,
  type EditConcept,
} from "../read/search/demo-bundle-copy.js";

/** Sets the Decision cell (the last) of the join-table row whose Join cell is `condition`. */
export const decideJoin =
  (condition: string, decision: "approved" | "rejected") =>
  (text: string): string =>
    text.replace(
      new RegExp(
        `^(\\| \`${condition.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\` \\|.*\\|) \\|$`,
        "m",
      ),
      `$1 ${decision} |`,
    );

/**
 * What a steward does to the demo's drafts after reading them (docs/evaluation.md): retires the
 * 2019 export in favour of the current table and rejects its look-alike join, approves the view's
 * joins, and adds the person's name the classifier did not flag. Nothing else.
 */
export function reviewDemoBundle(edit: EditConcept): void {
  edit(demoPaths.customerAccount2019, setApproval("deprecated"));
  edit(
    demoPaths.customerAccount2019,
    addFrontmatterLine("replaced_by: sales.crm.customer_account"),
  );
  edit(
    demoPaths.customerAccount2019,
    decideJoin(
      "legacy.customer_account_2019.account_id = sales.customer_account.account_id",
      "rejected",
    ),
  );
  edit(
    demoPaths.activeAccounts,
    decideJoin("active_accounts.account_id = customer_account.account_id", "approved"),
  );
  edit(
    demoPaths.activeAccounts,
    decideJoin("active_accounts.territory_id = territory.territory_id", "approved"),
  );
  edit(demoPaths.commerceApp, (text) =>
    text.replace(
      /^(\| Field \| Category \| Confidence \| Evidence \| Decision \| Masking \|\n\| --- .*\n)/m,
      "$1| display_name | pii.person_name | person | the customer's own name, shown in the app | confirmed | redact |\n",
    ),
  );
}
