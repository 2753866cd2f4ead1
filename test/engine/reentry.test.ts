import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { queryParts, sql } from "@/lib/db/sql";
import { previousRunsPart } from "@/lib/engine/load-runs";
import type { ReentryPolicy } from "@/lib/journey-core/definition";
import { delayNode, inAppNode, lineJourney } from "@/lib/journey-core/test-fixtures";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import {
  advanceTo,
  FakeClock,
  publishDefinition,
  runsOf,
  send,
  setRules,
  track,
} from "./engine-fixtures";

// Every re-entry policy through the shell: a profile is in at most one run of
// a journey at a time; after that, once / always / cooldown decide.

let ws: string;

beforeAll(async () => {
  ({ workspaceId: ws } = await createTestWorkspace("Re-entry"));
  await setRules(ws, {});
});

async function journeyWith(event: string, reentry: ReentryPolicy): Promise<string> {
  const definition = lineJourney(event, [inAppNode("hi"), delayNode("wait", 1)], { reentry });
  return publishDefinition(ws, `${event} journey`, definition);
}

const statuses = async (user: string, journeyId: string) =>
  (await runsOf(ws, user, journeyId)).map((r) => r.status);

describe("re-entry", () => {
  it("once: never again, even after the run ended", async () => {
    const journeyId = await journeyWith("Once", { mode: "once" });
    const clock = new FakeClock("2026-04-01T10:00:00Z");
    await send(clock, ws, [track("u-once", "Once")]);
    await send(clock, ws, [track("u-once", "Once")]); // still in it
    await advanceTo(clock, "2026-04-03T10:00:00Z");
    await send(clock, ws, [track("u-once", "Once")]);
    expect(await statuses("u-once", journeyId)).toEqual(["completed"]);
  });

  it("always: again after the run ended, but never two runs at once", async () => {
    const journeyId = await journeyWith("Always", { mode: "always" });
    const clock = new FakeClock("2026-04-01T10:00:00Z");
    await send(clock, ws, [track("u-always", "Always"), track("u-always", "Always")]);
    expect(await statuses("u-always", journeyId)).toEqual(["waiting"]);
    await advanceTo(clock, "2026-04-02T11:00:00Z");
    await send(clock, ws, [track("u-always", "Always")]);
    expect(await statuses("u-always", journeyId)).toEqual(["completed", "waiting"]);
  });

  it("cooldown: refused until the cooldown since the last entry has passed", async () => {
    const journeyId = await journeyWith("Cooldown", {
      mode: "cooldown",
      cooldown: { amount: 3, unit: "days" },
    });
    const clock = new FakeClock("2026-04-01T10:00:00Z");
    await send(clock, ws, [track("u-cool", "Cooldown")]);
    await advanceTo(clock, "2026-04-03T10:00:00Z"); // ended after 1 day; 2 days since entry
    await send(clock, ws, [track("u-cool", "Cooldown")]);
    expect(await statuses("u-cool", journeyId)).toEqual(["completed"]);
    await advanceTo(clock, "2026-04-04T10:00:00Z"); // exactly 3 days
    await send(clock, ws, [track("u-cool", "Cooldown")]);
    expect(await statuses("u-cool", journeyId)).toEqual(["completed", "waiting"]);
    // The cooldown counts from the latest entry (04-04), not the first one.
    await advanceTo(clock, "2026-04-06T10:00:00Z");
    await send(clock, ws, [track("u-cool", "Cooldown")]);
    expect(await statuses("u-cool", journeyId)).toEqual(["completed", "completed"]);
    await advanceTo(clock, "2026-04-07T10:00:00Z");
    await send(clock, ws, [track("u-cool", "Cooldown")]);
    expect(await statuses("u-cool", journeyId)).toEqual(["completed", "completed", "waiting"]);
  });

  it("reads every run in progress and the latest one entered, not the whole history", async () => {
    const journeyId = await journeyWith("History", { mode: "always" });
    const clock = new FakeClock("2026-05-01T10:00:00Z");
    await send(clock, ws, [track("u-hist", "History")]);
    const [run] = await runsOf(ws, "u-hist", journeyId);
    if (!run) throw new Error("no run");
    const base = { workspaceId: ws, journeyId, versionId: run.versionId, profileId: run.profileId };
    await prisma.journeyRun.createMany({
      data: [
        { ...base, status: "completed", state: {}, enteredAt: at("04-01"), endedAt: at("04-02") },
        { ...base, status: "completed", state: {}, enteredAt: at("04-20"), endedAt: at("04-21") },
        // A merge can bring a second run in progress along.
        { ...base, status: "waiting", state: {}, enteredAt: at("03-01") },
        { ...base, status: "completed", state: {}, enteredAt: at("05-02"), endedAt: at("05-03") },
      ],
    });
    const { previous } = await queryParts(sql, {
      previous: previousRunsPart([{ workspaceId: ws, profileId: run.profileId }], [journeyId]),
    });
    const entered = (previous.get(run.profileId)?.get(journeyId) ?? [])
      .map((r) => r.enteredAt.toISOString())
      .sort();
    expect(entered).toEqual([at("03-01"), run.enteredAt, at("05-02")].map((d) => d.toISOString()));
  });
});

const at = (monthDay: string) => new Date(`2026-${monthDay}T00:00:00.000Z`);
