import "server-only";
import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { normalizeAddress } from "@/lib/channels/email/suppression";
import { prisma } from "@/lib/db/client";
import { asRecord } from "@/lib/db/json-record";
import { queryParts, sql } from "@/lib/db/sql";
import { loadDeliveryRules, loadProfileFacts, profileHistoryPart } from "@/lib/engine/load-facts";
import { requiredCounts } from "@/lib/journey-core/count-queries";
import type { JourneyDefinition } from "@/lib/journey-core/definition";
import type { WorkspaceDeliveryRules } from "@/lib/journey-core/delivery-rules";
import type { Channel, JourneyEvent, ProfileFacts, SentMessage } from "@/lib/journey-core/facts";
import { indexJourney } from "@/lib/journey-core/journey-graph";
import { resolveTimeZone } from "@/lib/journey-core/local-time";
import type { PreviousRun } from "@/lib/journey-core/match-trigger";
import { factsAsOf } from "@/lib/journey-core/profile-as-of";
import { profileValueOf } from "@/lib/journey-core/profile-merge";
import type { SimEvent } from "@/lib/journey-core/simulate";
import { findProfileIdOrThrow } from "@/lib/profiles/find-profile";
import type { ProfileRefJson } from "./explain-types";

// The facts a preview or explanation replays for one profile, loaded with the
// engine's own loaders where they fit (facts, delivery rules) and the same
// filters where a range is needed (stored events, sends in the budget).

/** Most events replayed at once; beyond it the oldest of the window are left out (and said so). */
export const MAX_REPLAYED_EVENTS = 5_000;
const MAX_PRIOR_EVENTS = 5_000;
const HOUR = 3_600_000;
const uuid = z.uuid();

export interface ExplainProfile {
  facts: ProfileFacts;
  /** What templates see (`profile.id` is the userId when there is one). */
  scope: {
    id: string;
    userId: string | null;
    email: string | null;
    traits: Record<string, unknown>;
  };
  json: ProfileRefJson;
  unsubscribedAt: Date | null;
}

/** A profile by id, or by userId / anonymousId / email; 404 when the workspace has none. */
export async function resolveProfile(workspaceId: string, ref: string): Promise<ExplainProfile> {
  let profileId: string | null = null;
  if (uuid.safeParse(ref).success) {
    const byId = await prisma.profile.findFirst({
      where: { id: ref, workspaceId },
      select: { id: true },
    });
    profileId = byId?.id ?? null;
  }
  profileId ??= await findProfileIdOrThrow({ workspaceId, identifier: ref });
  const [facts] = [...(await loadProfileFacts(sql, [{ workspaceId, profileId }])).values()];
  const row = await prisma.profile.findFirst({
    where: { id: profileId, workspaceId },
    select: {
      id: true,
      userId: true,
      email: true,
      traits: true,
      unsubscribedAt: true,
      contextTimezone: true,
    },
  });
  if (!facts || !row) throw notFound("Profile");
  const traits = asRecord(row.traits);
  const name = typeof traits.name === "string" ? traits.name : null;
  return {
    facts: { ...facts, contextTimezone: row.contextTimezone },
    scope: { id: row.id, userId: row.userId, email: row.email, traits },
    json: {
      id: row.id,
      userId: row.userId,
      email: row.email,
      name,
      timeZone: resolveTimeZone(facts.timezone),
    },
    unsubscribedAt: row.unsubscribedAt,
  };
}

export interface StoredEvent {
  id: string;
  type: "track" | "identify";
  name: string | null;
  properties: Record<string, unknown>;
  traits: Record<string, unknown>;
  /** The call's context.timezone as sent. */
  contextTimezone: unknown;
  timestamp: Date;
}

