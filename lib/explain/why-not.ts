import "server-only";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import type { Journey } from "@/lib/generated/prisma/client";
import { checkExclusion } from "@/lib/journey-core/decide-entry";
import { type JourneyDefinition, journeyDefinitionSchema } from "@/lib/journey-core/definition";
import { indexJourney } from "@/lib/journey-core/journey-graph";
import { acceptsEntries, type StatusChange, statusAt } from "@/lib/journey-core/journey-status";
import { type SimulationInput, simulate } from "@/lib/journey-core/simulate";
import { getJourneyOrThrow } from "@/lib/journeys/get-journey-or-throw";
import { segmentIdsAsOf } from "@/lib/segments/membership-as-of";
import { describeRuns } from "./describe-path";
import { reentryGate } from "./explain-gates";
import type { WhyNotQuery } from "./explain-query";
import type { GateResult, JourneySourceJson, WhyNotJson } from "./explain-types";
import { loadJourneySource } from "./load-journey-source";
import {
  factsAt,
  loadEventsBetween,
  loadPriorEvents,
  loadRules,
  loadRunsBefore,
  loadSendsAround,
  resolveProfile,
  toSimEvents,
} from "./load-profile-history";
import { toPathRun } from "./preview-as-user";
import { type RenderContext, renderPathMessage } from "./render-path-messages";
import { syntheticTrigger } from "./synthetic-trigger";
import { resolveEntry } from "./why-not-entry";
import { walkGates } from "./why-not-walk";

// "Why didn't they get it?": every gate in the engine's order for one
// profile, one journey and one instant — journey live, trigger, re-entry,
// each filter, holdout, the message limit, address / suppression /
// unsubscribe, frequency budget, quiet hours, template — each verdict from
// the journey core, over facts loaded as of `at`: events up to it, runs that
// entered before the trigger, sends in the budget window. The path is the
// core's replay from the trigger to `at` (simulate, the same as preview).
// Once a gate blocks, the later ones are still shown, evaluated as if it had
// not (marked hypothetical), so the answer lists everything that is in the way.

interface Version {
  definition: JourneyDefinition;
  json: JourneySourceJson;
  gate: GateResult;
  /** When the journey first went live; null if never. */
  firstPublishedAt: Date | null;
  /** The journey's status history (publish, pause, resume, archive), oldest first. */
  statusChanges: StatusChange[];
}

