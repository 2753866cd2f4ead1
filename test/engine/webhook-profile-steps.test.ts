import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { sql, sqlTransaction } from "@/lib/db/sql";
import type { JourneyDefinitionInput } from "@/lib/journey-core/definition";
import { createJourney } from "@/lib/journeys/create-journey";
import { updateJourney } from "@/lib/journeys/update-journey";
import { deliverDueStepWebhooks } from "@/lib/webhooks/deliver-step-webhooks";
import { STEP_MAX_ATTEMPTS } from "@/lib/webhooks/step-retry-schedule";
import { stepSigningSecret } from "@/lib/webhooks/step-signing-secret";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/fakes/webhook-receiver";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import {
  advanceTo,
  drainEvents,
  FakeClock,
  identify,
  profileId,
  publishDefinition,
  runsOf,
  send,
  sentTo,
  setRules,
  traceOf,
  track,
} from "./engine-fixtures";

// The webhook step end to end on a fake clock: the engine queues the
// request, the step-webhooks worker sends it to a real local HTTP receiver
// (signed: verified with the `standardwebhooks` library), retries, and
// resumes the run on the "succeeded" or "failed" exit. The update-profile
// step writes through ingestion's merge: a later filter and another
// journey's trait trigger see it.

let receiver: WebhookReceiver;
let ws: string;
const savedAllow = process.env.CUE_WEBHOOKS_ALLOW_PRIVATE;

const hookJourney = (event: string, url: string): JourneyDefinitionInput => ({
  version: 1,
  nodes: [
    { id: "trigger", type: "trigger", trigger: { kind: "event", event } },
    {
      id: "hook",
      label: "Tell the CRM",
      type: "send_webhook",
      method: "POST",
      url,
      headers: [
        { name: "X-Source", value: "cue" },
        { name: "Authorization", secret: true, value: "Bearer s3cret" },
      ],
      body: '{"name": "{{ profile.traits.name }}", "plan": "{{ event.plan }}"}',
    },
    { id: "ok", type: "send_inapp", content: { kind: "card", title: "Synced" } },
    { id: "sorry", type: "send_inapp", content: { kind: "card", title: "Not synced" } },
    { id: "end", type: "exit" },
  ],
  edges: [
    { from: "trigger", to: "hook" },
    { from: "hook", to: "ok", exit: "succeeded" },
    { from: "hook", to: "sorry", exit: "failed" },
    { from: "ok", to: "end" },
    { from: "sorry", to: "end" },
  ],
  settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
});

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  ({ workspaceId: ws } = await createTestWorkspace("Steps"));
  await setRules(ws, {});
  await publishDefinition(ws, "Hook", hookJourney("Upgraded", receiver.url));
  await publishDefinition(ws, "Private", hookJourney("Private Ping", receiver.url));
});
afterAll(async () => {
  await receiver.close();
  if (savedAllow === undefined) delete process.env.CUE_WEBHOOKS_ALLOW_PRIVATE;
  else process.env.CUE_WEBHOOKS_ALLOW_PRIVATE = savedAllow;
});
beforeEach(() => {
  receiver.reset();
  process.env.CUE_WEBHOOKS_ALLOW_PRIVATE = "1";
});

const round = (now: Date) => deliverDueStepWebhooks({ now, random: () => 0.5, log: () => {} });

