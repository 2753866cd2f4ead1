import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { expect } from "vitest";
import { planBacktest } from "@/lib/backtests/backtest-plan";
import { loadChunk } from "@/lib/backtests/load-backtest-data";
import { profileAtWindowStart, replayProfile } from "@/lib/backtests/replay-profile";
import { prisma } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import { nextQueuedEventDueAt } from "@/lib/engine/event-queue";
import { nextRunWakeAt, processDueRuns } from "@/lib/engine/process-due-runs";
import { processEvents } from "@/lib/engine/process-events";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import {
  type JourneyDefinitionInput,
  journeyDefinitionSchema,
} from "@/lib/journey-core/definition";
import { inAppNode } from "@/lib/journey-core/test-fixtures";
import { archiveJourney } from "@/lib/journeys/archive-journey";
import { pauseJourney, resumeJourney } from "@/lib/journeys/change-journey-status";
import { createJourney } from "@/lib/journeys/create-journey";
import { publishJourney } from "@/lib/journeys/publish-journey";

// Live and backtest agree, for any stream a real client can send. fast-check
// generates streams of calls (several profiles; triggers, the event a wait is
// for, goals, trait changes, other events; equal timestamps), delivers them as
// a client would (batched, out of order inside and across batches, late up to
// the allowed lateness, some resent) to a live engine that is sometimes behind
// (fake clock, real ingestion, real database), with the journeys paused for a
// while in some streams, and then replays the stored events through the
// backtest (with the journeys' status history, as live decided entries).
// Entries, sends and traces must be equal.
//
// A failing lane of streams is printed (seed, path and value). Keep it: add
// it to regressions.json here so it runs first, every time (or to
// known-gaps.json, as an expected failure, for a gap that is not fixed yet).
//
// This file is the harness; the tests are live-vs-backtest.property.test.ts
// (default event order) and strict-order.property.test.ts (CUE_STRICT_EVENT_ORDER).

export const RUNS = Number(process.env.CUE_DIFFERENTIAL_RUNS ?? 500);
/**
 * The suite runs a fixed seed, so that CI judges the code and not the dice;
 * `CUE_DIFFERENTIAL_SEED=random` explores new streams (the seed is printed
 * with a failure), and any number replays one.
 */
const SEED_SETTING = process.env.CUE_DIFFERENTIAL_SEED ?? "20261207";
export const SEED = SEED_SETTING === "random" ? undefined : Number(SEED_SETTING);
/**
 * Streams share one timeline in lanes of this many (their own profiles, event
 * names and journeys), so the engine works on several at once, as it does
 * live; each stream is still compared on its own.
 */
export const LANES = 5;
const LATENESS_MS = 2 * 60_000;
const MINUTE = 60_000;
const quiet = () => {};

type Kind = "A" | "A2" | "B" | "G" | "pro" | "free" | "other";
interface Call {
  user: number;
  kind: Kind;
  /** Event time, minutes after the stream starts (equal times are common on purpose). */
  minute: number;
  /** How late it reaches Cue, within the allowed lateness. */
  lagMs: number;
  /** Resent later (same messageId), as a retrying client does. */
  resend: boolean;
}
export interface Stream {
  calls: Call[];
  reentry: "always" | "once";
  filterPro: boolean;
  goal: boolean;
  /**
   * The trait journey waits 45 minutes before its message (with the goal,
   * when `goal`), so a run is in progress when the next change comes and
   * re-entry refuses it: a change refused during a pause is decided again on
   * resume, and one refused before a late goal ended the run, when the goal
   * arrives. Absent in lanes saved before it existed (false).
   */
  traitDelay?: boolean;
  /** Minutes after the start when both journeys are paused, and resumed (null: never). */
  pause: { at: number; for: number } | null;
  /** Per delivery: false leaves the engine behind (queued, not yet evaluated). */
  engineKeepsUp: boolean[];
}

