import type { ProfileFacts, SentMessage } from "@/lib/journey-core/facts";
import type { PreviousRun } from "@/lib/journey-core/match-trigger";
import type { ProfileHistory } from "@/lib/journey-core/profile-as-of";
import type { Effect, RunState } from "@/lib/journey-core/run-state";
import type { TriggerRef } from "./load-counts";
import type { JourneyInfo, LoadedVersion } from "./load-journeys";

// What one engine batch holds in memory (engine-batch.ts): the runs it
// loaded or created, with the effects the core returned for them, per profile.

export interface RunRecord {
  workspaceId: string;
  journey: JourneyInfo;
  version: LoadedVersion;
  state: RunState;
  isNew: boolean;
  /** Something to write: a new state, effects, or a hold. */
  dirty: boolean;
  effects: Effect[];
  /** Only a run being entered counts events "before its trigger". */
  triggerRef: TriggerRef | null;
  /** Created by this batch: it catches up on the profile's events already evaluated after its entry. */
  enteredInBatch?: boolean;
  /** Ended by this batch (a trigger it refused before may be decided again: redecide-entry.ts). */
  endedInBatch?: boolean;
}

export interface ProfileWork {
  workspaceId: string;
  profileId: string;
  facts: ProfileFacts;
  /** Sends to this profile in the frequency window, including this batch's. */
  sent: SentMessage[];
  /** Runs loaded or created by this batch, in the order they were met. */
  runs: RunRecord[];
  /** This profile's runs of each journey, any version and status (re-entry). */
  previousRuns: Map<string, KnownRun[]>;
  /** The calls since the batch's earliest moment: `facts` as of any decision (factsAsOf). */
  history?: ProfileHistory;
}

export type KnownRun = PreviousRun & { runId: string };
