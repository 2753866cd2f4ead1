import { describe, expect, it } from "vitest";
import { type DemoMessage, reactToMessage } from "./react-to-message";

const HOUR = 3_600_000;
const at = Date.parse("2025-06-03T10:00:00Z");
const message = (over: Partial<DemoMessage>): DemoMessage => ({
  id: "m1",
  userId: "user_0001",
  journey: "introduce-feature-on-first-use",
  nodeId: "alerts-tooltip",
  channel: "in_app",
  at,
  ...over,
});
const users = Array.from({ length: 400 }, (_, i) => `user_${String(i + 1).padStart(4, "0")}`);
const options = { seed: 20_240_611, until: at + 30 * 24 * HOUR };

describe("reactToMessage", () => {
  it("is the same for the same message and user, and differs between users", () => {
    const a = reactToMessage(message({}), options);
    expect(reactToMessage(message({}), options)).toEqual(a);
    const all = users.map((userId) => JSON.stringify(reactToMessage(message({ userId }), options)));
    expect(new Set(all).size).toBeGreaterThan(10);
  });

  it("reports email in order (delivered, opened, clicked), after the send and never after until", () => {
    for (const userId of users) {
      const email = message({ userId, channel: "email", nodeId: "alerts-guide-email" });
      const { email: events } = reactToMessage(email, options);
      expect(events[0]?.type).toBe("email.delivered");
      const types = events.map((e) => e.type);
      expect(types).toEqual(
        ["email.delivered", "email.opened", "email.clicked"].slice(0, types.length),
      );
      expect(events.every((e, i) => e.at > at && (i === 0 || e.at > events[i - 1].at))).toBe(true);
      const cut = reactToMessage(email, { ...options, until: at + 1000 });
      expect(cut.email).toEqual([]);
      expect(cut.calls).toEqual([]);
    }
  });

  it("gets some users to set up another alert, and never to build a report", () => {
    const alerts = users.map((userId) => reactToMessage(message({ userId }), options));
    const again = alerts.filter((r) =>
      r.calls.some((c) => c.event === "Feature Used" && c.properties.feature === "alerts"),
    );
    expect(again.length / users.length).toBeGreaterThan(0.2);
    expect(again.length / users.length).toBeLessThan(0.8);
    // Only after seeing the item.
    expect(again.every((r) => r.inbox.length > 0 && r.calls[0].ts > r.inbox[0].at)).toBe(true);
    expect(alerts.flatMap((r) => r.calls).some((c) => c.event === "Report Created")).toBe(false);
  });

  it("gets many stalled users to build their first report after the nudge, only once they opened it", () => {
    for (const [nodeId, channel] of [
      ["nudge-email", "email"],
      ["nudge-banner", "in_app"],
    ] as const) {
      const nudges = users.map((userId) =>
        reactToMessage(
          message({ userId, journey: "nudge-stalled-onboarding", nodeId, channel }),
          options,
        ),
      );
      const built = nudges.filter((r) => r.calls.some((c) => c.event === "Report Created"));
      // The share the demo's lift rests on: well above what the holdout does alone.
      expect(built.length / users.length, nodeId).toBeGreaterThan(0.3);
      expect(built.length / users.length, nodeId).toBeLessThan(0.6);
      for (const r of built) {
        const opened =
          channel === "email" ? r.email.find((e) => e.type === "email.opened") : r.inbox[0];
        expect(opened).toBeDefined();
        const [created] = r.calls.filter((c) => c.event === "Report Created");
        const step = r.calls.find((c) => c.event === "Onboarding Step Completed");
        expect(created.ts).toBeGreaterThan(opened?.at ?? Number.POSITIVE_INFINITY);
        expect(step?.properties.step).toBe(3);
        expect(step?.ts).toBeGreaterThan(created.ts);
      }
    }
  });
});
