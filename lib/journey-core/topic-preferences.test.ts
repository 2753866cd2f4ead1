import { describe, expect, it } from "vitest";
import type { JourneyNode } from "./definition";
import type { TopicPreference } from "./facts";
import { simulateJourney } from "./simulate";
import { at, delayNode, lineJourney, makeProfile, track } from "./test-fixtures";
import { topicOptOut, topicPreferenceAt } from "./topic-preferences";

const tipsEmail = (id: string, transactional = false): JourneyNode => ({
  id,
  type: "send_email",
  content: {
    subject: `Tip ${id}`,
    preheader: "",
    body: "Hello",
    bodyFormat: "markdown",
    transactional,
    topic: "product-tips",
  },
});
const tipsInApp = (id: string): JourneyNode => ({
  id,
  type: "send_inapp",
  content: { kind: "card", title: "Tip", body: "", topic: "product-tips" },
});
const change = (
  channel: "email" | "in_app",
  subscribed: boolean,
  iso: string,
): TopicPreference => ({
  topic: "product-tips",
  topicName: "Product tips",
  channel,
  subscribed,
  at: at(iso),
});

describe("topic preferences as of a moment", () => {
  const history = [
    change("email", false, "2025-06-02T12:00:00Z"),
    change("email", true, "2025-06-03T12:00:00Z"),
  ];

  it("reads the latest change at or before the instant", () => {
    expect(topicPreferenceAt(history, "product-tips", "email", at("2025-06-02T11:59:59Z"))).toBe(
      null,
    );
    expect(
      topicPreferenceAt(history, "product-tips", "email", at("2025-06-02T12:00:00Z"))?.subscribed,
    ).toBe(false);
    expect(
      topicPreferenceAt(history, "product-tips", "email", at("2025-06-04T00:00:00Z"))?.subscribed,
    ).toBe(true);
    expect(topicPreferenceAt(history, "product-tips", "in_app", at("2025-06-04T00:00:00Z"))).toBe(
      null,
    );
  });

  it("has nothing to say about sends without a topic or on another topic", () => {
    const profile = { topicPreferences: history };
    expect(topicOptOut(profile, undefined, "email", at("2025-06-02T13:00:00Z"))).toBe(null);
    expect(topicOptOut(profile, "billing", "email", at("2025-06-02T13:00:00Z"))).toBe(null);
    expect(
      topicOptOut(profile, "product-tips", "email", at("2025-06-02T13:00:00Z"))?.topicName,
    ).toBe("Product tips");
  });
});

describe("a topic opt-out skips a send (fake clock)", () => {
  // Signed Up → tip email → 2 days → tip in-app → 2 days → tip email.
  const journey = lineJourney(
    "Signed Up",
    [
      tipsEmail("first"),
      delayNode("wait1", 48),
      tipsInApp("card"),
      delayNode("wait2", 48),
      tipsEmail("second"),
    ],
    { reentry: { mode: "always" } },
  );
  // Opted out of the topic's email one day in, before the second email but after the first.
  const profile = makeProfile({
    topicPreferences: [change("email", false, "2025-06-03T10:00:00Z")],
  });

  it("sends before the opt-out, skips the email after it with its reason, keeps the other channel", () => {
    const result = simulateJourney(journey, profile, [track("Signed Up", "2025-06-02T10:00:00Z")]);
    expect(result.sends.map((s) => s.nodeId)).toEqual(["first", "card"]);
    const skipped = result.traces.find((t) => t.nodeId === "second");
    expect(skipped?.decision).toBe("skipped");
    expect(skipped?.reason).toContain('Opted out of topic "Product tips" for email');
    expect(skipped?.data).toMatchObject({
      channel: "email",
      rule: "topic_opted_out",
      topic: "product-tips",
    });
    expect(skipped?.at.toISOString()).toBe("2025-06-06T10:00:00.000Z");
  });

  it("an in-app opt-out skips only the in-app send", () => {
    const inApp = makeProfile({
      topicPreferences: [change("in_app", false, "2025-06-01T00:00:00Z")],
    });
    const result = simulateJourney(journey, inApp, [track("Signed Up", "2025-06-02T10:00:00Z")]);
    expect(result.sends.map((s) => s.nodeId)).toEqual(["first", "second"]);
    expect(result.traces.find((t) => t.nodeId === "card")?.data).toMatchObject({
      rule: "topic_opted_out",
      channel: "in_app",
    });
  });

  it("opting back in sends again; transactional email ignores the opt-out", () => {
    const back = makeProfile({
      topicPreferences: [
        change("email", false, "2025-06-01T00:00:00Z"),
        change("email", true, "2025-06-05T00:00:00Z"),
      ],
    });
    const result = simulateJourney(journey, back, [track("Signed Up", "2025-06-02T10:00:00Z")]);
    expect(result.sends.map((s) => s.nodeId)).toEqual(["card", "second"]);

    const receipt = lineJourney("Signed Up", [tipsEmail("receipt", true)]);
    const out = makeProfile({ topicPreferences: [change("email", false, "2025-06-01T00:00:00Z")] });
    const sent = simulateJourney(receipt, out, [track("Signed Up", "2025-06-02T10:00:00Z")]);
    expect(sent.sends.map((s) => s.nodeId)).toEqual(["receipt"]);
  });
});