async function versionAt(journey: Journey, at: Date, atGiven: boolean): Promise<Version> {
  const statusChanges = await prisma.journeyStatusChange.findMany({
    where: { journeyId: journey.id, workspaceId: journey.workspaceId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { status: true, versionId: true, at: true },
  });
  return { ...(await versionOf(journey, at, atGiven, statusChanges)), statusChanges };
}

async function versionOf(
  journey: Journey,
  at: Date,
  atGiven: boolean,
  statusChanges: readonly StatusChange[],
): Promise<Omit<Version, "statusChanges">> {
  const rows = await prisma.journeyVersion.findMany({
    where: { journeyId: journey.id, workspaceId: journey.workspaceId },
    orderBy: { version: "asc" },
    select: { id: true, version: true, definition: true, publishedAt: true },
  });
  const json = (v: { id: string; version: number }): JourneySourceJson => ({
    id: journey.id,
    name: journey.name,
    status: journey.status,
    source: v.id === journey.currentVersionId ? "live" : "version",
    version: v.version,
  });
  const firstPublishedAt = rows[0]?.publishedAt ?? null;
  const live = rows.findLast((v) => v.publishedAt <= at);
  if (!live) {
    const first = rows[0];
    if (!first) {
      const draft = await loadJourneySource({
        workspaceId: journey.workspaceId,
        journeyId: journey.id,
        source: "draft",
      });
      const detail = "Never published: nothing runs until it is. The rest explains the draft.";
      return { ...draft, gate: { gate: "journey", passed: false, detail }, firstPublishedAt: null };
    }
    const detail = `Not published until ${first.publishedAt.toISOString()}. The rest explains version ${first.version}.`;
    return {
      definition: journeyDefinitionSchema.parse(first.definition),
      json: json(first),
      gate: { gate: "journey", passed: false, detail },
      firstPublishedAt,
    };
  }
  const definition = journeyDefinitionSchema.parse(live.definition);
  const status = journey.status;
  const version = `version ${live.version}`;
  if (status === "live") {
    return {
      definition,
      json: json(live),
      gate: { gate: "journey", passed: true, detail: `Live (${version})` },
      firstPublishedAt,
    };
  }
  if (!atGiven) {
    const detail = `The journey is ${status}: it takes no entries and holds its runs (${version})`;
    return {
      definition,
      json: json(live),
      gate: { gate: "journey", passed: false, detail },
      firstPublishedAt,
    };
  }
  const then = statusAt(statusChanges, at).status;
  const passed = acceptsEntries(then);
  const detail = passed
    ? `${version} was live then; the journey is ${status} now`
    : `The journey was ${then} then (${version}); it is ${status} now`;
  return {
    definition,
    json: json(live),
    gate: { gate: "journey", passed, detail },
    firstPublishedAt,
  };
}

function checkTarget(
  definition: JourneyDefinition,
  nodeId: string | undefined,
  json: JourneySourceJson,
) {
  if (!nodeId) return;
  const node = indexJourney(definition).nodes.get(nodeId);
  const where = json.version ? `version ${json.version}` : "the draft";
  if (!node) throw new ApiError("bad_request", `nodeId: no node "${nodeId}" in ${where}.`);
  if (node.type !== "send_email" && node.type !== "send_inapp") {
    throw new ApiError(
      "bad_request",
      `nodeId: "${nodeId}" is a ${node.type} node; choose a message node.`,
    );
  }
}

export async function whyNot(input: {
  workspaceId: string;
  workspaceName: string;
  journeyId: string;
  query: WhyNotQuery;
  now?: Date;
}): Promise<WhyNotJson> {
  const { workspaceId, query } = input;
  const at = query.at ?? input.now ?? new Date();
  const journey = await getJourneyOrThrow({ workspaceId, id: input.journeyId });
  const profile = await resolveProfile(workspaceId, query.profileId);
  const version = await versionAt(journey, at, query.at !== undefined);
  const { definition, json, firstPublishedAt } = version;
  checkTarget(definition, query.nodeId, json);
  const profileId = profile.facts.id;
  const factsNow = await factsAt(workspaceId, profile, at);
  const rules = await loadRules(workspaceId);

  const found = await resolveEntry({
    workspaceId,
    journeyId: journey.id,
    facts: factsNow,
    definition,
    at,
  });
  // Segment conditions and the exclusion segment are judged by membership at the entry.
  const entrySegments = await segmentIdsAsOf(sql, workspaceId, profileId, found.at);
  const facts = { ...factsNow, segmentIds: entrySegments };
  const entry = found;
  // Entries are decided by event time against the status history, as the engine does: a
  // trigger that happened before the journey went live, or while it was paused, never enters.
  const then = statusAt(version.statusChanges, entry.at).status;
  const journeyGate: GateResult =
    version.gate.passed && !entry.hypothetical && !acceptsEntries(then)
      ? {
          gate: "journey",
          passed: false,
          detail:
            then === "draft" && firstPublishedAt
              ? `Their trigger happened at ${entry.at.toISOString()}, before the journey went live (${firstPublishedAt.toISOString()}); the rest shows what it would have done`
              : `Their trigger happened at ${entry.at.toISOString()}, while the journey was ${then}; the rest shows what it would have done`,
        }
      : version.gate;
  const trigger = indexJourney(definition).trigger?.trigger;
  const extraNames = trigger?.kind === "event" ? [trigger.event] : [];
  const prior = await loadPriorEvents(workspaceId, profileId, definition, entry.at, extraNames);
  const after = toSimEvents((await loadEventsBetween(workspaceId, profileId, entry.at, at)).events);
  const base = {
    journeys: [{ journeyId: journey.id, definition }],
    deliveryRules: rules,
    until: at,
  };
  let sim: Omit<SimulationInput, "journeys" | "deliveryRules" | "until">;
  if (entry.event) {
    const { name, properties, timestamp } = entry.event;
    sim = {
      profile: facts,
      events: [
        { type: "track", name, properties, at: timestamp, contextTimezone: entry.contextTimezone },
        ...after,
      ],
      priorEvents: prior,
    };
  } else {
    const synthetic = syntheticTrigger(definition, facts, prior, entry.at);
    sim = {
      profile: synthetic.profile,
      events: [...synthetic.events, ...after],
      priorEvents: synthetic.priorEvents,
    };
  }
  const previousRuns = await loadRunsBefore(workspaceId, profileId, journey.id, entry.at);
  const sentBefore = await loadSendsAround({
    workspaceId,
    profileId,
    journeyId: journey.id,
    rules,
    from: entry.at,
    to: at,
  });
  const reentry = reentryGate(definition.settings.reentry, previousRuns, entry.at);
  // Re-entry refused: the later gates are what would happen if it had not been.
  const result = simulate({
    ...base,
    ...sim,
    sentBefore,
    previousRuns: reentry.passed ? previousRuns : [],
  });
  const hypothetical = entry.hypothetical || !reentry.passed;
  const gates: GateResult[] = [
    journeyGate,
    entry.gate,
    { ...reentry, ...(entry.hypothetical && { hypothetical: true }) },
  ];
  const exclusionId = definition.settings.exclusionSegmentId;
  if (exclusionId) {
    const refusal = checkExclusion(exclusionId, entrySegments);
    gates.push({
      gate: "exclusion",
      passed: refusal === null,
      detail:
        refusal ?? `Not in the exclusion segment "${exclusionId}" at ${entry.at.toISOString()}`,
      ...(entry.hypothetical && { hypothetical: true }),
    });
  }

  const [described] = describeRuns(definition, result, journey.id, profile.json.timeZone);
  const context: RenderContext = {
    workspaceName: input.workspaceName,
    profile,
    journey: { id: journey.id, name: journey.name },
  };
  if (described) {
    const walked = walkGates({
      definition,
      run: described.state,
      outcome: described.outcome,
      result,
      profile: sim.profile,
      events: sim.events,
      priorEvents: sim.priorEvents ?? [],
      sentBefore,
      rules,
      target: query.nodeId ?? null,
    });
    for (const gate of walked) {
      const done =
        gate.gate === "template"
          ? await templateGate(
              gate,
              definition,
              described.state.triggerEvent?.properties ?? {},
              context,
              at,
            )
          : gate;
      gates.push(hypothetical ? { ...done, hypothetical: true } : done);
    }
  }
  return {
    journey: json,
    profile: profile.json,
    at: at.toISOString(),
    nodeId: query.nodeId ?? null,
    blockedBy: gates.find((g) => !g.passed)?.gate ?? null,
    gates,
    path: described ? await toPathRun(described, context) : null,
  };
}

async function templateGate(
  gate: GateResult,
  definition: JourneyDefinition,
  eventProperties: Record<string, unknown>,
  context: RenderContext,
  at: Date,
): Promise<GateResult> {
  const node = gate.nodeId ? indexJourney(definition).nodes.get(gate.nodeId) : undefined;
  if (node?.type !== "send_email" && node?.type !== "send_inapp") return gate;
  const content =
    node.type === "send_email"
      ? ({ channel: "email", email: node.content } as const)
      : ({ channel: "in_app", inApp: node.content } as const);
  const rendered = await renderPathMessage(
    { at, nodeId: node.id, label: node.id, content, eventProperties },
    context,
  );
  if (rendered.error) {
    const issue = rendered.error.issues[0];
    return {
      ...gate,
      passed: false,
      detail: `The template does not render with their data: ${rendered.error.message}`,
      ...(issue && { actual: `${issue.field}: ${issue.message}` }),
    };
  }
  const r = rendered.rendered;
  const shown =
    r?.channel === "email" ? r.email.subject : r?.channel === "in_app" ? r.inApp.title : "";
  return { ...gate, detail: "Renders with their data", actual: shown };
}