describe("webhook step", () => {
  it("sends a signed request with the secret header, and takes the succeeded exit", async () => {
    const clock = new FakeClock("2026-05-01T10:00:00Z");
    await send(clock, ws, [identify("u1", { name: 'Ada "the" Lovelace' })]);
    await send(clock, ws, [track("u1", "Upgraded", { plan: "pro" })]);
    const stored = await prisma.journeyWebhookCall.findFirstOrThrow({ where: { workspaceId: ws } });
    expect(JSON.stringify(stored.headers)).not.toContain("s3cret");
    const journey = await prisma.journey.findFirstOrThrow({
      where: { workspaceId: ws, name: "Hook" },
    });
    expect(JSON.stringify(journey.draft)).not.toContain("s3cret");

    const answered = await round(clock.now());
    expect(answered).toEqual({ delivered: 1, resumed: 1 });
    const [request] = receiver.received;
    const signing = await stepSigningSecret(sql, ws);
    expect(receiver.verifies(request, signing.secret)).toBe(true);
    expect(request.headers.authorization).toBe("Bearer s3cret");
    expect(request.headers["x-source"]).toBe("cue");
    expect(request.headers["idempotency-key"]).toMatch(/:hook:1$/);
    // Values are JSON-escaped: the body parses, and holds the trait as sent.
    expect(JSON.parse(request.body)).toEqual({ name: 'Ada "the" Lovelace', plan: "pro" });

    const [run] = await runsOf(ws, "u1");
    expect(run.status).toBe("completed");
    expect(await traceOf(run.id)).toContainEqual(["hook", "webhook_succeeded"]);
    const trace = await prisma.runTrace.findFirstOrThrow({
      where: { runId: run.id, decision: "webhook_succeeded" },
    });
    expect(trace.data).toMatchObject({ statusCode: 200, body: "ok", attempts: 1 });
    // Resumed as of the step: the next message is stamped at the step's event time.
    expect((await sentTo(ws, "u1")).map((m) => [m[0], m[2]])).toEqual([
      ["ok", "2026-05-01T10:00:00.000Z"],
    ]);
  });

  it("retries on 500 and takes the failed exit after the last attempt", async () => {
    const clock = new FakeClock("2026-05-02T10:00:00Z");
    receiver.answer(
      ...Array.from({ length: STEP_MAX_ATTEMPTS }, () => ({ status: 500, body: "down" })),
    );
    await send(clock, ws, [track("u2", "Upgraded", { plan: "pro" })]);
    let now = clock.now();
    for (let attempt = 1; attempt <= STEP_MAX_ATTEMPTS; attempt++) {
      const result = await round(now);
      expect(result.delivered).toBe(1);
      now = new Date(now.getTime() + 11 * 60_000); // past every delay of the schedule
    }
    expect(receiver.received).toHaveLength(STEP_MAX_ATTEMPTS);
    const ids = new Set(receiver.received.map((r) => r.headers["webhook-id"]));
    expect(ids.size).toBe(1); // the same message on every attempt
    const [run] = await runsOf(ws, "u2");
    expect(await traceOf(run.id)).toContainEqual(["hook", "webhook_failed"]);
    expect((await sentTo(ws, "u2")).map((m) => m[0])).toEqual(["sorry"]);
    const trace = await prisma.runTrace.findFirstOrThrow({
      where: { runId: run.id, decision: "webhook_failed" },
    });
    expect(trace.data).toMatchObject({
      statusCode: 500,
      body: "down",
      attempts: STEP_MAX_ATTEMPTS,
    });
  });

  it("refuses a private-network target unless allowed, and fails at once", async () => {
    delete process.env.CUE_WEBHOOKS_ALLOW_PRIVATE;
    const clock = new FakeClock("2026-05-03T10:00:00Z");
    await send(clock, ws, [track("u3", "Private Ping")]);
    await round(clock.now());
    expect(receiver.received).toHaveLength(0);
    const [run] = await runsOf(ws, "u3");
    const trace = await prisma.runTrace.findFirstOrThrow({
      where: { runId: run.id, decision: "webhook_failed" },
    });
    expect(trace.reason).toMatch(/Refused/);
    expect((await sentTo(ws, "u3")).map((m) => m[0])).toEqual(["sorry"]);
  });
});

describe("webhook step in a holdout", () => {
  it("a data sync is called for holdout runs too, marked Cue-Holdout; the holdout gets no message", async () => {
    const { workspaceId } = await createTestWorkspace("Holdout sync");
    await setRules(workspaceId, {});
    const definition = hookJourney("Trial Started", receiver.url);
    await publishDefinition(workspaceId, "Sync", {
      ...definition,
      settings: { ...definition.settings, holdoutPercent: 50 },
    });
    const clock = new FakeClock("2026-05-04T10:00:00Z");
    const users = Array.from({ length: 16 }, (_, i) => `h${i}`);
    await send(
      clock,
      workspaceId,
      users.map((u) => track(u, "Trial Started")),
    );
    expect(await round(clock.now())).toEqual({ delivered: 16, resumed: 16 });

    const runs = await prisma.journeyRun.findMany({ where: { workspaceId } });
    const profiles = await prisma.profile.findMany({ where: { workspaceId } });
    const userOf = (run: (typeof runs)[number]) =>
      profiles.find((p) => p.id === run.profileId)?.userId as string;
    const held = runs.filter((r) => r.holdout);
    // 16 profiles on a 50% holdout: both groups are there (each miss is 2^-16).
    expect(held.length).toBeGreaterThan(0);
    expect(held.length).toBeLessThan(16);
    const marked = receiver.received.filter((r) => r.headers["cue-holdout"] === "true");
    expect(marked).toHaveLength(held.length);
    for (const run of held) {
      expect(await sentTo(workspaceId, userOf(run))).toEqual([]);
    }
    const treated = runs.find((r) => !r.holdout);
    if (!treated) throw new Error("no treated run");
    expect((await sentTo(workspaceId, userOf(treated))).map((m) => m[0])).toEqual(["ok"]);
  });
});