/** Track and identify calls with timestamp in (from, to], oldest first; the latest MAX when more. */
export async function loadEventsBetween(
  workspaceId: string,
  profileId: string,
  from: Date,
  to: Date,
): Promise<{ events: StoredEvent[]; truncated: boolean }> {
  const rows = await prisma.event.findMany({
    where: {
      workspaceId,
      profileId,
      type: { in: ["track", "identify"] },
      timestamp: { gt: from, lte: to },
    },
    orderBy: [{ timestamp: "desc" }, { receivedAt: "desc" }, { id: "desc" }],
    take: MAX_REPLAYED_EVENTS + 1,
    select: {
      id: true,
      type: true,
      name: true,
      properties: true,
      traits: true,
      context: true,
      timestamp: true,
    },
  });
  const truncated = rows.length > MAX_REPLAYED_EVENTS;
  const events = rows
    .slice(0, MAX_REPLAYED_EVENTS)
    .reverse()
    .map((row) => ({
      id: row.id,
      type: row.type === "identify" ? ("identify" as const) : ("track" as const),
      name: row.name,
      properties: asRecord(row.properties),
      traits: asRecord(row.traits),
      contextTimezone: asRecord(row.context).timezone,
      timestamp: row.timestamp,
    }));
  return { events, truncated };
}

export function toSimEvents(events: readonly StoredEvent[]): SimEvent[] {
  return events.flatMap((e): SimEvent[] => {
    const { contextTimezone, timestamp: at } = e;
    if (e.type === "identify") return [{ type: "identify", traits: e.traits, at, contextTimezone }];
    return e.name
      ? [{ type: "track", name: e.name, properties: e.properties, at, contextTimezone }]
      : [];
  });
}

export function toJourneyEvents(events: readonly StoredEvent[]): JourneyEvent[] {
  return events.flatMap((e) =>
    e.type === "track" && e.name
      ? [{ name: e.name, properties: e.properties, timestamp: e.timestamp }]
      : [],
  );
}

/**
 * Tracked events up to `before` (exclusive) that the definition can read:
 * the events its counts name, and for an inactivity trigger the last
 * activity. The latest MAX of them, oldest first.
 */
export async function loadPriorEvents(
  workspaceId: string,
  profileId: string,
  definition: JourneyDefinition,
  before: Date,
  /** More event names to include (the trigger's, for a synthetic trigger's properties). */
  extraNames: readonly string[] = [],
): Promise<JourneyEvent[]> {
  const names = [...new Set([...requiredCounts(definition).map((q) => q.event), ...extraNames])];
  const trigger = indexJourney(definition).trigger?.trigger;
  const select = { name: true, properties: true, timestamp: true } as const;
  const rows =
    names.length === 0
      ? []
      : await prisma.event.findMany({
          where: {
            workspaceId,
            profileId,
            type: "track",
            name: { in: names },
            timestamp: { lt: before },
          },
          orderBy: { timestamp: "desc" },
          take: MAX_PRIOR_EVENTS,
          select,
        });
  if (trigger?.kind === "inactivity") {
    const last = await prisma.event.findFirst({
      where: {
        workspaceId,
        profileId,
        type: "track",
        timestamp: { lt: before },
        ...(trigger.event && { name: trigger.event }),
      },
      orderBy: { timestamp: "desc" },
      select,
    });
    if (last) rows.push(last);
  }
  return rows
    .flatMap((row) =>
      row.name
        ? [{ name: row.name, properties: asRecord(row.properties), timestamp: row.timestamp }]
        : [],
    )
    .sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
}

/** The profile's runs of the journey that entered before `before` (re-entry history). */
export async function loadRunsBefore(
  workspaceId: string,
  profileId: string,
  journeyId: string,
  before: Date,
): Promise<(PreviousRun & { journeyId: string })[]> {
  const rows = await prisma.journeyRun.findMany({
    where: { workspaceId, profileId, journeyId, enteredAt: { lt: before } },
    select: { enteredAt: true, endedAt: true },
    orderBy: { enteredAt: "asc" },
  });
  return rows.map((r) => ({ journeyId, enteredAt: r.enteredAt, endedAt: r.endedAt }));
}

