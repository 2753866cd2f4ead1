import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { whyNot } from "@/lib/explain/why-not";
import type { JourneyNode } from "@/lib/journey-core/definition";
import { lineJourney } from "@/lib/journey-core/test-fixtures";
import { createTopic } from "@/lib/topics/manage-topics";
import { setProfilePreferences } from "@/lib/topics/profile-preferences";
import {
  FakeClock,
  HOUR,
  profileId,
  publishDefinition,
  runsOf,
  send,
  sentTo,
  setRules,
  track,
} from "@/test/engine/engine-fixtures";
import { createTestWorkspace } from "@/test/fixtures/workspace";

// The live engine reads a profile's topic preferences as of each decision:
// an opt-out of the step's topic on its channel skips that send with the
// reason in the trace, other channels and topics still go out, and "why not?"
// names the topic gate for the same run.

const tipEmail: JourneyNode = {
  id: "tip-email",
  type: "send_email",
  content: {
    subject: "A tip",
    preheader: "",
    body: "Try this",
    bodyFormat: "markdown",
    transactional: false,
    topic: "product-tips",
  },
};
const tipCard: JourneyNode = {
  id: "tip-card",
  type: "send_inapp",
  content: { kind: "card", title: "A tip", body: "", topic: "product-tips" },
};

describe("topic opt-out in the live engine (fake clock)", () => {
  it("skips the opted-out channel's send with its reason; why-not names the topic gate", async () => {
    const { workspaceId: ws } = await createTestWorkspace("Topic gate");
    await setRules(ws, {});
    await createTopic(ws, {
      key: "product-tips",
      name: "Product tips",
      description: "",
      unsubscribable: true,
    });
    const journeyId = await publishDefinition(
      ws,
      "Tips",
      lineJourney("Asked For Tips", [tipEmail, tipCard], { reentry: { mode: "always" } }),
    );
    const clock = new FakeClock("2026-05-04T10:00:00Z");
    await send(clock, ws, [
      { type: "identify", userId: "reader", traits: { email: "reader@example.com" } },
      track("reader", "Asked For Tips"),
    ]);
    expect((await sentTo(ws, "reader")).map(([node]) => node)).toEqual(["tip-email", "tip-card"]);

    clock.advance(HOUR);
    const pid = await profileId(ws, "reader");
    await setProfilePreferences({
      workspaceId: ws,
      profileId: pid,
      changes: [{ topic: "product-tips", channel: "email", subscribed: false }],
      source: "page",
      at: clock.now(),
    });
    clock.advance(HOUR);
    await send(clock, ws, [track("reader", "Asked For Tips")]);

    expect((await sentTo(ws, "reader")).map(([node]) => node)).toEqual([
      "tip-email",
      "tip-card",
      "tip-card",
    ]);
    const [, second] = await runsOf(ws, "reader", journeyId);
    const skipped = await prisma.runTrace.findFirstOrThrow({
      where: { runId: second.id, nodeId: "tip-email" },
    });
    expect(skipped.decision).toBe("skipped");
    expect(skipped.reason).toContain('Opted out of topic "Product tips" for email');
    expect(skipped.data).toMatchObject({ rule: "topic_opted_out", topic: "product-tips" });

    const answer = await whyNot({
      workspaceId: ws,
      workspaceName: "Topic gate",
      journeyId,
      query: { profileId: "reader", nodeId: "tip-email", at: clock.now() },
    });
    expect(answer.blockedBy).toBe("topic");
    expect(answer.gates.find((g) => g.gate === "topic")).toMatchObject({
      passed: false,
      actual: "opted out",
    });
    // As of the first run (before the opt-out), the same gate passes.
    const before = await whyNot({
      workspaceId: ws,
      workspaceName: "Topic gate",
      journeyId,
      query: { profileId: "reader", nodeId: "tip-email", at: new Date("2026-05-04T10:30:00Z") },
    });
    expect(before.gates.find((g) => g.gate === "topic")?.passed).toBe(true);
  });
});
