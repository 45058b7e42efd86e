/** Views of the demo CRM; created after the data because a materialized view is filled on creation. */
export const viewsSql = `
CREATE VIEW sales.active_accounts AS
SELECT account_id, account_name, segment, territory_id, owner_email, updated_at
FROM sales.customer_account
WHERE lifecycle_stage = 'active';

CREATE MATERIALIZED VIEW finance.monthly_revenue AS
SELECT period_month, currency, sum(amount) AS recognized_amount,
  count(DISTINCT account_id) AS paying_accounts
FROM finance.revenue_recognized
GROUP BY period_month, currency
ORDER BY period_month, currency;

CREATE UNIQUE INDEX monthly_revenue_period_currency_idx
  ON finance.monthly_revenue (period_month, currency);
`;