const anyCallArb: fc.Arbitrary<Call> = fc.record({
  user: fc.integer({ min: 0, max: 2 }),
  kind: fc.constantFrom<Kind>("A", "A", "A2", "B", "B", "G", "pro", "free", "other"),
  // Clustered on quarter hours, so that an event often lands right at a wait's timeout
  // (an hour after its trigger), where order and lateness decide the exit.
  minute: fc
    .tuple(fc.integer({ min: 0, max: 10 }), fc.constantFrom(0, 0, 0, -1, 1, 7))
    .map(([quarter, shift]) => Math.max(1, 15 * quarter + shift)),
  lagMs: fc.integer({ min: 0, max: LATENESS_MS }),
  resend: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});
/**
 * In the default event order, wait and goal events (and unrelated ones) may
 * be late; triggers and identifies reach Cue on time. Entries and filters are
 * decided as soon as the trigger is evaluated, so a trigger or trait that
 * arrives late, after a later decision of its profile was made, is a known
 * gap there (known-gaps.json). In strict order any call may be late.
 */
const onTimeTriggerArb: fc.Arbitrary<Call> = anyCallArb.map((call) =>
  call.kind === "B" || call.kind === "G" || call.kind === "other" ? call : { ...call, lagMs: 0 },
);

const streamOf = (callArb: fc.Arbitrary<Call>): fc.Arbitrary<Stream> =>
  fc.record({
    calls: fc.array(callArb, { minLength: 1, maxLength: 12 }),
    reentry: fc.constantFrom<"always" | "once">("always", "once"),
    filterPro: fc.boolean(),
    goal: fc.boolean(),
    traitDelay: fc.boolean(),
    pause: fc.option(
      fc.record({ at: fc.integer({ min: 1, max: 150 }), for: fc.integer({ min: 1, max: 90 }) }),
      { freq: 3 },
    ),
    // Per delivery, whether the engine evaluates it at once or falls behind (events queued
    // while timers come due).
    engineKeepsUp: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
  });
/** Streams whose triggers and identifies reach Cue on time (the default event order). */
export const streamArb = streamOf(onTimeTriggerArb);
/** Streams in which any call may reach Cue late, up to the allowed lateness (strict order). */
export const lateStreamArb = streamOf(anyCallArb);

/** Trigger A (or A with x=2) → [plan is pro?] → wait up to 1 h for B → did | 30 min → nudge. */
function waitJourney(p: string, stream: Stream): JourneyDefinitionInput {
  return {
    version: 1,
    nodes: [
      { id: "trigger", type: "trigger", trigger: { kind: "event", event: `${p}A` } },
      ...(stream.filterPro
        ? [
            {
              id: "pro",
              type: "filter" as const,
              condition: {
                all: [
                  { kind: "trait" as const, path: "plan", operator: "eq" as const, value: "pro" },
                ],
              },
            },
          ]
        : []),
      { id: "wait", type: "wait", event: `${p}B`, timeout: { amount: 1, unit: "hours" } },
      inAppNode("did", "Thanks"),
      {
        id: "later",
        type: "delay",
        delay: { kind: "duration", duration: { amount: 30, unit: "minutes" } },
      },
      inAppNode("nudge", "Still there?"),
      { id: "end", type: "exit" },
    ],
    edges: [
      ...(stream.filterPro
        ? [
            { from: "trigger", to: "pro" },
            { from: "pro", to: "wait" },
          ]
        : [{ from: "trigger", to: "wait" }]),
      { from: "wait", to: "did", exit: "did" },
      { from: "wait", to: "later", exit: "timeout" },
      { from: "later", to: "nudge" },
      { from: "did", to: "end" },
      { from: "nudge", to: "end" },
    ],
    settings: {
      reentry: { mode: stream.reentry },
      holdoutPercent: 0,
      ...(stream.goal && { goal: { event: `${p}G` } }),
    },
  };
}