describe("secret headers", () => {
  it("are stored apart, once per value, and never read back", async () => {
    const { workspaceId } = await createTestWorkspace("Secrets");
    const definition = hookJourney("Anything", "https://example.com/hook");
    const journey = await createJourney({
      workspaceId,
      journey: { name: "Secrets", definition: definition as Record<string, unknown> },
    });
    let revision = journey.draftRevision;
    for (let i = 0; i < 2; i++) {
      const saved = await updateJourney({
        workspaceId,
        id: journey.id,
        update: { draftRevision: revision, definition: definition as never },
      });
      revision = saved.draftRevision;
      expect(JSON.stringify(saved)).not.toContain("s3cret");
    }
    expect(await prisma.journeyStepSecret.count({ where: { workspaceId } })).toBe(1);
  });

  it("autosaves write a secret row only when the secret changed, per journey", async () => {
    const { workspaceId } = await createTestWorkspace("Secret autosave");
    const withSecret = (value: string, headerName = "Authorization") => {
      const definition = hookJourney("Anything", "https://example.com/hook");
      const hook = definition.nodes[1] as Extract<
        JourneyDefinitionInput["nodes"][number],
        { type: "send_webhook" }
      >;
      hook.headers = [
        { name: "X-Source", value: "cue" },
        { name: headerName, secret: true, value },
      ];
      return definition;
    };
    const rows = () => prisma.journeyStepSecret.findMany({ where: { workspaceId } });
    const secretIdOf = async (journeyId: string) => {
      const stored = await prisma.journey.findUniqueOrThrow({ where: { id: journeyId } });
      const text = JSON.stringify(stored.draft);
      expect(text).not.toContain("s3cret");
      return /"secretId":"([^"]+)"/.exec(text)?.[1];
    };
    const journey = await createJourney({
      workspaceId,
      journey: { name: "A", definition: withSecret("Bearer s3cret-1") as Record<string, unknown> },
    });
    const first = await secretIdOf(journey.id);
    let revision = journey.draftRevision;
    const save = async (definition: JourneyDefinitionInput) => {
      const saved = await updateJourney({
        workspaceId,
        id: journey.id,
        update: { draftRevision: revision, definition: definition as never },
      });
      revision = saved.draftRevision;
      return saved;
    };
    // The editor keeps the typed value and autosaves it with every other change.
    for (let i = 0; i < 3; i++) await save(withSecret("Bearer s3cret-1"));
    expect((await rows()).map((r) => r.id)).toEqual([first]);
    expect(await secretIdOf(journey.id)).toBe(first);

    // Replace: a new value is a new row; saving it again writes nothing more.
    await save(withSecret("Bearer s3cret-2"));
    await save(withSecret("Bearer s3cret-2"));
    const second = await secretIdOf(journey.id);
    expect(second).not.toBe(first);
    expect(await rows()).toHaveLength(2);
    // The old row stays: a published version may still send with it.
    expect((await rows()).map((r) => r.id).sort()).toEqual([first, second].sort());

    // The same value under another header, or in another journey, is its own secret.
    await save(withSecret("Bearer s3cret-2", "X-Api-Key"));
    expect(await rows()).toHaveLength(3);
    const other = await createJourney({
      workspaceId,
      journey: { name: "B", definition: withSecret("Bearer s3cret-2") as Record<string, unknown> },
    });
    expect(await secretIdOf(other.id)).not.toBe(second);
    expect(await rows()).toHaveLength(4);
  });
});

