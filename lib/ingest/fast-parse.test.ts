import { describe, expect, it } from "vitest";
import { fastParse } from "./fast-parse";
import { type JsonObject, type MessageType, messageSchemas } from "./schemas";

// fastParse must return exactly what zod returns (for the fields
// normalize-message.ts reads), and give up on every call zod refuses.

const FIELDS = [
  "messageId",
  "userId",
  "anonymousId",
  "context",
  "event",
  "name",
  "properties",
  "traits",
  "groupId",
  "previousId",
] as const;

function pick(data: Record<string, unknown>) {
  return Object.fromEntries(FIELDS.map((field) => [field, data[field]]));
}

const VALID: [MessageType, JsonObject][] = [
  ["track", { userId: "u", event: "E" }],
  ["track", { userId: 42, event: "E", properties: { a: 1 }, context: { ip: "1" } }],
  ["track", { anonymousId: "a", userId: "", event: "E", properties: null, context: null }],
  ["track", { userId: "  ", anonymousId: "a", messageId: "m", event: "E", integrations: {} }],
  ["track", { userId: "u", messageId: 7, event: "x".repeat(255), extra: [1] }],
  ["track", { userId: "u", messageId: null, anonymousId: null, event: " E " }],
  ["identify", { userId: "u", traits: { email: "a@b.c" } }],
  ["identify", { anonymousId: "a", traits: null }],
  ["identify", { userId: "u" }],
  ["page", { userId: "u" }],
  ["page", { userId: "u", name: "Home", properties: { path: "/" } }],
  ["page", { userId: "u", name: null }],
  ["screen", { userId: "u", name: "Settings" }],
  ["track", { userId: 1.5, event: "E" }],
  ["track", { userId: -0, event: "E" }],
];

const INVALID: [MessageType, JsonObject][] = [
  ["track", { userId: "u" }],
  ["track", { userId: "u", event: 42 }],
  ["track", { userId: "u", event: "   " }],
  ["track", { userId: "u", event: "" }],
  ["track", { userId: "u", event: "x".repeat(256) }],
  ["track", { userId: "u", event: "E", properties: "x" }],
  ["track", { userId: "u", event: "E", properties: [1] }],
  ["track", { userId: { id: 1 }, event: "E" }],
  ["track", { userId: "x".repeat(256), event: "E" }],
  ["track", { userId: true, event: "E" }],
  ["track", { userId: "u", event: "E", context: [] }],
  ["track", { userId: "u", event: "E", context: "c" }],
  ["track", { userId: "u", event: "E", integrations: 1 }],
  ["track", { userId: "u", messageId: ["m"], event: "E" }],
  ["identify", { userId: "u", traits: "x" }],
  ["identify", { userId: "u", traits: [] }],
  ["page", { userId: "u", name: 1 }],
  ["page", { userId: "u", name: " " }],
  ["page", { userId: "u", properties: 5 }],
  ["screen", { userId: "u", name: "x".repeat(256) }],
];

describe("fastParse", () => {
  it.each(VALID)("agrees with zod on a valid %s call %j", (type, item) => {
    const zod = messageSchemas[type].safeParse(item);
    expect(zod.success).toBe(true);
    const fast = fastParse(type, item);
    expect(fast).toBeDefined();
    expect(pick(fast as Record<string, unknown>)).toEqual(
      pick(zod.data as Record<string, unknown>),
    );
  });

  it.each(INVALID)("leaves an invalid %s call %j to zod", (type, item) => {
    expect(messageSchemas[type].safeParse(item).success).toBe(false);
    expect(fastParse(type, item)).toBeUndefined();
  });

  it("leaves group and alias calls to zod", () => {
    expect(fastParse("group", { userId: "u", groupId: "g" })).toBeUndefined();
    expect(fastParse("alias", { userId: "u", previousId: "p" })).toBeUndefined();
  });
});
