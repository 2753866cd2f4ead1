import "server-only";
import { ApiError } from "@/lib/api/errors";
import { type SimulationResult, simulate } from "@/lib/journey-core/simulate";
import {
  type DescribedRun,
  describeEntries,
  describeRuns,
  notEnteredReason,
} from "./describe-path";
import type { PreviewQuery } from "./explain-query";
import type { PathRun, PreviewJson } from "./explain-types";
import { loadJourneySource } from "./load-journey-source";
import {
  factsBefore,
  loadEventsBetween,
  loadPriorEvents,
  loadRules,
  loadRunsBefore,
  loadSendsAround,
  profileAsOf,
  resolveProfile,
  toJourneyEvents,
  toSimEvents,
} from "./load-profile-history";
import { type RenderContext, renderPathMessages, renderPathWebhooks } from "./render-path-messages";
import { syntheticTrigger } from "./synthetic-trigger";

// "Preview as user": the journey's core (simulate → step, decideEntry, the
// delivery rules) replayed over one real profile's stored history on a fake
// clock, or — "what if they triggered now" — over a synthetic trigger at now
// followed by the timers of the path, with no events after it. Nothing is
// written and nothing is sent; messages are rendered with the real traits.
//
// "What if now were T?" (`asOf`): the same, with the clock at T. History
// replays the window before T, "now" triggers at T, and for a past T the
// profile is folded back to T (profileAsOf: the engine's own fold). T may
// not be before the profile was first seen (there was no profile to walk),
// nor more than a year ahead.

const DAY = 86_400_000;
const MAX_AHEAD = 366 * DAY;
const MAX_RUNS_SHOWN = 20;

export async function previewAsUser(input: {
  workspaceId: string;
  workspaceName: string;
  journeyId: string;
  query: PreviewQuery;
  now?: Date;
}): Promise<PreviewJson> {
  const { workspaceId, query } = input;
  const realNow = input.now ?? new Date();
  const now = query.asOf ?? realNow;
  const source = await loadJourneySource({
    workspaceId,
    journeyId: input.journeyId,
    source: query.source,
  });
  const current = await resolveProfile(workspaceId, query.profileId);
  if (query.asOf) checkAsOf(query.asOf, current.facts.firstSeenAt, realNow);
  const profile =
    query.asOf && query.asOf < realNow
      ? await profileAsOf(workspaceId, current, query.asOf)
      : current;
  const { definition, journey } = source;
  const profileId = profile.facts.id;
  const from = new Date(now.getTime() - query.days * DAY);
  const rules = await loadRules(workspaceId);
  const { events, truncated } = await loadEventsBetween(workspaceId, profileId, from, now);
  const priorEvents = await loadPriorEvents(workspaceId, profileId, definition, from);
  const journeys = [{ journeyId: journey.id, definition }];

  let result: SimulationResult;
  let assumption: string | null = null;
  if (query.mode === "history") {
    result = simulate({
      journeys,
      deliveryRules: rules,
      profile: factsBefore(profile.facts, events),
      events: toSimEvents(events),
      priorEvents,
      previousRuns: await loadRunsBefore(workspaceId, profileId, journey.id, from),
      sentBefore: await loadSendsAround({
        workspaceId,
        profileId,
        journeyId: journey.id,
        rules,
        from,
        to: now,
      }),
      until: now,
    });
  } else {
    const synthetic = syntheticTrigger(
      definition,
      profile.facts,
      [...priorEvents, ...toJourneyEvents(events)],
      now,
    );
    assumption = synthetic.assumption;
    result = simulate({
      journeys,
      deliveryRules: rules,
      profile: synthetic.profile,
      events: synthetic.events,
      priorEvents: synthetic.priorEvents,
      // Every run so far (a run that entered at this very instant included).
      previousRuns: await loadRunsBefore(
        workspaceId,
        profileId,
        journey.id,
        new Date(now.getTime() + 1),
      ),
      sentBefore: await loadSendsAround({
        workspaceId,
        profileId,
        journeyId: journey.id,
        rules,
        from: now,
        to: now,
      }),
      // Default horizon: the timers of the next 60 days, as if nothing else happened.
    });
  }

  const described = describeRuns(definition, result, journey.id, profile.json.timeZone);
  const entries = describeEntries(result, journey.id);
  const context: RenderContext = {
    workspaceName: input.workspaceName,
    profile,
    journey: { id: journey.id, name: journey.name },
  };
  const runs: PathRun[] = [];
  for (const run of described.slice(-MAX_RUNS_SHOWN)) runs.push(await toPathRun(run, context));
  const windowText =
    query.mode === "history" ? `in the last ${query.days} days` : "after the synthetic trigger";
  return {
    journey: source.json,
    profile: profile.json,
    mode: query.mode,
    window: {
      from: (query.mode === "history" ? from : now).toISOString(),
      to: now.toISOString(),
      days: query.days,
      events: events.length,
      truncated,
    },
    assumption,
    asOf: query.asOf ? now.toISOString() : null,
    runs,
    totalRuns: described.length,
    entries,
    outcome: runs.at(-1)?.outcome ?? {
      kind: "not_entered",
      reason: notEnteredReason(definition, entries, windowText),
    },
    canTryNow: query.mode === "history" && runs.length === 0,
  };
}

function checkAsOf(asOf: Date, firstSeenAt: Date, realNow: Date): void {
  if (asOf < firstSeenAt) {
    throw new ApiError(
      "bad_request",
      `asOf: before this profile was first seen (${firstSeenAt.toISOString()}); pick a time on or after it.`,
      { details: { issues: [{ field: "asOf", message: "Before the profile was first seen." }] } },
    );
  }
  if (asOf.getTime() > realNow.getTime() + MAX_AHEAD) {
    throw new ApiError("bad_request", "asOf: at most a year from now.", {
      details: { issues: [{ field: "asOf", message: "At most a year from now." }] },
    });
  }
}

export async function toPathRun(run: DescribedRun, context: RenderContext): Promise<PathRun> {
  const trigger = run.state.triggerEvent;
  return {
    enteredAt: run.state.enteredAt.toISOString(),
    holdout: run.state.holdout,
    triggerEvent: trigger && {
      name: trigger.name,
      properties: trigger.properties,
      timestamp: trigger.timestamp.toISOString(),
    },
    steps: run.steps,
    messages: await renderPathMessages(run.messages, context),
    ...(run.webhooks.length > 0 && { webhooks: await renderPathWebhooks(run.webhooks, context) }),
    outcome: run.outcome,
  };
}
