/**
 * `sample_analytics`-like collections of a made-up brokerage: accounts, and customers whose
 * `tier_and_details` is an object keyed by random ids (a map, not a record), with birth dates,
 * emails and multi-line postal addresses.
 */
import { Int32, type Document } from "bson";
import { seededRandom, type Random } from "./random.js";
import { city, email, person, street, usStates, zipCode } from "./words.js";

const products = [
  "Brokerage",
  "Commodity",
  "CurrencyService",
  "Derivatives",
  "InvestmentFund",
  "InvestmentStock",
];
const tiers = ["Bronze", "Silver", "Gold", "Platinum"];
const benefits = [
  "24 hour dedicated line",
  "airline lounge access",
  "car rental insurance",
  "concierge services",
  "dedicated account representative",
  "financial planning assistance",
  "shopping discounts",
  "sports tickets",
  "travel insurance",
];

const accountCount = 1_746;
const customerCount = 500;

function accountIds(): number[] {
  const random = seededRandom(11);
  const ids = new Set<number>();
  while (ids.size < accountCount) ids.add(random.int(100_000, 999_999));
  return [...ids];
}

export function accounts(): Document[] {
  const random = seededRandom(12);
  return accountIds().map((id, index) => ({
    _id: random.objectId(1_554_300_000, index),
    account_id: new Int32(id),
    limit: new Int32(random.next() < 0.9 ? 10_000 : random.pick([3_000, 5_000, 9_000])),
    products: [
      ...random.some(products, random.int(0, 4)),
      // Almost every account holds stock, as in most brokerages' data.
      ...(random.next() < 0.95 ? ["InvestmentStock"] : []),
    ].filter((product, position, all) => all.indexOf(product) === position),
  }));
}

/** Military addresses have no street; some customers have one. */
function postalAddress(random: Random): string {
  if (random.next() < 0.1) {
    const unit = `Unit ${String(random.int(1_000, 9_999))} Box ${String(random.int(1_000, 9_999))}`;
    return `${unit}\n${random.pick(["DPO", "APO", "FPO"])} ${random.pick(["AA", "AE", "AP"])} ${zipCode(random)}`;
  }
  return `${street(random)}\n${city(random)}, ${random.pick(usStates)} ${zipCode(random)}`;
}

function tierDetails(random: Random): Document {
  // Fewer than half of the customers have a tier at all.
  const count = random.next() < 0.54 ? 0 : random.int(1, 4);
  const details: Document = {};
  for (let n = 0; n < count; n += 1) {
    const id = random.hex(32);
    details[id] = {
      tier: random.pick(tiers),
      id,
      active: random.next() < 0.9,
      benefits: random.some(benefits, random.int(1, 2)),
    };
  }
  return details;
}

export function customers(): Document[] {
  const random = seededRandom(13);
  const ids = accountIds();
  const emails = new Set<string>();
  return Array.from({ length: customerCount }, (_, index) => {
    const { first, last } = person(random);
    const birthdate = new Date(Date.UTC(1940, 0, 1) + random.int(0, 60 * 365) * 86_400_000);
    birthdate.setUTCSeconds(random.int(0, 86_399));
    return {
      _id: random.objectId(1_554_300_500, index),
      username: `${first.charAt(0)}${last}`.toLowerCase() + String(random.int(1, 99)),
      name: `${first} ${last}`,
      address: postalAddress(random),
      birthdate,
      email: email(random, emails),
      // Only the first customer has the flag, as in data sets whose schema grew over time.
      ...(index === 0 ? { active: true } : {}),
      accounts: random.some(ids, random.int(1, 6)).map((id) => new Int32(id)),
      tier_and_details: tierDetails(random),
    };
  });
}
