/**
 * DDL of the demo CRM: a revenue-operations database with the shapes the extractor has to
 * describe well (enum, domain, identity and generated columns, composite and self-referencing
 * keys, unique / check constraints, partial indexes, a legacy table without a primary key).
 * Views come after the data (see views-sql.ts) because a materialized view is filled on creation.
 */
export const schemaSql = `
CREATE SCHEMA sales;
CREATE SCHEMA finance;
CREATE SCHEMA legacy;

CREATE TYPE sales.lifecycle AS ENUM ('prospect', 'onboarding', 'active', 'churned');

CREATE DOMAIN finance.currency_code AS char(3)
  CONSTRAINT currency_code_format CHECK (VALUE ~ '^[A-Z]{3}$');

CREATE TABLE sales.territory (
  territory_id integer PRIMARY KEY,
  territory_name text NOT NULL,
  region text NOT NULL,
  parent_territory_id integer REFERENCES sales.territory (territory_id),
  is_active boolean NOT NULL DEFAULT true,
  CONSTRAINT territory_name_key UNIQUE (territory_name),
  CONSTRAINT territory_region_check CHECK (region IN ('amer', 'emea', 'apac'))
);

CREATE TABLE sales.customer_account (
  account_id bigint PRIMARY KEY,
  account_name text NOT NULL,
  segment text,
  lifecycle_stage sales.lifecycle NOT NULL DEFAULT 'prospect',
  owner_email text NOT NULL,
  billing_contact_phone text,
  territory_id integer REFERENCES sales.territory (territory_id),
  employee_count integer,
  email_opt_in boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT customer_account_owner_name_key UNIQUE (owner_email, account_name),
  CONSTRAINT customer_account_segment_check CHECK (segment IN ('smb', 'mid_market', 'enterprise')),
  CONSTRAINT customer_account_employee_count_check CHECK (employee_count > 0),
  CONSTRAINT customer_account_updated_after_created CHECK (updated_at >= created_at)
);
CREATE INDEX customer_account_territory_idx ON sales.customer_account (territory_id);
CREATE INDEX customer_account_active_updated_idx ON sales.customer_account (updated_at)
  WHERE lifecycle_stage = 'active';

CREATE TABLE sales.opportunity (
  opportunity_id bigint PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES sales.customer_account (account_id) ON DELETE CASCADE,
  opportunity_name text NOT NULL,
  stage text NOT NULL,
  amount numeric(12,2) NOT NULL,
  currency finance.currency_code NOT NULL DEFAULT 'EUR',
  probability smallint NOT NULL,
  expected_close_date date,
  created_at timestamptz NOT NULL,
  CONSTRAINT opportunity_stage_check
    CHECK (stage IN ('qualification', 'proposal', 'negotiation', 'closed_won', 'closed_lost')),
  CONSTRAINT opportunity_amount_check CHECK (amount >= 0),
  CONSTRAINT opportunity_probability_check CHECK (probability BETWEEN 0 AND 100)
);
CREATE INDEX opportunity_account_idx ON sales.opportunity (account_id);
CREATE INDEX opportunity_open_close_date_idx ON sales.opportunity (expected_close_date)
  WHERE stage NOT IN ('closed_won', 'closed_lost');

CREATE TABLE sales.sales_order (
  order_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_number text NOT NULL,
  account_id bigint NOT NULL REFERENCES sales.customer_account (account_id),
  opportunity_id bigint REFERENCES sales.opportunity (opportunity_id),
  ordered_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'open',
  currency finance.currency_code NOT NULL DEFAULT 'EUR',
  CONSTRAINT sales_order_number_key UNIQUE (order_number),
  CONSTRAINT sales_order_status_check CHECK (status IN ('open', 'fulfilled', 'cancelled'))
);
CREATE INDEX sales_order_account_idx ON sales.sales_order (account_id);

CREATE TABLE sales.order_line (
  order_id bigint NOT NULL REFERENCES sales.sales_order (order_id) ON DELETE CASCADE,
  line_number smallint NOT NULL,
  product_code text NOT NULL,
  quantity integer NOT NULL,
  unit_price numeric(12,2) NOT NULL,
  line_total numeric(14,2) GENERATED ALWAYS AS (quantity * unit_price) STORED,
  PRIMARY KEY (order_id, line_number),
  CONSTRAINT order_line_quantity_check CHECK (quantity > 0),
  CONSTRAINT order_line_unit_price_check CHECK (unit_price >= 0)
);

CREATE TABLE finance.invoice (
  invoice_id bigint PRIMARY KEY,
  invoice_number text NOT NULL,
  account_id bigint NOT NULL REFERENCES sales.customer_account (account_id),
  order_id bigint REFERENCES sales.sales_order (order_id),
  issued_on date NOT NULL,
  due_on date NOT NULL,
  amount numeric(12,2) NOT NULL,
  currency finance.currency_code NOT NULL,
  status text NOT NULL,
  paid_at timestamptz,
  CONSTRAINT invoice_number_key UNIQUE (invoice_number),
  CONSTRAINT invoice_amount_check CHECK (amount >= 0),
  CONSTRAINT invoice_status_check CHECK (status IN ('issued', 'paid', 'overdue', 'void')),
  CONSTRAINT invoice_due_after_issue CHECK (due_on >= issued_on)
);
CREATE INDEX invoice_account_idx ON finance.invoice (account_id);
CREATE INDEX invoice_unpaid_due_idx ON finance.invoice (due_on) WHERE paid_at IS NULL;

CREATE TABLE finance.revenue_recognized (
  recognition_id bigint PRIMARY KEY,
  invoice_id bigint NOT NULL REFERENCES finance.invoice (invoice_id),
  account_id bigint NOT NULL REFERENCES sales.customer_account (account_id),
  period_month date NOT NULL,
  amount numeric(12,2) NOT NULL,
  currency finance.currency_code NOT NULL,
  recognized_at timestamptz NOT NULL,
  CONSTRAINT revenue_recognized_invoice_period_key UNIQUE (invoice_id, period_month),
  CONSTRAINT revenue_recognized_period_is_month_start
    CHECK (period_month = date_trunc('month', period_month)::date)
);
CREATE INDEX revenue_recognized_account_period_idx
  ON finance.revenue_recognized (account_id, period_month);

CREATE TABLE legacy.customer_account_2019 (
  account_id bigint NOT NULL,
  account_name text,
  segment text,
  owner_email text,
  region text,
  exported_at timestamptz
);
`;
