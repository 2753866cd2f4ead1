import { queryParts, type RawDb } from "@/lib/db/sql";
import type { ProfileFacts } from "@/lib/journey-core/facts";
import { EngineBatch, type ProfileWork, type RunRecord } from "./engine-batch";
import {
  deliveryRulesPart,
  type ProfileRef,
  profileFactsPart,
  profileHistoryPart,
  recentSendsPart,
} from "./load-facts";
import { type JourneyInfo, journeysPart, type LoadedVersion, versionsPart } from "./load-journeys";
import { previousRunsPart } from "./load-runs";
import { parseRunState, type RunRow } from "./run-rows";

// Everything a batch decides on, loaded with a fixed number of statements
// whatever its size: profile facts, delivery rules, recent sends, the
// journeys and versions involved, and re-entry history.

export interface JourneyRef {
  journeyId: string;
  workspaceId: string;
  versionId: string;
}

export interface BatchInput {
  /** The profiles this batch works on; the caller holds their locks. */
  refs: readonly ProfileRef[];
  /** Existing runs to step. */
  runRows: readonly RunRow[];
  /** Journeys the profiles may enter (their live trigger's version). */
  entryJourneys: readonly JourneyRef[];
  /** The earliest decision time of the batch (default `now`): the budget reads sends from a window before it. */
  sendsFrom?: Date;
  /**
   * Per profile, the earliest moment this batch decides at: the profile is
   * rebuilt as of each decision from the calls since then (facts as of event time).
   */
  historySince?: ReadonlyMap<string, Date>;
  /**
   * The caller's `historySince` already holds the earliest moment of every
   * run it steps (the due-timer task, which steps only its claimed runs), so
   * the history read need not look up the profiles' other open runs.
   */
  historySinceCoversRuns?: boolean;
  log: (line: string) => void;
}

/** A profile of the batch; a `missing` one (erased, merged away) can only have its runs cancelled. */
export type BatchProfile = ProfileWork & { missing: boolean };

export interface PreparedBatch {
  batch: EngineBatch;
  /** By profile id. A profile that no longer exists is `missing` (its runs can only be cancelled). */
  profiles: Map<string, BatchProfile>;
  journeys: Map<string, JourneyInfo>;
  versions: Map<string, LoadedVersion>;
  /** Runs whose journey or version is gone or unreadable: the caller disarms them. */
  orphans: RunRow[];
}

export async function prepareBatch(
  tx: RawDb,
  now: Date,
  input: BatchInput,
): Promise<PreparedBatch> {
  const { refs, runRows, entryJourneys, log } = input;
  const workspaceIds = [...new Set(refs.map((r) => r.workspaceId))];
  const journeyRefs = [
    ...entryJourneys,
    ...runRows.map((r) => ({
      journeyId: r.journeyId,
      workspaceId: r.workspaceId,
      versionId: r.versionId,
    })),
  ];
  // One statement for all of it: each read is a part (see queryParts).
  const historyRefs = refs.flatMap((ref) => {
    const since = input.historySince?.get(ref.profileId);
    return since ? [{ ...ref, since }] : [];
  });
  const { facts, rules, journeys, versions, sends, previous, history } = await queryParts(tx, {
    history: profileHistoryPart(historyRefs, { sinceCoversRuns: input.historySinceCoversRuns }),
    facts: profileFactsPart(refs),
    rules: deliveryRulesPart(workspaceIds, log),
    journeys: journeysPart(journeyRefs),
    versions: versionsPart(journeyRefs, log),
    sends: recentSendsPart(refs, now, input.sendsFrom),
    previous: previousRunsPart(refs, [...new Set(entryJourneys.map((j) => j.journeyId))]),
  });
  const batch = new EngineBatch(tx, now, rules);

  const profiles = new Map<string, BatchProfile>();
  for (const ref of refs) {
    const known = facts.get(ref.profileId);
    profiles.set(ref.profileId, {
      workspaceId: ref.workspaceId,
      profileId: ref.profileId,
      facts: known ?? placeholderFacts(ref.profileId, now),
      missing: !known,
      sent: sends.get(ref.profileId) ?? [],
      runs: [],
      previousRuns: previous.get(ref.profileId) ?? new Map(),
      history: history.get(ref.profileId),
    });
  }

  const orphans: RunRow[] = [];
  for (const row of runRows) {
    const journey = journeys.get(row.journeyId);
    const version = versions.get(row.versionId);
    const profile = profiles.get(row.profileId);
    if (!journey || !version || !profile) {
      orphans.push(row);
      continue;
    }
    const record: RunRecord = {
      workspaceId: row.workspaceId,
      journey,
      version,
      state: parseRunState(row),
      isNew: false,
      dirty: false,
      effects: [],
      triggerRef: null,
    };
    profile.runs.push(record);
    batch.track(record);
  }
  return { batch, profiles, journeys, versions, orphans };
}

/** Stands in for an erased or merged-away profile: enough to cancel its runs, never to send. */
function placeholderFacts(id: string, now: Date): ProfileFacts {
  return {
    id,
    traits: {},
    firstSeenAt: now,
    lastSeenAt: now,
    timezone: null,
    email: null,
    unsubscribed: true,
    suppressed: true,
  };
}

/** Stops the timer of runs the engine cannot read any more, so they are not claimed forever. */
export async function disarmOrphans(
  tx: RawDb,
  orphans: readonly RunRow[],
  log: (line: string) => void,
): Promise<void> {
  if (orphans.length === 0) return;
  for (const row of orphans) {
    log(
      `engine: run ${row.id} of journey ${row.journeyId} has no readable journey version; disarmed`,
    );
  }
  await tx.$executeRaw`
    UPDATE journey_runs SET "wakeAt" = NULL
    WHERE id = ANY(${orphans.map((o) => o.id)}::text[])
      AND "workspaceId" = ANY(${[...new Set(orphans.map((o) => o.workspaceId))]}::text[])`;
}
