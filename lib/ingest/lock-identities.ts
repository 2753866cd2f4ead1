import "server-only";
import { createHash } from "node:crypto";
import type { RawDb } from "./db";
import type { IdentityPlan } from "./plan-identities";

// Advisory-lock namespace of identity creation ("CUE1"), and how many locks
// a workspace's identities are spread over. Fixed, so a given id always maps
// to the same lock; bounded, so a 2,500-call batch of strangers takes at most
// this many locks (PostgreSQL's lock table is shared and finite).
const NAMESPACE = 0x43554531;
const BUCKETS = 1024;

function bucketOf(workspaceId: string, kind: string, value: string): number {
  const digest = createHash("sha1").update(`${workspaceId}\0${kind}\0${value}`).digest();
  return digest.readUInt32BE(0) % BUCKETS;
}

/**
 * Serialises requests that create the same identities: each takes the
 * transaction-scoped advisory locks of the ids it is about to create, in
 * ascending order (so two requests cannot deadlock on them), and only then
 * re-reads the identities. A request that created one of them first has
 * committed by then, and its profile is found instead of created twice.
 * Without this, concurrent batches for the same new users would mostly fail
 * on the unique constraints and retry, which under load can starve.
 */
export async function lockIdentityCreation(
  db: RawDb,
  workspaceId: string,
  plan: IdentityPlan,
): Promise<void> {
  const buckets = new Set<number>();
  for (const identity of plan.newIdentities) {
    buckets.add(bucketOf(workspaceId, identity.kind, identity.value));
  }
  if (buckets.size === 0) return;
  const ordered = [...buckets].sort((a, b) => a - b);
  // unnest yields the array in order, so the locks are taken in that order.
  await db.$queryRaw`
    SELECT count(pg_advisory_xact_lock(${NAMESPACE}::int, b))::int AS locked
    FROM unnest(${ordered}::int[]) AS b`;
}
