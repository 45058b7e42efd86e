/**
 * `sample_mflix`-like collections of a made-up cinema chain: users with bcrypt-shaped password
 * hashes (and two passwords left in clear text), and theaters with nested addresses and GeoJSON
 * points.
 */
import { Double, Int32, type Document } from "bson";
import { seededRandom } from "./random.js";
import { city, email, person, street, usStates, zipCode } from "./words.js";

const cryptAlphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

const userCount = 185;
const theaterCount = 1_564;

export function users(): Document[] {
  const random = seededRandom(21);
  const emails = new Set<string>();
  const hashed = Array.from({ length: userCount - 2 }, (_, index) => {
    const { first, last } = person(random);
    return {
      _id: random.objectId(1_505_336_756, index),
      name: `${first} ${last}`,
      email: email(random, emails),
      // Shaped like bcrypt at cost 12: a 22-character salt and a 31-character digest.
      password: `$2b$12$${random.text(cryptAlphabet, 53)}`,
    };
  });
  // Test accounts someone created by hand, without the application's hashing.
  return [
    ...hashed,
    {
      _id: random.objectId(1_571_931_000, 0),
      name: "Test Account",
      email: "qa.account@example.com",
      password: "somehashedpw",
    },
    {
      _id: random.objectId(1_571_931_000, 7),
      name: "foo",
      email: "foobaz@example.org",
      password: "foobar",
      preferences: {},
    },
  ];
}

/** A coordinate with a fractional part, so that relaxed EJSON keeps it a non-integer number. */
function coordinate(min: number, max: number, value: number): Double {
  const scaled = Math.round((min + value * (max - min)) * 1e6) / 1e6;
  return new Double(Number.isInteger(scaled) ? scaled + 0.000_5 : scaled);
}

export function theaters(): Document[] {
  const random = seededRandom(22);
  return Array.from({ length: theaterCount }, (_, index) => {
    const street2 = random.next() < 0.35 ? { street2: `Ste ${String(random.int(1, 900))}` } : {};
    // A few ZIP+4 codes among the five-digit ones (at 210 and 218 within the first 300).
    const zipcode =
      index === 210 || index === 218 || (index >= 300 && index % 97 === 50)
        ? `${zipCode(random)}-${String(random.int(1_000, 9_999))}`
        : zipCode(random);
    return {
      _id: random.objectId(1_504_211_590, index),
      theaterId: new Int32(1_000 + index * 3 + random.int(0, 2)),
      location: {
        address: {
          street1: street(random),
          ...street2,
          city: city(random),
          state: random.pick(usStates),
          zipcode,
        },
        geo: {
          type: "Point",
          coordinates: [coordinate(-124, -70, random.next()), coordinate(25, 48.5, random.next())],
        },
      },
    };
  });
}
