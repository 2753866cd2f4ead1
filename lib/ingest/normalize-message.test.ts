import { describe, expect, it } from "vitest";
import { normalizeMessage } from "./normalize-message";

const receivedAt = new Date("2026-03-01T12:00:00.000Z");
const options = { receivedAt, batchSentAt: null };
const normalize = (raw: unknown, batchSentAt: Date | null = null) =>
  normalizeMessage(raw, 7, { receivedAt, batchSentAt });

function rejection(raw: unknown) {
  const result = normalizeMessage(raw, 0, options);
  if (result.ok) throw new Error("expected a rejection");
  return { code: result.rejection.code, field: result.rejection.field };
}

function accepted(raw: unknown, batchSentAt: Date | null = null) {
  const result = normalize(raw, batchSentAt);
  if (!result.ok) throw new Error(`rejected: ${result.rejection.code} ${result.rejection.message}`);
  return result.message;
}

describe("normalizeMessage", () => {
  it("turns a track call into a row", () => {
    const message = accepted({
      type: "track",
      userId: 42,
      event: "Paid",
      properties: { amount: 9 },
      context: { timezone: "Europe/Berlin", ip: "1.2.3.4" },
      messageId: "abc",
      timestamp: "2026-03-01T11:00:00Z",
    });
    expect(message).toMatchObject({
      index: 7,
      type: "track",
      userId: "42",
      anonymousId: null,
      name: "Paid",
      properties: { amount: 9 },
      traits: null,
      extra: null,
      messageId: "abc",
      contextTimezone: "Europe/Berlin",
    });
    expect(message.timestamp.toISOString()).toBe("2026-03-01T11:00:00.000Z");
  });

  it.each([
    [{ type: "track", event: "E" }, "missing_identity", "userId"],
    [{ type: "track", userId: "", anonymousId: "  ", event: "E" }, "missing_identity", "userId"],
    [{ type: "track", userId: "u" }, "missing_field", "event"],
    [{ type: "track", userId: "u", event: 42 }, "invalid_field", "event"],
    [{ type: "track", userId: "u", event: "   " }, "invalid_field", "event"],
    [{ type: "track", userId: "u", event: "E", properties: "x" }, "invalid_field", "properties"],
    [{ type: "track", userId: "u", event: "E", properties: [1] }, "invalid_field", "properties"],
    [{ type: "track", userId: { id: 1 }, event: "E" }, "invalid_field", "userId"],
    [{ type: "track", userId: "x".repeat(256), event: "E" }, "invalid_field", "userId"],
    [{ type: "identify", userId: "u", traits: "x" }, "invalid_field", "traits"],
    [{ type: "group", userId: "u" }, "missing_field", "groupId"],
    [{ type: "alias", userId: "u" }, "missing_field", "previousId"],
    [{ type: "alias", previousId: "p", anonymousId: "a" }, "missing_field", "userId"],
    [{ type: "launch", userId: "u" }, "unknown_type", "type"],
    [{ userId: "u" }, "missing_field", "type"],
    [{ type: "track", userId: "u", event: "E", context: 1 }, "invalid_field", "context"],
    [
      { type: "track", userId: "u", event: "E", timestamp: "soon" },
      "invalid_timestamp",
      "timestamp",
    ],
    [{ type: "track", userId: "u", event: "E", sentAt: 5 }, "invalid_timestamp", "sentAt"],
    [null, "invalid_item", null],
    [[1], "invalid_item", null],
  ])("rejects %j as %s", (raw, code, field) => {
    expect(rejection(raw)).toEqual({ code, field });
  });

  it("rejects items over 32 KB, counting bytes not characters", () => {
    expect(
      rejection({ type: "track", userId: "u", event: "E", properties: { s: "é".repeat(16_500) } })
        .code,
    ).toBe("too_large");
    expect(
      normalize({ type: "track", userId: "u", event: "E", properties: { s: "e".repeat(16_500) } })
        .ok,
    ).toBe(true);
  });

  it("applies Segment's clock-skew correction", () => {
    // Device clock 1 h fast: it says the event was 10 min before sending.
    const message = accepted(
      { type: "track", userId: "u", event: "E", timestamp: "2026-03-01T12:50:00Z" },
      new Date("2026-03-01T13:00:00Z"),
    );
    expect(message.timestamp.toISOString()).toBe("2026-03-01T11:50:00.000Z");
    expect(message.sentAt?.toISOString()).toBe("2026-03-01T13:00:00.000Z");
  });

  it("reads RudderStack's originalTimestamp with the same correction", () => {
    // Sent from an offline queue: the event happened 40 min before sending.
    const message = accepted(
      { type: "track", userId: "u", event: "E", originalTimestamp: "2026-03-01T12:20:00Z" },
      new Date("2026-03-01T13:00:00Z"),
    );
    expect(message.timestamp.toISOString()).toBe("2026-03-01T11:20:00.000Z");
  });

  it("reads an identify's traits from context.traits when it has no traits (RudderStack's JS SDK)", () => {
    const message = accepted({
      type: "identify",
      userId: "u",
      context: { traits: { email: " Ann@Example.com ", plan: "pro" } },
    });
    expect(message.traits).toEqual({ email: " Ann@Example.com ", plan: "pro" });
    expect(message.traitEmail).toBe("ann@example.com");
    const both = accepted({
      type: "identify",
      userId: "u",
      traits: { plan: "team" },
      context: { traits: { plan: "pro" } },
    });
    expect(both.traits).toEqual({ plan: "team" });
  });

  it("lets timestamp win over originalTimestamp", () => {
    const message = accepted(
      {
        type: "track",
        userId: "u",
        event: "E",
        timestamp: "2026-03-01T12:50:00Z",
        originalTimestamp: "2026-03-01T12:00:00Z",
      },
      new Date("2026-03-01T13:00:00Z"),
    );
    expect(message.timestamp.toISOString()).toBe("2026-03-01T11:50:00.000Z");
  });

  it("names originalTimestamp when it is not a date", () => {
    expect(
      rejection({ type: "track", userId: "u", event: "E", originalTimestamp: "yesterday" }),
    ).toEqual({ code: "invalid_timestamp", field: "originalTimestamp" });
  });

  it("prefers the item's own sentAt over the batch's", () => {
    const message = accepted(
      {
        type: "track",
        userId: "u",
        event: "E",
        timestamp: "2026-03-01T12:50:00Z",
        sentAt: "2026-03-01T12:55:00Z",
      },
      new Date("2026-03-01T13:00:00Z"),
    );
    expect(message.timestamp.toISOString()).toBe("2026-03-01T11:55:00.000Z");
  });

  it("refuses times more than 24 h ahead (after correction) or before 2000", () => {
    expect(
      rejection({ type: "track", userId: "u", event: "E", timestamp: "2026-03-02T12:00:01Z" }).code,
    ).toBe("invalid_timestamp");
    expect(
      normalize({ type: "track", userId: "u", event: "E", timestamp: "2026-03-02T11:59:59Z" }).ok,
    ).toBe(true);
    expect(
      rejection({ type: "track", userId: "u", event: "E", timestamp: "1999-12-31T23:59:59Z" }).code,
    ).toBe("invalid_timestamp");
    // a clock 3 days fast is corrected, not refused
    expect(
      accepted(
        { type: "track", userId: "u", event: "E", timestamp: "2026-03-04T12:00:00Z" },
        new Date("2026-03-04T12:00:05Z"),
      ).timestamp.toISOString(),
    ).toBe("2026-03-01T11:59:55.000Z");
  });

  it("keeps unknown fields and integrations in extra, never the write key", () => {
    const message = accepted({
      type: "page",
      anonymousId: "a",
      name: "Docs",
      category: "Help",
      integrations: { All: false },
      writeKey: "wk_secret",
      _metadata: { bundled: [] },
      traits: { misplaced: true },
    });
    expect(message.extra).toEqual({
      category: "Help",
      integrations: { All: false },
      _metadata: { bundled: [] },
      traits: { misplaced: true },
    });
    expect(message.traits).toBeNull();
  });

  it("keeps groupId and previousId in extra", () => {
    expect(accepted({ type: "group", userId: "u", groupId: 7, traits: { a: 1 } })).toMatchObject({
      groupId: "7",
      traits: { a: 1 },
      extra: { groupId: 7 },
    });
    expect(accepted({ type: "alias", userId: "u", previousId: "p" })).toMatchObject({
      previousId: "p",
      extra: { previousId: "p" },
    });
  });

  it("reads only valid time zones", () => {
    expect(
      accepted({ type: "identify", userId: "u", traits: { timezone: "america/new_york" } })
        .traitTimezone,
    ).toBe("America/New_York");
    expect(
      accepted({ type: "identify", userId: "u", traits: { timezone: "Mars/Olympus" } })
        .traitTimezone,
    ).toBeNull();
    expect(
      accepted({ type: "track", userId: "u", event: "E", traits: { timezone: "Europe/Paris" } })
        .traitTimezone,
    ).toBeNull();
  });

  it("reads the device timezone of any call, an unknown name as null", () => {
    const track = (context: unknown) =>
      accepted({ type: "track", userId: "u", event: "E", context });
    expect(track({ timezone: "europe/paris" })).toMatchObject({
      contextTimezoneReported: true,
      contextTimezone: "Europe/Paris",
    });
    expect(track({ timezone: "Etc/Unknown" })).toMatchObject({
      contextTimezoneReported: true,
      contextTimezone: null,
    });
    expect(track({ timezone: 3 })).toMatchObject({ contextTimezoneReported: false });
    expect(track({})).toMatchObject({ contextTimezoneReported: false });
  });

  it("makes the profile email of identify's traits.email", () => {
    const identify = (email: unknown) =>
      accepted({ type: "identify", userId: "u", traits: { email } }).traitEmail;
    expect(identify("  Ann@Example.COM ")).toBe("ann@example.com");
    expect(identify("  ")).toBeNull();
    expect(identify(42)).toBeNull();
    expect(
      accepted({ type: "group", userId: "u", groupId: "g", traits: { email: "a@b.c" } }).traitEmail,
    ).toBeNull();
  });

  it("assigns messageIds: stable with a timestamp, random without", () => {
    const call = { type: "track", userId: "u", event: "E", timestamp: "2026-03-01T11:00:00Z" };
    const a = accepted({ ...call, sentAt: "2026-03-01T11:00:01Z" }).messageId;
    const b = accepted({ ...call, sentAt: "2026-03-01T11:00:09Z" }).messageId;
    expect(a).toBe(b);
    expect(a).toMatch(/^cue-[0-9a-f]{32}$/);
    expect(accepted({ ...call, event: "F" }).messageId).not.toBe(a);
    const live = { type: "track", userId: "u", event: "E" };
    expect(accepted(live).messageId).not.toBe(accepted(live).messageId);
  });
});