/** Enter when plan becomes pro (for this stream's profiles) → [45 min, goal G] → welcome. */
function traitJourney(p: string, stream: Stream): JourneyDefinitionInput {
  const delay = {
    id: "settle",
    type: "delay" as const,
    delay: { kind: "duration" as const, duration: { amount: 45, unit: "minutes" as const } },
  };
  return {
    version: 1,
    nodes: [
      {
        id: "trigger",
        type: "trigger",
        trigger: {
          kind: "trait_change",
          conditions: [
            { kind: "trait", path: "plan", operator: "eq", value: "pro" },
            { kind: "trait", path: "lane", operator: "eq", value: p },
          ],
        },
      },
      ...(stream.traitDelay ? [delay] : []),
      inAppNode("welcome", "Welcome to Pro"),
      { id: "end", type: "exit" },
    ],
    edges: [
      ...(stream.traitDelay
        ? [
            { from: "trigger", to: "settle" },
            { from: "settle", to: "welcome" },
          ]
        : [{ from: "trigger", to: "welcome" }]),
      { from: "welcome", to: "end" },
    ],
    settings: {
      reentry: { mode: "always" },
      holdoutPercent: 0,
      // A goal that may reach Cue late ends a run before a change live had refused.
      ...(stream.traitDelay && stream.goal && { goal: { event: `${p}G` } }),
    },
  };
}

function item(p: string, userId: string, call: Call, at: Date): Record<string, unknown> {
  const timestamp = at.toISOString();
  switch (call.kind) {
    case "pro":
    case "free":
      return { type: "identify", userId, traits: { plan: call.kind, lane: p }, timestamp };
    case "A2":
      return { type: "track", userId, event: `${p}A`, properties: { x: 2 }, timestamp };
    case "other":
      return { type: "track", userId, event: `${p}Other`, timestamp };
    default:
      return { type: "track", userId, event: `${p}${call.kind}`, timestamp };
  }
}

interface Outcome {
  entries: string[];
  sends: string[];
  traces: string[];
}

export interface SavedLane {
  seed: number;
  path: string;
  /** What it found, in a few words. */
  found?: string;
  lane: Stream[];
}

