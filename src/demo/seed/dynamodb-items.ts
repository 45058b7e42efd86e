/**
 * Synthetic items for the demo's DynamoDB tables. Everything derives from loop indexes and fixed
 * timestamps, so every run seeds exactly the same items.
 */

/** 2026-10-01T08:00:00Z, in seconds. */
const seedEpoch = Date.UTC(2026, 9, 1, 8) / 1000;
/** Order events expire 400 days after they happen (the TTL attribute). */
const retentionSeconds = 400 * 24 * 3600;

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace(".000", "");
const pad = (value: number, width = 3): string => String(value).padStart(width, "0");

const products = [
  { sku: "SKU-1001", name: "Chef's knife 20 cm", category: "kitchen", price: 59.9 },
  { sku: "SKU-1002", name: "Cast iron skillet", category: "kitchen", price: 44.5 },
  { sku: "SKU-1003", name: "Linen tea towel", category: "kitchen", price: 8.9 },
  { sku: "SKU-2001", name: "Trail running shoe", category: "outdoor", price: 129 },
  { sku: "SKU-2002", name: "Insulated bottle 750 ml", category: "outdoor", price: 27.5 },
  { sku: "SKU-3001", name: "Desk lamp", category: "home_office", price: 74 },
  { sku: "SKU-3002", name: "Notebook A5 dotted", category: "home_office", price: 6.5 },
  { sku: "SKU-3003", name: "Monitor arm", category: "home_office", price: 99 },
] as const;

interface OrderLine {
  sku: string;
  qty: number;
}

/** Order `n`'s lines: one to three products, quantities 1 to 3. */
function linesOf(n: number): OrderLine[] {
  const count = 1 + (n % 3);
  return Array.from({ length: count }, (_, index) => ({
    sku: products[(n * 3 + index * 5) % products.length]?.sku ?? "SKU-1001",
    qty: 1 + ((n + index) % 3),
  }));
}

function amountOf(lines: OrderLine[]): number {
  const cents = lines.reduce((sum, line) => {
    const price = products.find((product) => product.sku === line.sku)?.price ?? 0;
    return sum + Math.round(price * 100) * line.qty;
  }, 0);
  return cents / 100;
}

/** The event types an order goes through; every seventh is cancelled and refunded instead. */
function lifecycleOf(n: number): string[] {
  if (n % 7 === 3)
    return ["created", "payment_completed", "cancellation_requested", "refund_completed"];
  if (n % 5 === 4) return ["created", "payment_completed", "shipment_initiated"];
  return ["created", "payment_completed", "shipment_initiated", "delivered"];
}

const orderCount = 36;

/** order_events: about 140 events of 36 orders. */
export function orderEventItems(): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  for (let n = 1; n <= orderCount; n++) {
    const orderId = `ord-${pad(n, 5)}`;
    const placed = seedEpoch + n * 5_400;
    const lines = linesOf(n);
    const amount = amountOf(lines);
    lifecycleOf(n).forEach((eventType, step) => {
      const at = placed + step * 86_400 + step * 1_800;
      const item: Record<string, unknown> = {
        order_id: orderId,
        event_timestamp: iso(at),
        event_type: eventType,
        customer_id: `c${pad(1 + (n % 12))}`,
        expires_at: at + retentionSeconds,
      };
      if (eventType === "created") Object.assign(item, { lines, amount, currency: "EUR" });
      if (eventType === "payment_completed") {
        Object.assign(item, {
          amount,
          currency: "EUR",
          payment_method: n % 4 === 0 ? "sepa_debit" : "card",
        });
      }
      if (eventType === "shipment_initiated") {
        Object.assign(item, {
          carrier: n % 2 === 0 ? "dhl" : "colissimo",
          parcel_count: 1 + (lines.length > 2 ? 1 : 0),
        });
      }
      if (eventType === "refund_completed") Object.assign(item, { amount, currency: "EUR" });
      items.push(item);
    });
  }
  return items;
}

const tiers = ["standard", "silver", "gold"] as const;

/** commerce_app: 12 customer profiles, their orders and the product catalogue, in one table. */
export function commerceAppItems(): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  for (let c = 1; c <= 12; c++) {
    const customer = `c${pad(c)}`;
    const tier = tiers[c % tiers.length] ?? "standard";
    items.push({
      pk: `CUSTOMER#${customer}`,
      sk: "PROFILE",
      entity_type: "customer",
      email: `customer${pad(c)}@example.com`,
      display_name: `Demo Customer ${pad(c)}`,
      tier,
      marketing_opt_in: c % 3 !== 0,
      address: {
        city: ["Lyon", "Porto", "Ghent", "Turin"][c % 4],
        country: ["FR", "PT", "BE", "IT"][c % 4],
      },
      created_at: iso(seedEpoch - c * 86_400 * 30),
      gsi1pk: `TIER#${tier}`,
      gsi1sk: `CUSTOMER#${customer}`,
    });
  }
  for (let n = 1; n <= orderCount; n++) {
    const customer = `c${pad(1 + (n % 12))}`;
    const placed = iso(seedEpoch + n * 5_400);
    const lines = linesOf(n);
    items.push({
      pk: `CUSTOMER#${customer}`,
      sk: `ORDER#${placed}`,
      entity_type: "order",
      order_id: `ord-${pad(n, 5)}`,
      status: lifecycleOf(n).at(-1),
      total: amountOf(lines),
      item_count: lines.reduce((sum, line) => sum + line.qty, 0),
      gsi1pk: `ORDER#ord-${pad(n, 5)}`,
      gsi1sk: `CUSTOMER#${customer}`,
    });
  }
  for (const product of products) {
    items.push({
      pk: `PRODUCT#${product.sku}`,
      sk: "DETAILS",
      entity_type: "product",
      name: product.name,
      category: product.category,
      price: product.price,
      tags: new Set([product.category, product.price >= 50 ? "premium" : "everyday"]),
      gsi1pk: `CATEGORY#${product.category}`,
      gsi1sk: `PRODUCT#${product.sku}`,
    });
  }
  return items;
}
