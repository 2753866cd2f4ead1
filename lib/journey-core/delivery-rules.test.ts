import { describe, expect, it } from "vitest";
import {
  checkDeliveryRules,
  type DeliveryContext,
  type WorkspaceDeliveryRules,
} from "./delivery-rules";
import type { SentMessage } from "./facts";
import { at, makeProfile } from "./test-fixtures";

const budget: WorkspaceDeliveryRules = {
  frequency: { windowHours: 24, max: 3, perChannel: { email: 2 }, onLimit: "defer" },
};
const quiet: WorkspaceDeliveryRules = {
  quietHours: { start: "21:00", end: "08:00", onQuiet: "defer" },
};

function ctx(overrides: Partial<DeliveryContext> = {}): DeliveryContext {
  return {
    channel: "email",
    transactional: false,
    profile: makeProfile(),
    sentInWindow: [],
    now: at("2025-06-02T10:00:00Z"),
    ...overrides,
  };
}

const sent = (iso: string, channel: SentMessage["channel"]): SentMessage => ({
  at: at(iso),
  channel,
});

describe("checkDeliveryRules: address, suppression, unsubscribe", () => {
  it.each([
    ["no address", { email: null }, false, "no_email_address"],
    ["suppressed", { suppressed: true }, false, "suppressed"],
    ["suppressed, even transactional", { suppressed: true }, true, "suppressed"],
    ["unsubscribed", { unsubscribed: true }, false, "unsubscribed"],
  ] as const)("%s → skip", (_name, profile, transactional, rule) => {
    const decision = checkDeliveryRules({}, ctx({ profile: makeProfile(profile), transactional }));
    expect(decision).toMatchObject({ outcome: "skip", rule });
  });

  it("sends transactional email to an unsubscribed profile, and in-app regardless", () => {
    const profile = makeProfile({ unsubscribed: true, email: null });
    expect(
      checkDeliveryRules(
        {},
        ctx({ profile: makeProfile({ unsubscribed: true }), transactional: true }),
      ),
    ).toEqual({ outcome: "send" });
    expect(checkDeliveryRules({}, ctx({ profile, channel: "in_app" }))).toEqual({
      outcome: "send",
    });
  });
});

describe("checkDeliveryRules: frequency budget", () => {
  const twoEmails = [sent("2025-06-02T01:00:00Z", "email"), sent("2025-06-02T05:00:00Z", "email")];

  it("counts every channel toward the total and defers until the oldest send leaves the window", () => {
    const three = [
      ...twoEmails.slice(0, 1),
      sent("2025-06-02T03:00:00Z", "in_app"),
      sent("2025-06-02T04:00:00Z", "in_app"),
    ];
    expect(checkDeliveryRules(budget, ctx({ channel: "in_app", sentInWindow: three }))).toEqual({
      outcome: "defer",
      rule: "frequency_total",
      until: at("2025-06-03T01:00:00Z"),
      reason: "3 messages in the last 24 h (limit 3)",
    });
  });

  it("applies the per-channel cap to its channel only", () => {
    expect(checkDeliveryRules(budget, ctx({ sentInWindow: twoEmails }))).toMatchObject({
      outcome: "defer",
      rule: "frequency_channel",
      until: at("2025-06-03T01:00:00Z"),
    });
    expect(checkDeliveryRules(budget, ctx({ channel: "in_app", sentInWindow: twoEmails }))).toEqual(
      {
        outcome: "send",
      },
    );
  });

  it("ignores sends outside the window and transactional sends", () => {
    const old = [sent("2025-06-01T09:59:59Z", "email"), sent("2025-06-01T10:00:00Z", "email")];
    const receipts = twoEmails.map((m) => ({ ...m, transactional: true }));
    expect(checkDeliveryRules(budget, ctx({ sentInWindow: old }))).toEqual({ outcome: "send" });
    expect(checkDeliveryRules(budget, ctx({ sentInWindow: receipts }))).toEqual({
      outcome: "send",
    });
  });

  it("skips instead when the workspace chose skip, and when the budget is zero", () => {
    const skip: WorkspaceDeliveryRules = { frequency: { ...budget.frequency!, onLimit: "skip" } };
    expect(checkDeliveryRules(skip, ctx({ sentInWindow: twoEmails }))).toMatchObject({
      outcome: "skip",
      rule: "frequency_channel",
    });
    const zero: WorkspaceDeliveryRules = {
      frequency: { windowHours: 24, max: 0, onLimit: "defer" },
    };
    expect(checkDeliveryRules(zero, ctx())).toMatchObject({
      outcome: "skip",
      rule: "frequency_total",
    });
  });

  it("lets transactional email through a full budget", () => {
    expect(
      checkDeliveryRules(budget, ctx({ sentInWindow: twoEmails, transactional: true })),
    ).toEqual({
      outcome: "send",
    });
  });
});

