import { describe, expect, it } from "vitest";
import { exactInstant, zonelessDateTime } from "../../../extractors/shared/sampled-values.js";

describe("zonelessDateTime", () => {
  it("keeps every digit and claims no zone", () => {
    expect(zonelessDateTime("2022-09-10 16:46:03.905795")).toBe("2022-09-10T16:46:03.905795");
    expect(zonelessDateTime("2006-02-14 22:04:36")).toBe("2006-02-14T22:04:36");
    expect(zonelessDateTime("2024-02-01T08:30:00.250")).toBe("2024-02-01T08:30:00.25");
    expect(zonelessDateTime("2024-02-01 08:30:00.000")).toBe("2024-02-01T08:30:00");
  });

  it("leaves what is not a valid date-time as the server wrote it", () => {
    expect(zonelessDateTime("0000-00-00 00:00:00")).toBe("0000-00-00 00:00:00");
    expect(zonelessDateTime("infinity")).toBe("infinity");
    expect(zonelessDateTime("2024-02-30 10:00:00")).toBe("2024-02-30 10:00:00");
  });
});

describe("exactInstant", () => {
  it("moves the instant to UTC and keeps the digits past the milliseconds", () => {
    expect(exactInstant("2022-09-10 16:46:03.905795+00")).toBe("2022-09-10T16:46:03.905795Z");
    expect(exactInstant("2022-09-10 18:46:03.9057+02")).toBe("2022-09-10T16:46:03.9057Z");
    expect(exactInstant("2022-09-10 11:16:03.5-05:30")).toBe("2022-09-10T16:46:03.5Z");
    expect(exactInstant("2026-11-27 02:00:00+00")).toBe("2026-11-27T02:00:00Z");
  });

  it("leaves infinity and other text as it came", () => {
    expect(exactInstant("-infinity")).toBe("-infinity");
  });
});
