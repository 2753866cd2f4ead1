import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { nextRunWakeAt, processDueRuns } from "@/lib/engine/process-due-runs";
import { processEvents } from "@/lib/engine/process-events";
import { sweepInactivity } from "@/lib/engine/sweep-inactivity";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import type { JourneyDefinitionInput } from "@/lib/journey-core/definition";
import type { WorkspaceDeliveryRules } from "@/lib/journey-core/delivery-rules";
import { createJourney } from "@/lib/journeys/create-journey";
import { publishJourney } from "@/lib/journeys/publish-journey";

// Fake-clock drivers for the engine's integration tests: events go in through
// the real ingestion, the engine's tasks run with an injected clock, and time
// moves only when a test says so. Nothing sleeps.

export class FakeClock {
  private t: number;
  constructor(iso: string) {
    this.t = Date.parse(iso);
  }
  readonly now = (): Date => new Date(this.t);
  set(at: Date | string): void {
    this.t = typeof at === "string" ? Date.parse(at) : at.getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
const quiet = () => {};

export async function publishDefinition(
  workspaceId: string,
  name: string,
  definition: JourneyDefinitionInput,
): Promise<string> {
  const journey = await createJourney({
    workspaceId,
    journey: { name, definition: definition as Record<string, unknown> },
  });
  await publishJourney({ workspaceId, id: journey.id, at: SCRIPT_START });
  return journey.id;
}

/**
 * Journeys in these tests are live from before any scripted event: entries
 * are decided against the status history at the trigger's event time, and
 * the scripts play a past on a fake clock.
 */
export const SCRIPT_START = new Date("2000-01-01T00:00:00Z");

export async function publishTemplate(workspaceId: string, template: string): Promise<string> {
  const journey = await createJourney({ workspaceId, journey: { template } });
  await publishJourney({ workspaceId, id: journey.id, at: SCRIPT_START });
  return journey.id;
}

export async function setRules(workspaceId: string, rules: WorkspaceDeliveryRules): Promise<void> {
  await prisma.workspace.update({
    where: { id: workspaceId },
    data: { deliveryRules: rules as Prisma.InputJsonObject },
  });
}

type Item = Record<string, unknown>;

/** Ingests calls stamped at the clock's time, then lets the engine evaluate them. */
export async function send(
  clock: FakeClock,
  workspaceId: string,
  items: Item[],
  /** evaluate: false stores without queueing for the engine; drain: false queues without evaluating yet. */
  options: { evaluate?: boolean; drain?: boolean } = {},
): Promise<void> {
  const at = clock.now();
  const result = await ingestBatch({
    workspaceId,
    receivedAt: at,
    evaluate: options.evaluate,
    items: items.map((item) => ({ messageId: randomUUID(), timestamp: at.toISOString(), ...item })),
  });
  if (result.rejected.length > 0) throw new Error(JSON.stringify(result.rejected));
  if (options.evaluate !== false && options.drain !== false) await drainEvents(clock);
}

export const track = (userId: string, event: string, properties: Item = {}): Item => ({
  type: "track",
  userId,
  event,
  properties,
});

export const identify = (userId: string, traits: Item): Item => ({
  type: "identify",
  userId,
  traits,
});

export async function drainEvents(clock: FakeClock): Promise<number> {
  let total = 0;
  for (;;) {
    const { events } = await processEvents(instant(clock));
    if (events === 0) return total;
    total += events;
  }
}

/**
 * Moves the clock to `iso`, firing every timer at its own instant on the way
 * (as a worker would), and sweeping for inactivity at each step if asked.
 */
export async function advanceTo(
  clock: FakeClock,
  iso: string | Date,
  options: { sweep?: boolean } = {},
): Promise<void> {
  const target = typeof iso === "string" ? Date.parse(iso) : iso.getTime();
  for (let i = 0; i < 10_000; i++) {
    const due = await nextRunWakeAt(0);
    if (!due || due.getTime() > target) break;
    if (due.getTime() > clock.now().getTime()) clock.set(due);
    await processDueRuns(instant(clock));
    if (options.sweep) await sweepInactivity(instant(clock));
  }
  clock.set(new Date(target));
  await processDueRuns(instant(clock));
  if (options.sweep) await sweepInactivity(instant(clock));
}

/** The scripts deliver every event on time, so timers need not wait for late ones. */
const instant = (clock: FakeClock) => ({ now: clock.now, log: quiet, allowedLatenessMs: 0 });

export async function profileId(workspaceId: string, userId: string): Promise<string> {
  const profile = await prisma.profile.findUniqueOrThrow({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { id: true },
  });
  return profile.id;
}

/** [nodeId, channel, createdAt ISO] of a profile's journey messages, oldest first. */
export async function sentTo(workspaceId: string, userId: string) {
  const id = await profileId(workspaceId, userId);
  const messages = await prisma.message.findMany({
    where: { workspaceId, profileId: id, source: "journey" },
    include: { events: { select: { id: true }, orderBy: { id: "asc" }, take: 1 } },
  });
  // Sends of one step share createdAt; their first event's id is the order they were made in.
  const key = (m: (typeof messages)[number]) => [m.createdAt.getTime(), Number(m.events[0]?.id)];
  messages.sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
  return messages.map((m) => [m.nodeId, m.channel, m.createdAt.toISOString()]);
}

export async function runsOf(workspaceId: string, userId: string, journeyId?: string) {
  const id = await profileId(workspaceId, userId);
  return prisma.journeyRun.findMany({
    where: { workspaceId, profileId: id, ...(journeyId && { journeyId }) },
    orderBy: { enteredAt: "asc" },
  });
}

export async function traceOf(runId: string) {
  const rows = await prisma.runTrace.findMany({ where: { runId }, orderBy: { id: "asc" } });
  return rows.map((t) => [t.nodeId, t.decision]);
}
