/** Word lists for made-up people and places; any resemblance to a real person is chance. */
import type { Random } from "./random.js";

const words = (list: string): readonly string[] => list.split(" ");

const firstNames = words(
  "Alice Amara Bruno Carla Dmitri Elena Farid Greta Hector Ingrid Jonas Keiko Lars Maren " +
    "Nadia Oscar Priya Quentin Rosa Stefan Tamsin Ulrich Vera Wendell Ximena Yusuf Zora " +
    "Bianca Callum Delia Emil Fiona Gideon Hanna Idris Juno Kasper Leona Milo Noor",
);

const lastNames = words(
  "Abernathy Bellweather Castellano Drummond Eastwick Fairbanks Galloway Hargrove Ingleby " +
    "Jansen Kowalczyk Lindqvist Marchetti Northcott Okafor Pemberton Quintero Ravensworth " +
    "Sorensen Thornbury Underhill Valdivia Whitlock Yardley Zamora Ashdown Brightwater " +
    "Coldfield Dunmore Everly",
);

const streetNames = words(
  "Maple Cedar Harbor Juniper Lakeview Mill Orchard PineRidge Quarry Riverside Sycamore " +
    "Tanner Willow Aspen Birch Chestnut Elm Foxglove Granite Hawthorn Ironwood Kingfisher " +
    "Laurel Meadow Northgate Oakmont",
);

const streetKinds = ["St", "Ave", "Rd", "Blvd", "Ln", "Dr", "Way", "Ct", "Pkwy", "Glens"];

const cityStarts = words(
  "Ash Bram Clear Dun Elm Fair Glen Hazel Iron Kings Lake Mill New Oak Pine Red Silver " +
    "Stone West Wolf",
);

const cityEnds = words(
  "ford ton ville field dale wood port bury haven brook ridge mont view crest springs",
);

export const usStates = words(
  "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH " +
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY",
);

const mailDomains = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "proton.me"];

export interface Person {
  first: string;
  last: string;
}

export function person(random: Random): Person {
  return { first: random.pick(firstNames), last: random.pick(lastNames) };
}

export function city(random: Random): string {
  const name = `${random.pick(cityStarts)}${random.pick(cityEnds)}`;
  return random.next() < 0.25 ? `${random.pick(["North", "East", "South", "Port"])} ${name}` : name;
}

export function street(random: Random): string {
  return `${String(random.int(1, 99_999))} ${random.pick(streetNames)} ${random.pick(streetKinds)}`;
}

export function zipCode(random: Random): string {
  return String(random.int(1_000, 99_950)).padStart(5, "0");
}

/** A mailbox unrelated to the person's name, as in data sets made with fake-data generators. */
export function email(random: Random, taken: Set<string>): string {
  for (;;) {
    const local = `${random.pick(lastNames)}${random.pick(firstNames)}`.toLowerCase();
    const address = `${local}${String(random.int(1, 999))}@${random.pick(mailDomains)}`;
    if (!taken.has(address)) {
      taken.add(address);
      return address;
    }
  }
}
