import { beforeAll, describe, expect, it, vi } from "vitest";
import type { BacktestJson } from "@/lib/backtests/backtest-json";
import { backtestTask } from "@/lib/backtests/backtest-task";
import { claimBacktest } from "@/lib/backtests/claim-backtest";
import { cancelBacktest } from "@/lib/backtests/manage-backtests";
import { runBacktest } from "@/lib/backtests/run-backtest";
import { prisma } from "@/lib/db/client";
import { inAppNode, lineJourney } from "@/lib/journey-core/test-fixtures";
import { createJourney } from "@/lib/journeys/create-journey";
import {
  ctx,
  get,
  memberWithWorkspace,
  postJson,
  session,
  sessionModule,
} from "@/test/analytics/analytics-fixtures";
import { FakeClock, publishDefinition, send, setRules, track } from "@/test/engine/engine-fixtures";

vi.mock("@/lib/auth/session", () => sessionModule());

const collection = await import("@/app/api/w/[workspaceId]/journeys/[journeyId]/backtests/route");
const single = await import(
  "@/app/api/w/[workspaceId]/journeys/[journeyId]/backtests/[backtestId]/route"
);
const cancel = await import(
  "@/app/api/w/[workspaceId]/journeys/[journeyId]/backtests/[backtestId]/cancel/route"
);

let ws: string;
let journeyId: string;
const base = () => `/api/w/${ws}/journeys/${journeyId}/backtests`;

async function create(body: unknown, id = journeyId) {
  return collection.POST(postJson(base(), body), ctx({ workspaceId: ws, journeyId: id }));
}

async function createOk(body: unknown): Promise<BacktestJson> {
  const response = await create(body);
  expect(response.status).toBe(202);
  return ((await response.json()) as { backtest: BacktestJson }).backtest;
}

async function fetchOne(id: string): Promise<BacktestJson> {
  const response = await single.GET(
    get(`${base()}/${id}`),
    ctx({ workspaceId: ws, journeyId, backtestId: id }),
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { backtest: BacktestJson }).backtest;
}

/** Claims and runs queued backtests one by one, like a worker. */
async function drain(options: Parameters<typeof runBacktest>[1] = {}) {
  for (;;) {
    const claimed = await claimBacktest(new Date());
    if (!claimed) return;
    await runBacktest(claimed, options);
  }
}

const engineRows = async () => ({
  runs: await prisma.journeyRun.count({ where: { workspaceId: ws } }),
  messages: await prisma.message.count({ where: { workspaceId: ws } }),
  traces: await prisma.runTrace.count({ where: { workspaceId: ws } }),
  inbox: await prisma.inboxItem.count({ where: { workspaceId: ws } }),
});

beforeAll(async () => {
  const owner = await memberWithWorkspace("backtests@a.test");
  session.member = owner.member;
  ws = owner.workspaceId;
  await setRules(ws, {});
  // History first (no journey yet, so nothing ran live), then a live journey.
  const clock = new FakeClock("2026-02-02T10:00:00Z");
  for (let day = 0; day < 4; day++) {
    await send(
      clock,
      ws,
      Array.from({ length: 10 }, (_, i) => track(`p${day}-${i}`, "Joined")),
    );
    await send(clock, ws, [track(`p${day}-0`, "Browsed")]);
    clock.advance(86_400_000);
  }
  journeyId = await publishDefinition(
    ws,
    "Welcome",
    lineJourney("Joined", [inAppNode("hello")], { holdoutPercent: 10 }),
  );
});

