import { describe, expect, it } from "vitest";
import { isoEpoch, shapeOf } from "../../src/profiler/value-shapes.js";

describe("shapeOf", () => {
  it.each([
    ["3f2504e0-4f89-11d3-9a0c-0305e82c3301", "uuid"],
    ["ada.lovelace@example.org", "email"],
    ["https://example.com/a?b=c", "url"],
    ["s3://bucket/key", "url"],
    ["192.0.2.15", "ip_address"],
    ["2001:db8::1", "ip_address"],
    ["2024-02-29T10:15:00Z", "iso_datetime"],
    ["2024-02-29 10:15:00.123456+02:00", "iso_datetime"],
    ["2024-02-29T10:15", "iso_datetime"],
    ["2024-02-29", "iso_date"],
    ['{"a": [1, 2]}', "json"],
    ["[1, 2, 3]", "json"],
    ["12345", "numeric_string"],
    ["-12.50", "numeric_string"],
    ["00123", "numeric_string"],
    ["+44 20 7946 0958", "phone"],
    ["(555) 123-4567", "phone"],
  ])("%s is %s", (value, shape) => {
    expect(shapeOf(value)).toBe(shape);
  });

  it.each([
    "",
    "hello world",
    "2023-02-29", // not a calendar date
    "2024-13-01",
    "2024-01-01T25:00:00Z",
    "not@an-email",
    "www.example.com",
    "{not json}",
    "[1, 2",
    "1.2.3",
    "999.1.1.1",
    "12:30:00",
    "3f2504e0-4f89-11d3-9a0c-0305e82c330", // one digit short
  ])("%j has no shape", (value) => {
    expect(shapeOf(value)).toBeUndefined();
  });

  it("gives a value one shape only, the first in precedence order", () => {
    // An ISO date uses phone characters, a bare digit run could be a phone number: neither is.
    expect(shapeOf("2024-01-05")).toBe("iso_date");
    expect(shapeOf("5551234567")).toBe("numeric_string");
    expect(shapeOf("10.20.30.40")).toBe("ip_address");
  });

  it("leaves very long strings alone", () => {
    expect(shapeOf(`[${"1,".repeat(6_000)}1]`)).toBeUndefined();
  });
});

describe("isoEpoch", () => {
  it("reads dates and date-times, honouring offsets", () => {
    expect(isoEpoch("2024-01-05")).toBe(Date.UTC(2024, 0, 5));
    expect(isoEpoch("2024-01-05T10:00:00Z")).toBe(Date.UTC(2024, 0, 5, 10));
    expect(isoEpoch("2024-01-05T10:00:00+02:00")).toBe(Date.UTC(2024, 0, 5, 8));
    expect(isoEpoch("2024-01-05T10:00:00-0130")).toBe(Date.UTC(2024, 0, 5, 11, 30));
    expect(isoEpoch("2024-01-05 10:00:00.25")).toBe(Date.UTC(2024, 0, 5, 10, 0, 0, 250));
  });

  it("rejects what is not a real date", () => {
    expect(isoEpoch("2024-02-30")).toBeUndefined();
    expect(isoEpoch("January 5, 2024")).toBeUndefined();
    expect(isoEpoch("1704448800")).toBeUndefined();
  });
});