describe("update-profile step", () => {
  it("is seen by a following filter, the stored profile and another journey's trait trigger", async () => {
    const { workspaceId } = await createTestWorkspace("Profile steps");
    await setRules(workspaceId, {});
    const updater: JourneyDefinitionInput = {
      version: 1,
      nodes: [
        { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Nudge" } },
        {
          id: "mark",
          type: "update_profile",
          operations: [
            { op: "set", trait: "plan", value: "pro" },
            { op: "increment", trait: "nudges_sent", by: 1 },
          ],
        },
        {
          id: "check",
          type: "filter",
          condition: { all: [{ kind: "trait", path: "nudges_sent", operator: "eq", value: 1 }] },
        },
        { id: "msg", type: "send_inapp", content: { kind: "card", title: "Nudged" } },
        { id: "end", type: "exit" },
      ],
      edges: [
        { from: "trigger", to: "mark" },
        { from: "mark", to: "check" },
        { from: "check", to: "msg" },
        { from: "msg", to: "end" },
      ],
      settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
    };
    const becamePro: JourneyDefinitionInput = {
      version: 1,
      nodes: [
        {
          id: "trigger",
          type: "trigger",
          trigger: {
            kind: "trait_change",
            conditions: [{ kind: "trait", path: "plan", operator: "eq", value: "pro" }],
          },
        },
        { id: "welcome", type: "send_inapp", content: { kind: "card", title: "Welcome to Pro" } },
        { id: "end", type: "exit" },
      ],
      edges: [
        { from: "trigger", to: "welcome" },
        { from: "welcome", to: "end" },
      ],
      settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
    };
    const updaterId = await publishDefinition(workspaceId, "Updater", updater);
    const proId = await publishDefinition(workspaceId, "Pro", becamePro);
    const clock = new FakeClock("2026-05-04T10:00:00Z");
    await send(clock, workspaceId, [track("p1", "Nudge")]);
    const id = await profileId(workspaceId, "p1");
    const profile = await prisma.profile.findUniqueOrThrow({ where: { id } });
    expect(profile.traits).toMatchObject({ plan: "pro", nudges_sent: 1 });
    expect((await runsOf(workspaceId, "p1", updaterId))[0].status).toBe("completed");
    const pro = await runsOf(workspaceId, "p1", proId);
    expect(pro).toHaveLength(1);
    expect((await sentTo(workspaceId, "p1")).map((m) => m[0]).sort()).toEqual(["msg", "welcome"]);
    // The second nudge: the counter is 2, so the filter stops it; Pro does not fire again.
    clock.advance(60_000);
    await send(clock, workspaceId, [track("p1", "Nudge")]);
    const again = await prisma.profile.findUniqueOrThrow({ where: { id } });
    expect(again.traits).toMatchObject({ nudges_sent: 2 });
    const runs = await runsOf(workspaceId, "p1", updaterId);
    expect(runs.map((r) => r.status)).toEqual(["completed", "filtered"]);
    expect(await runsOf(workspaceId, "p1", proId)).toHaveLength(1);
  });

  it("never re-triggers its own journey's trait trigger", async () => {
    const { workspaceId } = await createTestWorkspace("Profile loop");
    await setRules(workspaceId, {});
    // Without the guard this journey would enter again every hour: its second
    // step makes the trait change its own trigger waits for.
    const looping: JourneyDefinitionInput = {
      version: 1,
      nodes: [
        {
          id: "trigger",
          type: "trigger",
          trigger: {
            kind: "trait_change",
            conditions: [{ kind: "trait", path: "flag", operator: "eq", value: true }],
          },
        },
        { id: "off", type: "update_profile", operations: [{ op: "remove", trait: "flag" }] },
        {
          id: "wait",
          type: "delay",
          delay: { kind: "duration", duration: { amount: 1, unit: "hours" } },
        },
        {
          id: "on",
          type: "update_profile",
          operations: [{ op: "set", trait: "flag", value: true }],
        },
        { id: "end", type: "exit" },
      ],
      edges: [
        { from: "trigger", to: "off" },
        { from: "off", to: "wait" },
        { from: "wait", to: "on" },
        { from: "on", to: "end" },
      ],
      settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
    };
    const id = await publishDefinition(workspaceId, "Loop", looping);
    const clock = new FakeClock("2026-05-05T10:00:00Z");
    await send(clock, workspaceId, [identify("l1", { flag: true })]);
    await advanceTo(clock, "2026-05-05T13:00:00Z");
    await drainEvents(clock);
    await advanceTo(clock, "2026-05-05T16:00:00Z");
    const runs = await runsOf(workspaceId, "l1", id);
    expect(runs.map((r) => r.status)).toEqual(["completed"]);
    const profile = await prisma.profile.findUniqueOrThrow({
      where: { id: await profileId(workspaceId, "l1") },
    });
    expect(profile.traits).toMatchObject({ flag: true });
  });
});

describe("the step signing secret", () => {
  it("is made once when deliveries ask for it at the same moment, and each gets it", async () => {
    const { workspaceId } = await createTestWorkspace("Secret race");
    // One delivery makes it and commits a moment later; the other asks meanwhile,
    // so its statement starts before that commit.
    let made!: () => void;
    const inserted = new Promise<void>((resolve) => {
      made = resolve;
    });
    const first = sqlTransaction(async (tx) => {
      const secret = await stepSigningSecret(tx, workspaceId);
      made();
      await tx.$queryRaw`SELECT pg_sleep(0.3)`;
      return secret;
    });
    await inserted;
    const second = await stepSigningSecret(sql, workspaceId);
    expect(second?.secret).toBe((await first).secret);
  });
});
