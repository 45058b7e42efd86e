import { describe, expect, it } from "vitest";
import { isIpAddress, isIpAddressOrNetwork } from "../../src/detectors/index.js";

describe("isIpAddress", () => {
  it("accepts IPv4 and IPv6 addresses", () => {
    for (const ip of [
      "8.8.8.8",
      "192.168.1.10",
      "127.0.0.1",
      "::1",
      "2001:db8::8a2e:370:7334",
      "::ffff:192.0.2.1",
    ]) {
      expect(isIpAddress(ip), ip).toBe(true);
    }
  });

  it("rejects versions, out-of-range octets, times and ports", () => {
    for (const value of [
      "1.2.3",
      "256.1.1.1",
      "1.2.3.4.5",
      "02:00:00",
      "127.0.0.1:5432",
      "v1.2.3.4",
      "2026-11-27T02:00:00Z",
      "Users-6b0cc9",
    ]) {
      expect(isIpAddress(value), value).toBe(false);
    }
  });
});

describe("isIpAddressOrNetwork", () => {
  it("accepts addresses with a prefix length, as PostgreSQL writes inet and cidr as text", () => {
    for (const value of ["192.0.2.7/32", "10.0.0.0/8", "2001:db8::/64", "::1/128", "192.0.2.7"]) {
      expect(isIpAddressOrNetwork(value), value).toBe(true);
    }
  });

  it("rejects prefixes out of range and anything that is not an address", () => {
    for (const value of ["192.0.2.7/33", "2001:db8::/129", "10.0.0.0/8/8", "1/2", "10.0.0.0/"]) {
      expect(isIpAddressOrNetwork(value), value).toBe(false);
    }
  });
});
