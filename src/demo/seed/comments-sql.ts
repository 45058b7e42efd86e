/**
 * Source comments, as a data team would write them. Most objects have one; a few columns and
 * the legacy table's columns deliberately have none, so the demo shows generated descriptions too.
 * No comment contains an address or number that looks like personal data.
 */
export const commentsSql = `
COMMENT ON SCHEMA sales IS 'Revenue operations: accounts, territories, opportunities and orders.';
COMMENT ON SCHEMA finance IS 'Invoicing and recognised revenue; the approved source for financial reporting.';
COMMENT ON SCHEMA legacy IS 'Frozen exports from retired systems, kept for audit.';

COMMENT ON TYPE sales.lifecycle IS 'Stage of a customer in the account lifecycle.';
COMMENT ON DOMAIN finance.currency_code IS 'ISO 4217 currency code, three upper-case letters.';

COMMENT ON TABLE sales.territory IS 'Sales territories, two levels: region and sub-territory.';
COMMENT ON COLUMN sales.territory.territory_id IS 'Territory identifier.';
COMMENT ON COLUMN sales.territory.territory_name IS 'Display name of the territory.';
COMMENT ON COLUMN sales.territory.region IS 'Top-level sales region.';
COMMENT ON COLUMN sales.territory.parent_territory_id IS 'Region this territory belongs to; null for a region.';
COMMENT ON COLUMN sales.territory.is_active IS 'False once a territory is retired.';

COMMENT ON TABLE sales.customer_account IS 'Customer accounts synchronised from the CRM; source of truth for segment, owner and territory.';
COMMENT ON COLUMN sales.customer_account.account_id IS 'CRM account id, numeric part.';
COMMENT ON COLUMN sales.customer_account.account_name IS 'Legal name of the customer company.';
COMMENT ON COLUMN sales.customer_account.segment IS 'Commercial segment; null for accounts not yet segmented.';
COMMENT ON COLUMN sales.customer_account.lifecycle_stage IS 'Stage in the customer lifecycle.';
COMMENT ON COLUMN sales.customer_account.owner_email IS 'Work address of the account executive responsible.';
COMMENT ON COLUMN sales.customer_account.billing_contact_phone IS 'Phone number of the billing contact.';
COMMENT ON COLUMN sales.customer_account.territory_id IS 'Sales territory the account is assigned to.';
COMMENT ON COLUMN sales.customer_account.employee_count IS 'Headcount reported by the customer.';
COMMENT ON COLUMN sales.customer_account.email_opt_in IS 'Whether the billing contact agreed to marketing mail.';
COMMENT ON COLUMN sales.customer_account.updated_at IS 'Last sync from the CRM.';

COMMENT ON TABLE sales.opportunity IS 'Sales opportunities per account, from qualification to close.';
COMMENT ON COLUMN sales.opportunity.opportunity_id IS 'Opportunity identifier.';
COMMENT ON COLUMN sales.opportunity.account_id IS 'Account the opportunity belongs to.';
COMMENT ON COLUMN sales.opportunity.stage IS 'Pipeline stage; closed_won and closed_lost are final.';
COMMENT ON COLUMN sales.opportunity.amount IS 'Expected contract value in the opportunity currency.';
COMMENT ON COLUMN sales.opportunity.probability IS 'Win probability in percent, set by stage.';
COMMENT ON COLUMN sales.opportunity.expected_close_date IS 'Forecast close date; null when not forecast yet.';

COMMENT ON TABLE sales.sales_order IS 'Orders booked against accounts, usually from a won opportunity.';
COMMENT ON COLUMN sales.sales_order.order_id IS 'Order identifier, assigned by the database.';
COMMENT ON COLUMN sales.sales_order.order_number IS 'Order number shown to customers.';
COMMENT ON COLUMN sales.sales_order.opportunity_id IS 'Won opportunity the order came from; null for direct orders.';
COMMENT ON COLUMN sales.sales_order.status IS 'Fulfilment status.';

COMMENT ON TABLE sales.order_line IS 'Line items of an order.';
COMMENT ON COLUMN sales.order_line.product_code IS 'Catalogue product code.';
COMMENT ON COLUMN sales.order_line.quantity IS 'Units ordered.';
COMMENT ON COLUMN sales.order_line.unit_price IS 'Price per unit in the order currency.';
COMMENT ON COLUMN sales.order_line.line_total IS 'quantity times unit_price, computed by the database.';

COMMENT ON TABLE finance.invoice IS 'Invoices issued to customer accounts, one per fulfilled or open order.';
COMMENT ON COLUMN finance.invoice.invoice_id IS 'Invoice identifier.';
COMMENT ON COLUMN finance.invoice.invoice_number IS 'Invoice number printed on the document.';
COMMENT ON COLUMN finance.invoice.account_id IS 'Invoiced account.';
COMMENT ON COLUMN finance.invoice.order_id IS 'Order the invoice bills.';
COMMENT ON COLUMN finance.invoice.issued_on IS 'Issue date.';
COMMENT ON COLUMN finance.invoice.due_on IS 'Payment due date, 30 days after issue.';
COMMENT ON COLUMN finance.invoice.amount IS 'Invoice total in the invoice currency, before tax.';
COMMENT ON COLUMN finance.invoice.status IS 'Payment status.';
COMMENT ON COLUMN finance.invoice.paid_at IS 'When the payment was received; null while unpaid.';

COMMENT ON TABLE finance.revenue_recognized IS 'Recognised revenue per invoice and month; the approved source for audited revenue.';
COMMENT ON COLUMN finance.revenue_recognized.recognition_id IS 'Recognition entry identifier.';
COMMENT ON COLUMN finance.revenue_recognized.invoice_id IS 'Invoice the revenue comes from.';
COMMENT ON COLUMN finance.revenue_recognized.account_id IS 'Account the revenue is attributed to.';
COMMENT ON COLUMN finance.revenue_recognized.period_month IS 'First day of the month the revenue is recognised in.';
COMMENT ON COLUMN finance.revenue_recognized.amount IS 'Recognised amount in the invoice currency.';
COMMENT ON COLUMN finance.revenue_recognized.recognized_at IS 'When the month was closed for this entry.';

COMMENT ON VIEW sales.active_accounts IS 'Accounts in the active lifecycle stage.';
COMMENT ON MATERIALIZED VIEW finance.monthly_revenue IS 'Recognised revenue per month and currency; refreshed after month close.';

COMMENT ON TABLE legacy.customer_account_2019 IS 'Export of the retired 2019 CRM; segment was optional then and is often missing.';
`;
