import { describe, expect, it } from "vitest";
import { PATCH } from "@/app/api/v1/topics/[key]/route";
import { prisma } from "@/lib/db/client";
import type { JourneyNode } from "@/lib/journey-core/definition";
import { lineJourney } from "@/lib/journey-core/test-fixtures";
import { createTopic } from "@/lib/topics/manage-topics";
import { getProfilePreferences } from "@/lib/topics/profile-preferences";
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
import { apiRequest, ctx } from "@/test/webhooks/webhook-fixtures";

// A topic mapped to an identify trait: each identify carrying it records a
// preference change at the identify's event time (source "trait"), only when
// the value in force differs, and the engine's next send on that topic is
// skipped with the reason in the trace.

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

async function historyOf(workspaceId: string, userId: string) {
  const rows = await prisma.topicPreferenceChange.findMany({
    where: { workspaceId, profileId: await profileId(workspaceId, userId) },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    include: { topic: { select: { key: true } } },
  });
  return rows.map((r) => [r.topic.key, r.channel, r.subscribed, r.source, r.at.toISOString()]);
}

describe("topic preferences set by an identify trait", () => {
  it("an identify flips the preference with history, and the next send is skipped with the reason", async () => {
    const { workspaceId: ws } = await createTestWorkspace("Topic trait");
    await setRules(ws, {});
    await createTopic(ws, {
      key: "product-tips",
      name: "Product tips",
      description: "",
      unsubscribable: true,
      trait: { key: "unsubscribed_from_tips", whenTrue: "unsubscribed", channel: null },
    });
    const journeyId = await publishDefinition(
      ws,
      "Tips",
      lineJourney("Asked For Tips", [tipEmail], { reentry: { mode: "always" } }),
    );
    const clock = new FakeClock("2026-05-04T10:00:00Z");
    await send(clock, ws, [
      {
        type: "identify",
        userId: "reader",
        traits: { email: "reader@example.com", unsubscribed_from_tips: false },
      },
      track("reader", "Asked For Tips"),
    ]);
    // false means subscribed, which a profile already is: nothing recorded.
    expect(await historyOf(ws, "reader")).toEqual([]);
    expect((await sentTo(ws, "reader")).map(([node]) => node)).toEqual(["tip-email"]);

    clock.advance(HOUR);
    const optedOutAt = clock.now().toISOString();
    await send(clock, ws, [
      { type: "identify", userId: "reader", traits: { unsubscribed_from_tips: true } },
    ]);
    expect(await historyOf(ws, "reader")).toEqual([
      ["product-tips", "email", false, "trait", optedOutAt],
      ["product-tips", "in_app", false, "trait", optedOutAt],
    ]);
    const now = await getProfilePreferences(ws, await profileId(ws, "reader"));
    expect(now[0]?.channels).toEqual({ email: false, in_app: false });
    // The trait is stored on the profile as usual.
    const profile = await prisma.profile.findUniqueOrThrow({
      where: { id: await profileId(ws, "reader") },
    });
    expect(profile.traits).toMatchObject({ unsubscribed_from_tips: true });

    // The same value again (apps identify on every page load) records nothing.
    clock.advance(HOUR);
    await send(clock, ws, [
      { type: "identify", userId: "reader", traits: { unsubscribed_from_tips: true } },
    ]);
    expect(await historyOf(ws, "reader")).toHaveLength(2);

    clock.advance(HOUR);
    await send(clock, ws, [track("reader", "Asked For Tips")]);
    expect((await sentTo(ws, "reader")).map(([node]) => node)).toEqual(["tip-email"]);
    const [, second] = await runsOf(ws, "reader", journeyId);
    const skipped = await prisma.runTrace.findFirstOrThrow({
      where: { runId: second.id, nodeId: "tip-email" },
    });
    expect(skipped.decision).toBe("skipped");
    expect(skipped.reason).toContain('Opted out of topic "Product tips" for email');

    // The string "false" (CSV imports, form posts) subscribes again.
    clock.advance(HOUR);
    const backAt = clock.now().toISOString();
    await send(clock, ws, [
      { type: "identify", userId: "reader", traits: { unsubscribed_from_tips: "false" } },
    ]);
    expect((await historyOf(ws, "reader")).slice(2)).toEqual([
      ["product-tips", "email", true, "trait", backAt],
      ["product-tips", "in_app", true, "trait", backAt],
    ]);
    clock.advance(HOUR);
    await send(clock, ws, [track("reader", "Asked For Tips")]);
    expect((await sentTo(ws, "reader")).map(([node]) => node)).toEqual(["tip-email", "tip-email"]);
  });

  it("a channel-scoped mapping where true means subscribed; other values change nothing", async () => {
    const { workspaceId: ws } = await createTestWorkspace("Topic trait channel");
    await createTopic(ws, {
      key: "digest",
      name: "Weekly digest",
      description: "",
      unsubscribable: true,
      trait: { key: "wants_digest_email", whenTrue: "subscribed", channel: "email" },
    });
    await createTopic(ws, {
      key: "receipts",
      name: "Receipts",
      description: "",
      unsubscribable: false,
      trait: { key: "wants_digest_email", whenTrue: "subscribed", channel: null },
    });
    const clock = new FakeClock("2026-05-04T10:00:00Z");
    await send(clock, ws, [
      { type: "identify", userId: "u1", traits: { wants_digest_email: "maybe" } },
    ]);
    clock.advance(HOUR);
    await send(clock, ws, [{ type: "identify", userId: "u1", traits: { wants_digest_email: 0 } }]);
    expect(await historyOf(ws, "u1")).toEqual([]);
    clock.advance(HOUR);
    const at = clock.now().toISOString();
    await send(clock, ws, [
      { type: "identify", userId: "u1", traits: { wants_digest_email: false } },
    ]);
    // Only the mapped channel, and never a topic that cannot be unsubscribed from.
    expect(await historyOf(ws, "u1")).toEqual([["digest", "email", false, "trait", at]]);
  });

  it("the API sets and clears the mapping and names a bad field", async () => {
    const ws = await createTestWorkspace("Topic trait API");
    await createTopic(ws.workspaceId, {
      key: "tips",
      name: "Tips",
      description: "",
      unsubscribable: true,
    });
    const patch = async (body: unknown) => {
      const response = await PATCH(
        apiRequest("/api/v1/topics/tips", ws.secretKey, { method: "PATCH", body }),
        ctx({ key: "tips" }),
      );
      return { status: response.status, body: await response.json() };
    };
    const set = await patch({ trait: { key: "tips_opt_in" } });
    expect(set.status).toBe(200);
    expect(set.body.topic.trait).toEqual({
      key: "tips_opt_in",
      whenTrue: "subscribed",
      channel: null,
    });
    const bad = await patch({ trait: { key: "x", whenTrue: "maybe" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.issues[0].field).toBe("trait.whenTrue");
    const cleared = await patch({ trait: null });
    expect(cleared.body.topic.trait).toBeNull();
  });
});
