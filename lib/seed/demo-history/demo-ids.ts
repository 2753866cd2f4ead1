// Reproducible ids for the demo's journeys and profiles. Holdouts and splits
// are a hash of the profile's and the journey's ids (assign-bucket.ts), so
// with random ids every install would split its users differently. Here a
// profile's id follows from the seed and the identity it was created for
// (its userId, or an anonymous visitor's anonymousId), never from when the
// history was played: the same user is in the same group whatever instant
// the demo is seeded at. `instance` (how many demo workspaces the database
// already had) keeps ids unique when one database holds several demos.
import { fnv1a32 } from "@/lib/journey-core/assign-bucket";
import { mulberry32, streamSeed, uuid } from "./random";

export function demoIds(seed: number, instance: number) {
  const base = streamSeed(seed, 7_000_000 + instance);
  return {
    journey: (slug: string) => uuid(mulberry32(base ^ fnv1a32(`journey:${slug}`))),
    /** The id of a new profile, from the identity that created it (ingestBatch's profileId). */
    profile: (kind: string, value: string) =>
      uuid(mulberry32(base ^ fnv1a32(`profile:${kind}:${value}`))),
  };
}
