import pg from "pg";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { sweepInactivity } from "@/lib/engine/sweep-inactivity";
import { dropExpiredEvents } from "@/lib/events/event-partitions";
import type { JourneyDefinitionInput } from "@/lib/journey-core/definition";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import {
  DAY,
  FakeClock,
  identify,
  publishDefinition,
  runsOf,
  send,
  setRules,
  track,
} from "./engine-fixtures";

// The inactivity sweep: a periodic, set-based pass over the lastSeenAt index
// (or the named event), once per period of silence, one sweeper at a time.

const quietFor = (days: number, event?: string): JourneyDefinitionInput => ({
  version: 1,
  nodes: [
    {
      id: "trigger",
      type: "trigger",
      trigger: {
        kind: "inactivity",
        inactiveFor: { amount: days, unit: "days" },
        ...(event && { event }),
      },
    },
    { id: "miss-you", type: "send_inapp", content: { kind: "card", title: "We miss you" } },
    { id: "end", type: "exit" },
  ],
  edges: [
    { from: "trigger", to: "miss-you" },
    { from: "miss-you", to: "end" },
  ],
  settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
});

const sweep = (clock: FakeClock, batchSize?: number) =>
  sweepInactivity({ now: clock.now, batchSize, log: () => {}, allowedLatenessMs: 0 });

describe("inactivity sweep", () => {
  it("enters each lapsed profile once per period, page by page through equal timestamps", async () => {
    const { workspaceId: ws } = await createTestWorkspace("Quiet");
    await setRules(ws, {});
    const clock = new FakeClock("2026-06-01T10:00:00Z");
    const users = ["q1", "q2", "q3", "q4", "q5"];
    await send(
      clock,
      ws,
      users.map((u) => track(u, "Logged In")),
    );
    await publishDefinition(ws, "Quiet", quietFor(3));

    clock.set("2026-06-04T09:59:59Z");
    expect(await sweep(clock, 2)).toMatchObject({ swept: true, considered: 0 });
    clock.set("2026-06-04T10:00:00Z");
    const rounds = [
      await sweep(clock, 2),
      await sweep(clock, 2),
      await sweep(clock, 2),
      await sweep(clock, 2),
    ];
    expect(rounds.map((r) => r.entered)).toEqual([2, 2, 1, 0]);
    // Only a full round says more may wait (the worker goes again at once only then).
    expect(rounds.map((r) => r.more)).toEqual([true, true, false, false]);
    for (const user of users) expect(await runsOf(ws, user)).toHaveLength(1);

    // Back, then quiet again: a new period, a new entry (re-entry "always").
    clock.set("2026-06-05T10:00:00Z");
    await send(clock, ws, [track("q1", "Logged In")]);
    clock.set("2026-06-08T10:00:00Z");
    expect((await sweep(clock)).entered).toBe(1);
    expect(await runsOf(ws, "q1")).toHaveLength(2);
    expect((await sweep(clock)).entered).toBe(0);
  });

  it("on a named event: its last occurrence counts, or firstSeenAt for those who never sent it", async () => {
    const { workspaceId: ws } = await createTestWorkspace("Named");
    await setRules(ws, {});
    const clock = new FakeClock("2026-06-01T10:00:00Z");
    await send(clock, ws, [
      track("n-a", "Report Created"),
      identify("n-b", { plan: "free" }),
      track("n-c", "Report Created"),
    ]);
    await publishDefinition(ws, "No reports", quietFor(3, "Report Created"));
    clock.set("2026-06-03T10:00:00Z");
    await send(clock, ws, [track("n-c", "Report Created"), track("n-a", "Logged In")]);

    clock.set("2026-06-04T10:00:00Z");
    await sweep(clock);
    expect((await runsOf(ws, "n-a")).length).toBe(1); // other events are not the named activity
    expect((await runsOf(ws, "n-b")).length).toBe(1); // never created one: lapsed from firstSeenAt
    expect((await runsOf(ws, "n-c")).length).toBe(0);
    clock.set("2026-06-06T10:00:00Z");
    await sweep(clock);
    expect((await runsOf(ws, "n-c")).length).toBe(1);
  });

  it("on a named event, after retention dropped the raw events: from the rollups", async () => {
    const { workspaceId: ws } = await createTestWorkspace("Named, retained");
    await setRules(ws, {});
    const clock = new FakeClock("2026-06-01T10:00:00Z");
    await send(clock, ws, [
      track("r-a", "Report Created"),
      track("r-b", "Logged In"),
      track("r-c", "Report Created"),
    ]);
    clock.set("2026-06-03T10:00:00Z");
    await send(clock, ws, [track("r-c", "Report Created"), track("r-a", "Logged In")]);
    await publishDefinition(ws, "No reports", quietFor(3, "Report Created"));
    // Retention far in the future drops every partition holding these events.
    process.env.CUE_EVENT_RETENTION_DAYS = "14";
    try {
      const dropped = await dropExpiredEvents(new Date(Date.now() + 8 * 7 * DAY), 14);
      expect(dropped.dropped.length).toBeGreaterThan(0);
      expect(await prisma.event.count({ where: { workspaceId: ws } })).toBe(0);

      clock.set("2026-06-04T10:00:00Z");
      await sweep(clock);
      expect((await runsOf(ws, "r-a")).length).toBe(1); // its last report, from the rollups
      expect((await runsOf(ws, "r-b")).length).toBe(1); // never created one
      expect((await runsOf(ws, "r-c")).length).toBe(0); // reported on the 3rd
      clock.set("2026-06-06T10:00:00Z");
      await sweep(clock);
      expect((await runsOf(ws, "r-c")).length).toBe(1);
      expect((await runsOf(ws, "r-a")).length).toBe(1);
    } finally {
      delete process.env.CUE_EVENT_RETENTION_DAYS;
    }
  });

  it("runs in one process at a time: a sweep finding the lock taken skips its round", async () => {
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(4242010)");
      const clock = new FakeClock("2026-06-01T10:00:00Z");
      expect(await sweep(clock)).toEqual({ swept: false, considered: 0, entered: 0, more: false });
      await holder.query("SELECT pg_advisory_unlock(4242010)");
      expect((await sweep(clock)).swept).toBe(true);
    } finally {
      await holder.end();
    }
    expect(await prisma.inactivitySweep.count()).toBeGreaterThan(0);
  });
});
