import { describe, expect, it } from "vitest";
import { formatInboxSignal, parseInboxSignal } from "./inbox-signal";

describe("inbox NOTIFY payload", () => {
  it("round-trips items and state changes", () => {
    const item = {
      workspaceId: "cmws1",
      profileId: "8d0f7e5e-0000-4000-8000-000000000001",
      seq: 42n,
    };
    expect(formatInboxSignal(item)).toBe("cmws1:8d0f7e5e-0000-4000-8000-000000000001:42");
    expect(parseInboxSignal(formatInboxSignal(item))).toEqual(item);
    const state = { ...item, seq: null };
    expect(parseInboxSignal(formatInboxSignal(state))).toEqual(state);
  });

  it.each(["", "a:b", "a:b:c:d", "a:b:-1", "a:b:1.5", ":b:1", "a::1"])("ignores %j", (payload) => {
    expect(parseInboxSignal(payload)).toBeNull();
  });
});