/**
 * The facts as they stood at `at`: unsubscribed and suppressed only if that
 * happened by then. Traits, email and timezone are today's (Cue keeps no
 * history of them beyond the identify calls).
 */
export async function factsAt(
  workspaceId: string,
  profile: ExplainProfile,
  at: Date,
): Promise<ProfileFacts> {
  const { facts } = profile;
  const unsubscribed = profile.unsubscribedAt !== null && profile.unsubscribedAt <= at;
  let suppressed = false;
  if (facts.suppressed && facts.email) {
    const row = await prisma.suppression.findFirst({
      where: { workspaceId, email: normalizeAddress(facts.email), createdAt: { lte: at } },
      select: { email: true },
    });
    suppressed = row !== null;
  }
  return { ...facts, unsubscribed, suppressed };
}

export async function loadRules(workspaceId: string): Promise<WorkspaceDeliveryRules> {
  return (await loadDeliveryRules(sql, [workspaceId])).get(workspaceId) ?? {};
}

/**
 * Sends that count toward the frequency budget from `from` − window to `to`,
 * with the engine's filter (not tests, not skipped or failed ones). This
 * journey's own sends from `from` on are left out: the replay makes them.
 */
export async function loadSendsAround(input: {
  workspaceId: string;
  profileId: string;
  journeyId: string;
  rules: WorkspaceDeliveryRules;
  from: Date;
  to: Date;
}): Promise<SentMessage[]> {
  const windowHours = input.rules.frequency?.windowHours ?? 0;
  if (windowHours === 0) return [];
  const since = new Date(input.from.getTime() - windowHours * HOUR);
  const rows = await prisma.message.findMany({
    where: {
      workspaceId: input.workspaceId,
      profileId: input.profileId,
      createdAt: { gt: since, lte: input.to },
      source: { not: "test" },
      status: { notIn: ["skipped", "failed"] },
      // Spelled out: NOT (journeyId = x AND …) would drop rows whose journeyId is NULL.
      OR: [
        { journeyId: null },
        { journeyId: { not: input.journeyId } },
        { createdAt: { lt: input.from } },
      ],
    },
    select: { createdAt: true, channel: true, transactional: true },
  });
  return rows.map((r) => ({
    at: r.createdAt,
    channel: r.channel as Channel,
    transactional: r.transactional,
  }));
}

/**
 * The profile at the window's start as far as it is known: today's, minus
 * the trait keys the replayed identifies set (traitsBefore), with email and
 * timezone following those keys as the profile merge has them.
 */
export function factsBefore(facts: ProfileFacts, events: readonly StoredEvent[]): ProfileFacts {
  const traits = traitsBefore(facts.traits, events);
  const value = profileValueOf({ ...facts, traits });
  return {
    ...facts,
    traits,
    email: Object.hasOwn(traits, "email") ? facts.email : null,
    timezone: value.traitTimezone ?? value.contextTimezone,
  };
}

/**
 * Current traits minus the keys the replayed identifies set: those start
 * unknown and take their values in order, so a trait change inside the
 * window is seen as a change.
 */
export function traitsBefore(
  traits: Record<string, unknown>,
  events: readonly StoredEvent[],
): Record<string, unknown> {
  const out = { ...traits };
  for (const event of events) {
    if (event.type === "identify") for (const key of Object.keys(event.traits)) delete out[key];
  }
  return out;
}

/**
 * The profile as it was at `at` (a past instant): the engine's own fold of
 * its later calls (profileHistoryPart + factsAsOf), so traits, email and
 * timezone are what a decision at `at` would have seen. Templates render
 * with those traits too.
 */
export async function profileAsOf(
  workspaceId: string,
  profile: ExplainProfile,
  at: Date,
): Promise<ExplainProfile> {
  const profileId = profile.facts.id;
  const { history } = await queryParts(sql, {
    history: profileHistoryPart([{ workspaceId, profileId, since: at }]),
  });
  const facts = factsAsOf(profile.facts, history.get(profileId), at);
  return { ...profile, facts, scope: { ...profile.scope, traits: facts.traits } };
}
