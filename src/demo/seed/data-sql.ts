/**
 * Synthetic rows for the demo CRM, generated in SQL from `generate_series` with modular
 * arithmetic instead of random(), so every seeding writes the same rows in the same physical
 * order (which keeps planner statistics and samples identical run after run). Every name is
 * obviously synthetic, e-mail addresses use the reserved example.com / example.org domains and
 * phone numbers the fictional 555-01xx range. Timestamps are fixed literals, never now().
 */
export const dataSql = `
INSERT INTO sales.territory (territory_id, territory_name, region, parent_territory_id, is_active)
VALUES
  (1, 'AMER', 'amer', NULL, true),
  (2, 'EMEA', 'emea', NULL, true),
  (3, 'APAC', 'apac', NULL, true),
  (4, 'AMER East', 'amer', 1, true),
  (5, 'AMER West', 'amer', 1, true),
  (6, 'AMER Public Sector', 'amer', 1, false),
  (7, 'EMEA North', 'emea', 2, true),
  (8, 'EMEA Central', 'emea', 2, true),
  (9, 'EMEA South', 'emea', 2, true),
  (10, 'APAC ANZ', 'apac', 3, true),
  (11, 'APAC Japan', 'apac', 3, true),
  (12, 'APAC Southeast', 'apac', 3, true);

INSERT INTO sales.customer_account (account_id, account_name, segment, lifecycle_stage,
  owner_email, billing_contact_phone, territory_id, employee_count, email_opt_in,
  created_at, updated_at)
SELECT i,
  'Account ' || lpad(i::text, 4, '0'),
  CASE WHEN i % 31 = 0 THEN NULL
    ELSE (ARRAY['smb', 'smb', 'smb', 'mid_market', 'mid_market', 'enterprise'])[1 + (i * 7) % 6] END,
  (ARRAY['prospect', 'onboarding', 'active', 'active', 'active', 'churned'])[1 + (i * 5) % 6]::sales.lifecycle,
  'owner' || lpad((1 + (i * 3) % 24)::text, 2, '0') || '@example.com',
  CASE WHEN i % 9 = 0 THEN NULL ELSE '+1 202-555-01' || lpad(((i * 13) % 100)::text, 2, '0') END,
  CASE WHEN i % 97 = 0 THEN NULL ELSE 4 + (i * 11) % 9 END,
  10 + (i * 7919) % 4990,
  i % 3 = 0,
  c.created_at,
  c.created_at + ((i * 131) % 300) * interval '1 day'
FROM generate_series(1, 400) AS i
CROSS JOIN LATERAL (
  SELECT timestamptz '2019-03-01 00:00:00+00'
    + ((i * 7919) % 2400) * interval '1 day' + ((i * 37) % 86400) * interval '1 second' AS created_at
) AS c
ORDER BY i;

INSERT INTO sales.opportunity (opportunity_id, account_id, opportunity_name, stage, amount,
  currency, probability, expected_close_date, created_at)
SELECT i,
  1 + (i * 37) % 400,
  'Opportunity ' || lpad(i::text, 4, '0'),
  s.stage,
  (1000 + (i * 7919) % 89000 + ((i * 13) % 100) / 100.0)::numeric(12,2),
  CASE i % 10 WHEN 0 THEN 'USD' WHEN 1 THEN 'GBP' ELSE 'EUR' END,
  CASE s.stage WHEN 'qualification' THEN 10 WHEN 'proposal' THEN 40 WHEN 'negotiation' THEN 70
    WHEN 'closed_won' THEN 100 ELSE 0 END,
  CASE WHEN i % 25 = 0 THEN NULL ELSE date '2024-01-01' + (i * 53) % 1000 END,
  timestamptz '2023-06-01 09:00:00+00' + ((i * 61) % 500) * interval '1 day'
FROM generate_series(1, 600) AS i
CROSS JOIN LATERAL (
  SELECT (ARRAY['qualification', 'proposal', 'negotiation', 'closed_won', 'closed_won',
    'closed_lost'])[1 + (i * 7) % 6] AS stage
) AS s
ORDER BY i;

INSERT INTO sales.sales_order (order_number, account_id, opportunity_id, ordered_at, status, currency)
SELECT 'SO-' || lpad(i::text, 6, '0'),
  1 + (i * 37) % 400,
  CASE WHEN i % 4 = 0 THEN NULL ELSE i END,
  timestamptz '2024-01-15 14:00:00+00' + ((i * 41) % 680) * interval '1 day',
  (ARRAY['fulfilled', 'fulfilled', 'fulfilled', 'open', 'cancelled'])[1 + i % 5],
  CASE i % 10 WHEN 0 THEN 'USD' WHEN 1 THEN 'GBP' ELSE 'EUR' END
FROM generate_series(1, 450) AS i
ORDER BY i;

INSERT INTO sales.order_line (order_id, line_number, product_code, quantity, unit_price)
SELECT o.order_id, n,
  'SKU-' || lpad(((o.order_id * 7 + n * 13) % 40 + 1)::text, 3, '0'),
  1 + (o.order_id + n * 3) % 12,
  (50 + (o.order_id * 31 + n * 17) % 950 + 0.99)::numeric(12,2)
FROM sales.sales_order AS o
CROSS JOIN LATERAL generate_series(1, 1 + (o.order_id % 4)::integer) AS n
ORDER BY o.order_id, n;

INSERT INTO finance.invoice (invoice_id, invoice_number, account_id, order_id, issued_on, due_on,
  amount, currency, status, paid_at)
SELECT o.order_id,
  'INV-' || lpad(o.order_id::text, 6, '0'),
  o.account_id,
  o.order_id,
  d.issued_on,
  d.issued_on + 30,
  t.total,
  o.currency,
  d.status,
  CASE WHEN d.status = 'paid'
    THEN (d.issued_on + (o.order_id % 25)::integer)::timestamp AT TIME ZONE 'UTC' + interval '10 hours'
  END
FROM sales.sales_order AS o
JOIN (SELECT order_id, sum(line_total) AS total FROM sales.order_line GROUP BY order_id) AS t
  ON t.order_id = o.order_id
CROSS JOIN LATERAL (
  SELECT (o.ordered_at AT TIME ZONE 'UTC')::date + 3 AS issued_on,
    CASE WHEN o.order_id % 7 = 0 THEN 'overdue' WHEN o.order_id % 13 = 0 THEN 'void'
      WHEN o.order_id % 5 = 0 THEN 'issued' ELSE 'paid' END AS status
) AS d
WHERE o.status <> 'cancelled'
ORDER BY o.order_id;

INSERT INTO finance.revenue_recognized (recognition_id, invoice_id, account_id, period_month,
  amount, currency, recognized_at)
SELECT row_number() OVER (ORDER BY inv.invoice_id, m),
  inv.invoice_id,
  inv.account_id,
  p.period_month,
  round(inv.amount / (1 + inv.invoice_id % 3), 2),
  inv.currency,
  (p.period_month + interval '1 month' + interval '2 days 2 hours')::timestamp AT TIME ZONE 'UTC'
FROM finance.invoice AS inv
CROSS JOIN LATERAL generate_series(0, (inv.invoice_id % 3)::integer) AS m
CROSS JOIN LATERAL (
  SELECT (date_trunc('month', inv.issued_on) + m * interval '1 month')::date AS period_month
) AS p
WHERE inv.status <> 'void'
ORDER BY inv.invoice_id, m;

INSERT INTO legacy.customer_account_2019 (account_id, account_name, segment, owner_email,
  region, exported_at)
SELECT 100000 + i,
  'Legacy Account ' || lpad(i::text, 4, '0'),
  CASE WHEN i % 5 < 3 THEN NULL ELSE (ARRAY['smb', 'mid_market', 'enterprise'])[1 + (i * 7) % 3] END,
  CASE WHEN i % 7 = 0 THEN NULL ELSE 'rep' || lpad((1 + i % 15)::text, 2, '0') || '@example.org' END,
  (ARRAY['amer', 'emea', 'apac'])[1 + i % 3],
  timestamptz '2019-12-31 23:00:00+00' + i * interval '1 minute'
FROM generate_series(1, 250) AS i
ORDER BY i;
`;