describe("backtests API", () => {
  it("queues (202), runs in the worker task, and reports results", async () => {
    const before = await engineRows();
    const queued = await createOk({ source: "live", from: "2026-02-01", to: "2026-02-07" });
    expect(queued).toMatchObject({
      status: "queued",
      progress: 0,
      counts: null,
      source: { kind: "version", version: 1 },
      window: { from: "2026-02-01T00:00:00.000Z", to: "2026-02-08T00:00:00.000Z" },
    });
    const task = backtestTask({ chunkSize: 7, log: () => {} });
    expect(await task.run(new Date())).toBe(1);
    await task.current();
    const done = await fetchOne(queued.id);
    expect(done.status).toBe("done");
    expect(done.progress).toBe(1);
    expect(done.counts).toMatchObject({ entered: 40, profilesEntered: 40, profilesScanned: 40 });
    expect(done.counts!.messages.hello.wouldSend + done.counts!.holdout).toBe(40);
    expect(done.samplePaths!.length).toBeGreaterThan(0);
    expect(done.samplePaths![0].steps[0]).toMatchObject({ nodeId: "trigger", decision: "entered" });
    // Nothing was sent or written besides the backtest row.
    expect(await engineRows()).toEqual(before);

    const list = await collection.GET(get(base()), ctx({ workspaceId: ws, journeyId }));
    const { backtests } = (await list.json()) as { backtests: BacktestJson[] };
    expect(backtests[0]).toMatchObject({ id: queued.id, status: "done", samplePaths: null });
  });

  it("cancelling mid-run stops it and leaves only the cancelled row, without results", async () => {
    const before = await engineRows();
    const queued = await createOk({ source: "draft", from: "2026-02-01", to: "2026-02-07" });
    const claimed = await claimBacktest(new Date());
    let chunks = 0;
    const outcome = await runBacktest(claimed!, {
      chunkSize: 5,
      onChunk: async () => {
        chunks += 1;
        if (chunks === 2) {
          const response = await cancel.POST(
            postJson(`${base()}/${queued.id}/cancel`, {}),
            ctx({ workspaceId: ws, journeyId, backtestId: queued.id }),
          );
          expect(response.status).toBe(200);
        }
      },
    });
    expect(outcome).toBe("cancelled");
    expect(chunks).toBe(2);
    const row = await prisma.backtest.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row).toMatchObject({ status: "cancelled", counts: null, samplePaths: null });
    expect(row.progress).toBeLessThan(1);
    expect(await engineRows()).toEqual(before);
    // A cancelled backtest is not picked up again.
    expect(await claimBacktest(new Date())).toBeNull();
  });

  it("a queued backtest cancelled before any worker saw it never runs", async () => {
    const queued = await createOk({ source: "live", from: "2026-02-01", to: "2026-02-03" });
    const cancelled = await cancelBacktest({ workspaceId: ws, journeyId, id: queued.id });
    expect(cancelled.status).toBe("cancelled");
    expect(await claimBacktest(new Date())).toBeNull();
    // Cancelling twice is fine; cancelling a finished one is a conflict.
    expect((await cancelBacktest({ workspaceId: ws, journeyId, id: queued.id })).status).toBe(
      "cancelled",
    );
    const finished = (await prisma.backtest.findFirstOrThrow({ where: { status: "done" } })).id;
    await expect(cancelBacktest({ workspaceId: ws, journeyId, id: finished })).rejects.toThrow(
      /already done/,
    );
  });

  it("explains a window without data, and one without the trigger's event", async () => {
    const empty = await createOk({ source: "live", from: "2026-01-01", to: "2026-01-10" });
    await drain();
    const result = await fetchOne(empty.id);
    expect(result.status).toBe("done");
    expect(result.counts).toMatchObject({ entered: 0, profilesScanned: 0 });
    expect(result.counts!.notes[0]).toMatch(/No events were stored in this window/);

    const other = await createJourney({
      workspaceId: ws,
      journey: { name: "Other", definition: lineJourney("Never Sent", [inAppNode("x")]) },
    });
    const response = await collection.POST(
      postJson(`/api/w/${ws}/journeys/${other.id}/backtests`, {
        source: "draft",
        from: "2026-02-01",
        to: "2026-02-07",
      }),
      ctx({ workspaceId: ws, journeyId: other.id }),
    );
    const { backtest } = (await response.json()) as { backtest: BacktestJson };
    await drain();
    const row = await prisma.backtest.findUniqueOrThrow({ where: { id: backtest.id } });
    const notes = (row.counts as { notes: string[] }).notes;
    expect(notes[0]).toMatch(/none named "Never Sent"/);
  });

  it("rejects bad input naming the field", async () => {
    const cases: [unknown, string][] = [
      [{ source: "live", from: "2026-02-07", to: "2026-02-01" }, "from"],
      [{ source: "version", from: "2026-02-01", to: "2026-02-07" }, "version"],
      [{ source: "version", version: 7, from: "2026-02-01", to: "2026-02-07" }, "version"],
      [{ source: "live", from: "2025-01-01", to: "2026-02-07" }, "to"],
      [{ source: "live", from: "last week", to: "2026-02-07" }, "from"],
      [{ source: "sometime", from: "2026-02-01", to: "2026-02-07" }, "source"],
      [{ source: "live", from: "2026-02-01", to: "2026-02-07", extra: 1 }, "(root)"],
    ];
    for (const [body, field] of cases) {
      const response = await create(body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      const error = (
        (await response.json()) as { error: { details: { issues: { field: string }[] } } }
      ).error;
      expect(error.details.issues[0].field, JSON.stringify(body)).toBe(field);
    }
    const broken = await createJourney({
      workspaceId: ws,
      journey: { name: "Broken", definition: {} },
    });
    const response = await create(
      { source: "draft", from: "2026-02-01", to: "2026-02-07" },
      broken.id,
    );
    expect(response.status).toBe(422);
    expect(await response.text()).toMatch(/not a complete journey/);
    const unpublished = await create(
      { source: "live", from: "2026-02-01", to: "2026-02-07" },
      broken.id,
    );
    expect(unpublished.status).toBe(422);

    const idle = await createJourney({
      workspaceId: ws,
      journey: {
        name: "Idle",
        definition: {
          version: 1,
          nodes: [
            {
              id: "t",
              type: "trigger",
              trigger: { kind: "inactivity", inactiveFor: { amount: 7, unit: "days" } },
            },
            { id: "e", type: "exit" },
          ],
          edges: [{ from: "t", to: "e" }],
          settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
        },
      },
    });
    const inactivity = await create(
      { source: "draft", from: "2026-02-01", to: "2026-02-07" },
      idle.id,
    );
    expect(inactivity.status).toBe(422);
    expect(await inactivity.text()).toMatch(/inactivity/);

    const missing = await create({ source: "draft", from: "2026-02-01", to: "2026-02-07" }, "nope");
    expect(missing.status).toBe(404);
    const notJson = await collection.POST(
      new Request(`http://cue.test${base()}`, { method: "POST", body: "x" }),
      ctx({ workspaceId: ws, journeyId }),
    );
    expect(notJson.status).toBe(415);
  });

  it("limits how many run at once, and keeps other tenants and viewers out", async () => {
    await prisma.backtest.updateMany({ where: { workspaceId: ws }, data: { status: "done" } });
    for (let i = 0; i < 3; i++)
      await createOk({ source: "live", from: "2026-02-01", to: "2026-02-02" });
    const fourth = await create({ source: "live", from: "2026-02-01", to: "2026-02-02" });
    expect(fourth.status).toBe(409);
    const some = await prisma.backtest.findFirstOrThrow({ where: { workspaceId: ws } });

    const owner = session.member;
    const viewer = await memberWithWorkspace("bt-viewer@a.test", "viewer");
    await prisma.membership.create({
      data: { workspaceId: ws, memberId: viewer.member.id, role: "viewer" },
    });
    session.member = viewer.member;
    try {
      expect((await create({ source: "live", from: "2026-02-01", to: "2026-02-02" })).status).toBe(
        403,
      );
      expect((await fetchOne(some.id)).id).toBe(some.id);
      const stranger = await memberWithWorkspace("bt-stranger@b.test");
      session.member = stranger.member;
      const read = await single.GET(
        get(`${base()}/${some.id}`),
        ctx({ workspaceId: ws, journeyId, backtestId: some.id }),
      );
      expect(read.status).toBe(404);
      const own = await single.GET(
        get(`/api/w/${stranger.workspaceId}/journeys/${journeyId}/backtests/${some.id}`),
        ctx({ workspaceId: stranger.workspaceId, journeyId, backtestId: some.id }),
      );
      expect(own.status).toBe(404);
    } finally {
      session.member = owner;
    }
  });
});
