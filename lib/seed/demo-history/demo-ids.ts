// Reproducible ids for the demo's journeys and profiles. Holdouts and splits
// are a hash of the profile's and the journey's ids (assign-bucket.ts), so
// with random ids every install would split its users differently; with
// these, the same seed and history give the same groups, and the demo's
// numbers are the same wherever it is seeded at the same instant. `instance`
// (how many demo workspaces the database already had) keeps ids unique when
// one database holds several demos.
import { fnv1a32 } from "@/lib/journey-core/assign-bucket";
import { mulberry32, streamSeed, uuid } from "./random";

export function demoIds(seed: number, instance: number) {
  const base = streamSeed(seed, 7_000_000 + instance);
  return {
    journey: (slug: string) => uuid(mulberry32(base ^ fnv1a32(`journey:${slug}`))),
    /** A sequence of profile ids for one ingestion batch (by the step it plays, and its chunk). */
    profiles: (step: string, offset: number) => {
      const rng = mulberry32(base ^ fnv1a32(`profiles:${step}:${offset}`));
      return () => uuid(rng);
    },
  };
}