/** Lanes kept in live-vs-backtest/<file>: the counterexamples fast-check printed. */
export function savedLanes(file: string): SavedLane[] {
  const url = new URL(`./${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as SavedLane[];
}

/** Where a lane runs: its workspace, and whether the engine keeps strict event order. */
export interface LaneSetting {
  workspaceId: string;
  strict: boolean;
}

let streamIndex = 0;
/** Each stream has its own day, far in the past of every other test's clock. */
const DAY = 24 * 60 * MINUTE;
const EPOCH = Date.parse("2001-01-01T00:00:00Z");

interface StreamRun {
  outcome: Outcome;
  journeys: string[];
  from: Date;
  to: Date;
  profileIds: string[];
}

/** The streams of one lane through the live engine, on one shared timeline. */
async function live(
  streams: readonly Stream[],
  { workspaceId, strict }: LaneSetting,
): Promise<StreamRun[]> {
  const index = streamIndex++;
  const from = new Date(EPOCH + index * 2 * DAY);
  const to = new Date(from.getTime() + 6 * 60 * MINUTE);
  const prefix = (k: number) => `s${index}.${k}:`;
  const publish = async (name: string, definition: JourneyDefinitionInput) => {
    const journey = await createJourney({
      workspaceId,
      journey: { name, definition: definition as Record<string, unknown> },
    });
    await publishJourney({ workspaceId, id: journey.id, at: from });
    return journey.id;
  };
  const journeysOf: string[][] = [];
  for (const [k, stream] of streams.entries()) {
    const p = prefix(k);
    journeysOf.push([
      await publish(`${p}wait`, waitJourney(p, stream)),
      await publish(`${p}trait`, traitJourney(p, stream)),
    ]);
  }

  // Deliveries: calls grouped by the 30-second slot they reach Cue in; inside a
  // batch the order is the generated one (not event-time order).
  const deliveries = new Map<number, Record<string, unknown>[]>();
  const deliver = (arrival: number, body: Record<string, unknown>) => {
    const slot = Math.ceil(arrival / 30_000) * 30_000;
    deliveries.set(slot, [...(deliveries.get(slot) ?? []), body]);
  };
  for (const [k, stream] of streams.entries()) {
    const p = prefix(k);
    for (const call of stream.calls) {
      const at = new Date(from.getTime() + call.minute * MINUTE);
      const body = { messageId: randomUUID(), ...item(p, `${p}u${call.user}`, call, at) };
      deliver(at.getTime() + call.lagMs, body);
      if (call.resend) deliver(at.getTime() + call.lagMs + 45 * MINUTE, body);
    }
  }
  const slots = [...deliveries.keys()].sort((a, b) => a - b);
  /** One worker's rounds at `now` until nothing is left (an event may wait for a timer). */
  const tick = async (now: Date, evaluate: boolean) => {
    const options = {
      now: () => now,
      log: quiet,
      allowedLatenessMs: LATENESS_MS,
      strictOrder: strict,
    };
    for (let worked = 1; worked > 0; ) {
      worked = evaluate ? (await processEvents(options)).events : 0;
      worked += (await processDueRuns(options)).claimed;
    }
  };
  /**
   * A worker wakes when a timer is due (plus the allowed lateness), and in
   * strict order when a queued event's lateness has passed, as often as needed.
   */
  const timersUntil = async (until: number, evaluate: boolean) => {
    for (let guard = 0; guard < 200; guard++) {
      const due = earliest(
        await nextRunWakeAt(LATENESS_MS),
        strict && evaluate ? await nextQueuedEventDueAt(sql, LATENESS_MS) : null,
      );
      if (!due || due.getTime() >= until) return;
      await tick(due, evaluate);
    }
  };
  // Pause and resume happen at their instants between deliveries (a delivery in the same
  // instant comes after them).
  const controls: { at: number; change: typeof pauseJourney; journeys: string[] }[] = [];
  for (const [k, stream] of streams.entries()) {
    if (!stream.pause) continue;
    const start = from.getTime() + stream.pause.at * MINUTE + 1;
    controls.push({ at: start, change: pauseJourney, journeys: journeysOf[k] ?? [] });
    controls.push({
      at: start + stream.pause.for * MINUTE,
      change: resumeJourney,
      journeys: journeysOf[k] ?? [],
    });
  }
  controls.sort((a, b) => a.at - b.at);
  const control = async (until: number, keepsUp: boolean) => {
    while (controls[0] && controls[0].at <= until) {
      const next = controls.shift() as (typeof controls)[number];
      await timersUntil(next.at, keepsUp);
      for (const id of next.journeys) {
        await next.change({ workspaceId, id, at: new Date(next.at) });
      }
    }
  };
  const lag = streams[0]?.engineKeepsUp ?? [true];
  for (const [i, slot] of slots.entries()) {
    const keepsUp = lag[i % lag.length] ?? true;
    await control(slot, keepsUp);
    await timersUntil(slot, keepsUp);
    const receivedAt = new Date(slot);
    const result = await ingestBatch({
      workspaceId,
      receivedAt,
      sentAt: receivedAt.toISOString(),
      items: deliveries.get(slot) ?? [],
    });
    expect(result.rejected).toEqual([]);
    await tick(receivedAt, keepsUp);
  }
  // Then the engine catches up past the window's end (plus the lateness); each timer is
  // still decided at its own due time.
  await control(Number.POSITIVE_INFINITY, true);
  await timersUntil(to.getTime() - 1 + LATENESS_MS, true);
  await tick(new Date(to.getTime() - 1 + LATENESS_MS), true);

  const all = journeysOf.flat();
  const runs = await prisma.journeyRun.findMany({ where: { workspaceId, journeyId: { in: all } } });
  const traceRows = await prisma.runTrace.findMany({
    where: { workspaceId, journeyId: { in: all } },
    orderBy: { id: "asc" },
  });
  const messages = await prisma.message.findMany({
    where: { workspaceId, journeyId: { in: all } },
  });
  const results: StreamRun[] = [];
  for (const [k, journeys] of journeysOf.entries()) {
    const profiles = await prisma.profile.findMany({
      where: { workspaceId, userId: { startsWith: prefix(k) } },
      select: { id: true },
    });
    const profileIds = profiles.map((row) => row.id);
    const mine = runs.filter((run) => journeys.includes(run.journeyId));
    const runKey = (run: { journeyId: string; profileId: string; enteredAt: Date }) =>
      `${journeys.indexOf(run.journeyId)} ${run.profileId} ${run.enteredAt.toISOString()}`;
    const keyOf = new Map(mine.map((run) => [run.id, runKey(run)]));
    results.push({
      from,
      to,
      journeys,
      profileIds,
      outcome: {
        entries: mine.map((run) => `${runKey(run)} ${run.status}`).sort(),
        sends: messages
          .filter((m) => keyOf.has(m.runId ?? ""))
          .map((m) => `${keyOf.get(m.runId ?? "")} ${m.nodeId} ${m.createdAt.toISOString()}`)
          .sort(),
        traces: mine
          .map((run) =>
            [
              runKey(run),
              ...traceRows
                .filter((t) => t.runId === run.id)
                .map((t) => `${t.nodeId}:${t.decision}@${t.at.toISOString()}`),
            ].join(" "),
          )
          .sort(),
      },
    });
  }
  // Done with: archived, so later lanes' timers and triggers never meet these journeys.
  for (const id of all) await archiveJourney({ workspaceId, id });
  return results;
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a < b ? a : b;
}

async function backtest(
  workspaceId: string,
  input: {
    journeys: string[];
    profileIds: string[];
    from: Date;
    to: Date;
  },
): Promise<Outcome> {
  const outcome: Outcome = { entries: [], sends: [], traces: [] };
  for (const [index, journeyId] of input.journeys.entries()) {
    const version = await prisma.journeyVersion.findFirstOrThrow({ where: { journeyId } });
    const definition = journeyDefinitionSchema.parse(version.definition);
    const statusChanges = await prisma.journeyStatusChange.findMany({
      where: { workspaceId, journeyId },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { status: true, versionId: true, at: true },
    });
    const planned = planBacktest(definition);
    if (!("plan" in planned)) throw new Error(planned.problem);
    const data = await loadChunk({
      workspaceId,
      profileIds: input.profileIds,
      plan: planned.plan,
      from: input.from,
      to: input.to,
    });
    for (const row of data.profiles) {
      const events = data.events.get(row.id) ?? [];
      const profile = profileAtWindowStart(row, events, input.from);
      const replay = replayProfile({
        journeyId,
        definition,
        rules: {},
        profile,
        events,
        from: input.from,
        to: input.to,
        statusChanges,
      });
      for (const run of replay.runs) {
        const key = `${index} ${row.id} ${run.state.enteredAt.toISOString()}`;
        outcome.entries.push(`${key} ${run.state.status}`);
        for (const s of run.sends) outcome.sends.push(`${key} ${s.nodeId} ${s.at.toISOString()}`);
        outcome.traces.push(
          [key, ...run.traces.map((t) => `${t.nodeId}:${t.decision}@${t.at.toISOString()}`)].join(
            " ",
          ),
        );
      }
    }
  }
  return {
    entries: outcome.entries.sort(),
    sends: outcome.sends.sort(),
    traces: outcome.traces.sort(),
  };
}

/** Runs a lane live and through the backtest; each stream's entries, sends and traces must be equal. */
export async function compareLane(
  streams: readonly Stream[],
  setting: LaneSetting,
): Promise<{ compared: number; entered: number; sent: number }> {
  const runs = await live(streams, setting);
  const tally = { compared: 0, entered: 0, sent: 0 };
  for (const [k, run] of runs.entries()) {
    const replayed = await backtest(setting.workspaceId, run);
    tally.compared += 1;
    tally.entered += run.outcome.entries.length;
    tally.sent += run.outcome.sends.length;
    expect(replayed, `stream ${k} of the lane`).toEqual(run.outcome);
  }
  return tally;
}
