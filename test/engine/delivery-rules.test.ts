import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import type { JourneyNode } from "@/lib/journey-core/definition";
import { emailNode, inAppNode, lineJourney } from "@/lib/journey-core/test-fixtures";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import {
  advanceTo,
  FakeClock,
  identify,
  publishDefinition,
  runsOf,
  send,
  sentTo,
  setRules,
  traceOf,
  track,
} from "./engine-fixtures";

// Workspace delivery rules applied by the shell: one frequency budget across
// journeys and channels (from the messages table), and quiet hours in the
// profile's timezone through a DST change.

describe("frequency budget", () => {
  it("spans two journeys and both channels; the send over budget waits for a free slot", async () => {
    const { workspaceId: ws } = await createTestWorkspace("Budget");
    await setRules(ws, { frequency: { windowHours: 24, max: 3, onLimit: "defer" } });
    await publishDefinition(
      ws,
      "A",
      lineJourney("A", [inAppNode("a-inapp"), emailNode("a-email")]),
    );
    await publishDefinition(
      ws,
      "B",
      lineJourney("B", [inAppNode("b-inapp"), emailNode("b-email")]),
    );
    const clock = new FakeClock("2026-04-01T10:00:00Z");
    await send(clock, ws, [identify("u", { email: "u@example.com" }), track("u", "A")]);
    clock.set("2026-04-01T12:00:00Z");
    await send(clock, ws, [track("u", "B")]);
    expect(await sentTo(ws, "u")).toEqual([
      ["a-inapp", "in_app", "2026-04-01T10:00:00.000Z"],
      ["a-email", "email", "2026-04-01T10:00:00.000Z"],
      ["b-inapp", "in_app", "2026-04-01T12:00:00.000Z"],
    ]);
    const runB = (await runsOf(ws, "u")).find((r) => r.nodeId === "b-email");
    expect(runB).toMatchObject({ status: "waiting" });
    // The oldest two sends leave the 24 h window together at 10:00 tomorrow.
    expect(runB?.wakeAt?.toISOString()).toBe("2026-04-02T10:00:00.000Z");
    const deferred = await prisma.runTrace.findFirstOrThrow({
      where: { runId: runB!.id, decision: "deferred" },
    });
    expect(deferred.reason).toMatch(/3 messages in the last 24 h \(limit 3\)/);

    await advanceTo(clock, "2026-04-02T09:59:00Z");
    expect(await sentTo(ws, "u")).toHaveLength(3);
    await advanceTo(clock, "2026-04-02T12:00:00Z");
    expect((await sentTo(ws, "u")).at(-1)).toEqual([
      "b-email",
      "email",
      "2026-04-02T10:00:00.000Z",
    ]);
    expect(await traceOf(runB!.id)).toEqual([
      ["trigger", "entered"],
      ["b-inapp", "sent"],
      ["b-email", "deferred"],
      ["b-email", "sent"],
      ["end", "exited"],
    ]);
  });

  it("skip mode drops the send and goes on; transactional email ignores the budget", async () => {
    const { workspaceId: ws } = await createTestWorkspace("Budget skip");
    await setRules(ws, { frequency: { windowHours: 24, max: 1, onLimit: "skip" } });
    const receipt: JourneyNode = {
      id: "receipt",
      type: "send_email",
      content: {
        subject: "Receipt",
        preheader: "",
        body: "Paid",
        bodyFormat: "markdown",
        transactional: true,
      },
    };
    await publishDefinition(
      ws,
      "Skip",
      lineJourney("Ordered", [inAppNode("promo"), emailNode("upsell"), receipt]),
    );
    const clock = new FakeClock("2026-04-01T10:00:00Z");
    await send(clock, ws, [identify("s", { email: "s@example.com" }), track("s", "Ordered")]);
    expect((await sentTo(ws, "s")).map(([node]) => node)).toEqual(["promo", "receipt"]);
    const [run] = await runsOf(ws, "s");
    expect(await traceOf(run!.id)).toContainEqual(["upsell", "skipped"]);
  });
});

describe("quiet hours across a DST change", () => {
  const rules = { quietHours: { start: "21:00", end: "08:00", onQuiet: "defer" as const } };

  it("spring forward (Europe/Berlin, 29 March 2026): deferred to 08:00 CEST = 06:00 UTC", async () => {
    const { workspaceId: ws } = await createTestWorkspace("DST spring");
    await setRules(ws, rules);
    await publishDefinition(ws, "Night", lineJourney("Night Owl", [emailNode("late")]));
    const clock = new FakeClock("2026-03-28T21:30:00Z"); // 22:30 CET, Saturday
    await send(clock, ws, [
      identify("owl", { email: "owl@example.com", timezone: "Europe/Berlin" }),
      track("owl", "Night Owl"),
    ]);
    const [run] = await runsOf(ws, "owl");
    expect(run?.wakeAt?.toISOString()).toBe("2026-03-29T06:00:00.000Z");
    await advanceTo(clock, "2026-03-29T12:00:00Z");
    expect(await sentTo(ws, "owl")).toEqual([["late", "email", "2026-03-29T06:00:00.000Z"]]);
  });

  it("fall back (America/New_York, 1 November 2026): deferred to 08:00 EST = 13:00 UTC", async () => {
    const { workspaceId: ws } = await createTestWorkspace("DST fall");
    await setRules(ws, rules);
    await publishDefinition(
      ws,
      "Night",
      lineJourney("Night Owl", [emailNode("late"), inAppNode("card")]),
    );
    const clock = new FakeClock("2026-11-01T02:30:00Z"); // 22:30 EDT, Saturday 31 October
    await send(clock, ws, [
      identify("nyc", { email: "nyc@example.com", timezone: "America/New_York" }),
      track("nyc", "Night Owl"),
    ]);
    await advanceTo(clock, "2026-11-01T20:00:00Z");
    // Quiet hours hold every channel here (no `channels` list), so the card waits too.
    expect(await sentTo(ws, "nyc")).toEqual([
      ["late", "email", "2026-11-01T13:00:00.000Z"],
      ["card", "in_app", "2026-11-01T13:00:00.000Z"],
    ]);
  });
});
