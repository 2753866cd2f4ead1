import "server-only";
import { asRecord } from "@/lib/db/json-record";
import { type RawDb, sql, sqlTransaction } from "@/lib/db/sql";
import type { JourneyDefinition, TraitChangeTrigger } from "@/lib/journey-core/definition";
import { indexJourney } from "@/lib/journey-core/journey-graph";
import { traitsMatch } from "@/lib/journey-core/match-trigger";
import type { LoadedVersion } from "./load-journeys";
import { prepareBatch } from "./prepare-batch";
import { lockProfiles } from "./profile-locks";

// A trait-change trigger enters on a change to matching that happens while
// the journey is live: "enter when all of these start to hold". The engine
// judges each identify by the profile just before it and just after it (its
// history at event time), so people who already match when the journey goes
// live do not enter when the app identifies them again. Publishing can also
// enter those people at once, on request, after showing how many they are
// (countTraitMatches, matchingProfiles, enterTraitMatches).

const CHUNK = 5_000;

export function traitChangeTrigger(definition: JourneyDefinition): TraitChangeTrigger | null {
  const trigger = indexJourney(definition).trigger?.trigger;
  return trigger?.kind === "trait_change" ? trigger : null;
}

/** Visits the workspace's profiles in id order, a chunk at a time, with their current traits. */
async function forEachProfileChunk(
  db: RawDb,
  workspaceId: string,
  visit: (rows: { id: string; traits: Record<string, unknown> }[]) => Promise<void>,
): Promise<void> {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db.$queryRaw<{ id: string; traits: unknown }[]>`
      SELECT id::text AS id, traits FROM profiles
      WHERE "workspaceId" = ${workspaceId} AND id > ${after}::uuid
      -- The uuid column (the primary key's order), not the text alias.
      ORDER BY profiles.id LIMIT ${CHUNK}`;
    if (rows.length === 0) return;
    await visit(rows.map((r) => ({ id: r.id, traits: asRecord(r.traits) })));
    after = rows[rows.length - 1]?.id ?? after;
    if (rows.length < CHUNK) return;
  }
}

/** How many profiles match the trigger now (shown before publishing). */
export async function countTraitMatches(
  workspaceId: string,
  trigger: TraitChangeTrigger,
): Promise<number> {
  let count = 0;
  await forEachProfileChunk(sql, workspaceId, async (rows) => {
    count += rows.filter((row) => traitsMatch(trigger, row.traits)).length;
  });
  return count;
}

/** The ids of the profiles that match the trigger now (in the caller's transaction). */
export async function matchingProfiles(
  db: RawDb,
  workspaceId: string,
  trigger: TraitChangeTrigger,
): Promise<string[]> {
  const matching: string[] = [];
  await forEachProfileChunk(db, workspaceId, async (rows) => {
    matching.push(...rows.filter((row) => traitsMatch(trigger, row.traits)).map((row) => row.id));
  });
  return matching;
}

/**
 * Enters the given profiles (those that matched when the journey went live)
 * as of `at`, when the publisher asked for it: the same entry decision as a
 * live trait change (re-entry rules apply), in batches of one transaction.
 */
export async function enterTraitMatches(
  journey: { id: string; workspaceId: string },
  version: { id: string },
  profileIds: readonly string[],
  at: Date,
  log: (line: string) => void = () => {},
): Promise<number> {
  let entered = 0;
  for (let i = 0; i < profileIds.length; i += 500) {
    const chunk = profileIds.slice(i, i + 500);
    entered += await sqlTransaction(async (tx) => {
      await lockProfiles(tx, chunk);
      const refs = chunk.map((profileId) => ({ workspaceId: journey.workspaceId, profileId }));
      const ref = {
        journeyId: journey.id,
        workspaceId: journey.workspaceId,
        versionId: version.id,
      };
      const prepared = await prepareBatch(tx, at, { refs, runRows: [], entryJourneys: [ref], log });
      const info = prepared.journeys.get(journey.id);
      const loaded: LoadedVersion | undefined = prepared.versions.get(version.id);
      if (!info || !loaded || info.status !== "live") return 0;
      let n = 0;
      for (const profile of prepared.profiles.values()) {
        if (profile.missing) continue;
        const signal = {
          kind: "trait_change" as const,
          wasMatching: false,
          currentTraits: profile.facts.traits,
        };
        const decision = await prepared.batch.tryEnter(profile, info, loaded, signal, null, at);
        if (decision.enter) n += 1;
      }
      await prepared.batch.flush();
      return n;
    });
  }
  return entered;
}
