import { describe, expect, it } from "vitest";
import type { NormalizedMessage } from "./types";
import { catalogName, collectCatalogEntries, jsonType } from "./update-catalog";

const message = (overrides: Partial<NormalizedMessage>): NormalizedMessage => ({
  index: 0,
  type: "track",
  messageId: "m",
  userId: "u",
  anonymousId: null,
  name: "Signed Up",
  properties: {},
  traits: null,
  context: null,
  extra: null,
  timestamp: new Date(0),
  sentAt: null,
  groupId: null,
  previousId: null,
  traitEmail: null,
  traitTimezone: null,
  contextTimezoneReported: false,
  contextTimezone: null,
  ...overrides,
});

describe("event catalog", () => {
  it.each([
    ["s", "string"],
    [1.5, "number"],
    [false, "boolean"],
    [{ a: 1 }, "object"],
    [[1], "array"],
    [null, null],
  ])("types %j as %s", (value, type) => {
    expect(jsonType(value)).toBe(type);
  });

  it("names track calls by event and page/screen by type; skips the rest", () => {
    expect(catalogName({ type: "track", name: "Paid" })).toBe("Paid");
    expect(catalogName({ type: "page", name: "Pricing" })).toBe("page");
    expect(catalogName({ type: "screen", name: null })).toBe("screen");
    expect(catalogName({ type: "identify", name: null })).toBeNull();
    expect(catalogName({ type: "group", name: null })).toBeNull();
    expect(catalogName({ type: "alias", name: null })).toBeNull();
  });

  it("merges property keys per name, ignoring nulls", () => {
    const entries = collectCatalogEntries([
      message({ properties: { plan: "pro", seats: 3 } }),
      message({ properties: { plan: null, coupon: "X" } }),
      message({ type: "page", name: "Home", properties: { path: "/" } }),
      message({ type: "identify", name: null, properties: { ignored: true } }),
    ]);
    expect(entries).toEqual([
      { name: "Signed Up", keys: { plan: "string", seats: "number", coupon: "string" } },
      { name: "page", keys: { path: "string" } },
    ]);
  });
});
