import { describe, expect, it } from "vitest";
import { MessageStatus } from "@/lib/generated/prisma/enums";
import type { MessageSummary } from "./list-messages";
import { firstTimes, toLifecycle, toMessageDetailView } from "./message-view";
import { MESSAGE_STATUSES } from "./message-view-schema";

const summary: MessageSummary = {
  id: "m1",
  channel: "email",
  status: "opened",
  source: "api",
  profileId: "p1",
  profile: { userId: "ada", email: "ada@example.com" },
  toAddress: "ada@example.com",
  subject: "Hi",
  transactional: false,
  journeyId: null,
  runId: null,
  nodeId: null,
  templateId: null,
  providerId: "re_1",
  error: null,
  attempts: 1,
  nextAttemptAt: null,
  createdAt: "2026-12-07T10:00:00.000Z",
  sentAt: null,
  updatedAt: "2026-12-07T10:05:00.000Z",
};

describe("the public message view", () => {
  it("lists every MessageStatus the database has", () => {
    expect([...MESSAGE_STATUSES].sort()).toEqual(Object.values(MessageStatus).sort());
  });

  it("keeps the first time of each event type, whatever the order it is given in", () => {
    const first = firstTimes([
      { type: "opened", at: "2026-12-07T10:09:00.000Z" },
      { type: "opened", at: "2026-12-07T10:04:00.000Z" },
      { type: "delivered", at: "2026-12-07T10:01:00.000Z" },
    ]);
    expect(Object.fromEntries(first)).toEqual({
      opened: "2026-12-07T10:04:00.000Z",
      delivered: "2026-12-07T10:01:00.000Z",
    });
  });

  it("takes sentAt from the row, then the sent event, then the provider's own", () => {
    const provider = new Map([["provider_sent", "2026-12-07T10:00:02.000Z"]]);
    expect(toLifecycle(summary, provider).sentAt).toBe("2026-12-07T10:00:02.000Z");
    provider.set("sent", "2026-12-07T10:00:01.000Z");
    expect(toLifecycle(summary, provider).sentAt).toBe("2026-12-07T10:00:01.000Z");
    expect(toLifecycle({ ...summary, sentAt: "2026-12-07T10:00:00.500Z" }, provider).sentAt).toBe(
      "2026-12-07T10:00:00.500Z",
    );
  });

  it("builds the detail: lifecycle from the timeline, events oldest first, no admin-only fields", () => {
    const view = toMessageDetailView({
      ...summary,
      rendered: { channel: "email" },
      events: [
        { type: "queued", at: "2026-12-07T10:00:00.000Z", data: null },
        { type: "sent", at: "2026-12-07T10:00:01.000Z", data: { providerId: "re_1" } },
        { type: "bounced", at: "2026-12-07T10:00:03.000Z", data: { type: "hard" } },
      ],
    });
    expect(view.lifecycle).toEqual({
      queuedAt: "2026-12-07T10:00:00.000Z",
      sentAt: "2026-12-07T10:00:01.000Z",
      deliveredAt: null,
      openedAt: null,
      clickedAt: null,
      bouncedAt: "2026-12-07T10:00:03.000Z",
      complainedAt: null,
      failedAt: null,
      skippedAt: null,
      seenAt: null,
      readAt: null,
      archivedAt: null,
    });
    expect(view).toMatchObject({ userId: "ada", to: "ada@example.com", providerId: "re_1" });
    expect(view.events.map((e) => e.type)).toEqual(["queued", "sent", "bounced"]);
    expect(Object.keys(view)).not.toContain("profile");
    expect(Object.keys(view)).not.toContain("toAddress");
  });
});