describe("checkDeliveryRules: quiet hours in the user's timezone", () => {
  const berlin = makeProfile({ timezone: "Europe/Berlin" });
  const newYork = makeProfile({ timezone: "America/New_York" });

  it.each([
    // 22:00 CET on the Saturday before the spring change → 08:00 CEST: 9 real hours.
    ["Berlin, spring forward", berlin, "2025-03-29T21:00:00Z", "2025-03-30T06:00:00.000Z"],
    // 22:00 CEST on the Saturday before the autumn change → 08:00 CET: 11 real hours.
    ["Berlin, fall back", berlin, "2025-10-25T20:00:00Z", "2025-10-26T07:00:00.000Z"],
    ["New York, spring forward", newYork, "2025-03-09T03:00:00Z", "2025-03-09T12:00:00.000Z"],
    ["New York, fall back", newYork, "2025-11-02T02:00:00Z", "2025-11-02T13:00:00.000Z"],
    ["Berlin, after midnight", berlin, "2025-06-02T01:30:00Z", "2025-06-02T06:00:00.000Z"],
  ] as const)("%s: defers to 08:00 local", (_name, profile, now, until) => {
    const decision = checkDeliveryRules(quiet, ctx({ profile, now: at(now) }));
    expect(decision).toMatchObject({ outcome: "defer", rule: "quiet_hours" });
    expect(decision.outcome === "defer" && decision.until.toISOString()).toBe(until);
  });

  it("sends outside quiet hours and uses UTC for an unknown timezone", () => {
    expect(
      checkDeliveryRules(quiet, ctx({ profile: berlin, now: at("2025-06-02T10:00:00Z") })),
    ).toEqual({
      outcome: "send",
    });
    const unknown = makeProfile({ timezone: "Nowhere/Land" });
    const decision = checkDeliveryRules(
      quiet,
      ctx({ profile: unknown, now: at("2025-06-02T22:00:00Z") }),
    );
    expect(decision).toMatchObject({ outcome: "defer", until: at("2025-06-03T08:00:00Z") });
  });

  it("skips when the workspace chose skip, and leaves other channels alone when scoped", () => {
    const skip: WorkspaceDeliveryRules = { quietHours: { ...quiet.quietHours!, onQuiet: "skip" } };
    const late = at("2025-06-02T21:00:00Z");
    expect(checkDeliveryRules(skip, ctx({ profile: berlin, now: late }))).toMatchObject({
      outcome: "skip",
      rule: "quiet_hours",
    });
    const emailOnly: WorkspaceDeliveryRules = {
      quietHours: { ...quiet.quietHours!, channels: ["email"] },
    };
    expect(
      checkDeliveryRules(emailOnly, ctx({ profile: berlin, now: late, channel: "in_app" })),
    ).toEqual({
      outcome: "send",
    });
  });

  it("pushes a budget deferral that lands in quiet hours to the end of quiet hours", () => {
    const both: WorkspaceDeliveryRules = { ...budget, ...quiet };
    // Budget frees at 22:00 Berlin (20:00Z), inside quiet hours → 08:00 next morning.
    const emails = [sent("2025-06-01T20:00:00Z", "email"), sent("2025-06-01T21:00:00Z", "email")];
    const decision = checkDeliveryRules(both, ctx({ profile: berlin, sentInWindow: emails }));
    expect(decision).toMatchObject({
      outcome: "defer",
      rule: "frequency_channel",
      until: at("2025-06-03T06:00:00Z"),
    });
  });
});
