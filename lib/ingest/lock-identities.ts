import "server-only";
import { createHash } from "node:crypto";
import type { RawDb } from "@/lib/db/sql";
import type { IdentityPlan } from "./plan-identities";

// Advisory-lock namespaces ("CUEW", "CUEI"): a workspace's creation lock and
// the per-identity locks. The two-int form keeps them apart from the
// single-bigint advisory locks used elsewhere.
const WORKSPACE_NAMESPACE = 0x43554557;
const IDENTITY_NAMESPACE = 0x43554549;

/**
 * Above this many new ids a request takes the workspace's creation lock
 * outright instead of one lock per id: PostgreSQL's lock table is shared and
 * finite, and a 2,500-call batch of strangers could otherwise take 5,000.
 */
const MAX_IDENTITY_LOCKS = 256;

function hash32(text: string): number {
  return createHash("sha1").update(text).digest().readInt32BE(0);
}

/**
 * Serialises requests that create the same identities: each takes the
 * transaction-scoped advisory locks of the ids it is about to create, in
 * ascending order (so two requests cannot deadlock on them), and only then
 * re-reads the identities under row locks. A request that created one of
 * them first has committed by then, and its profile is found instead of
 * created twice. Without this, concurrent batches for the same new users
 * would mostly fail on the unique constraints and retry, which under load
 * can starve.
 *
 * Small requests hold the workspace lock shared and lock their ids; large
 * ones hold it exclusively and lock nothing else.
 */
export async function lockIdentityCreation(
  db: RawDb,
  workspaceId: string,
  plan: IdentityPlan,
): Promise<void> {
  const ids = new Set<number>();
  for (const identity of plan.newIdentities) {
    ids.add(hash32(`${workspaceId}\0${identity.kind}\0${identity.value}`));
  }
  if (ids.size === 0) return;
  const workspace = hash32(workspaceId);
  if (ids.size > MAX_IDENTITY_LOCKS) {
    await db.$queryRaw`
      SELECT count(pg_advisory_xact_lock(${WORKSPACE_NAMESPACE}::int, ${workspace}::int))::int AS locked`;
    return;
  }
  const ordered = [...ids].sort((a, b) => a - b);
  // The aggregate's input (the shared lock) is evaluated before the output
  // column's subquery; unnest yields the array in order, so the id locks are
  // taken in ascending order.
  await db.$queryRaw`
    SELECT count(pg_advisory_xact_lock_shared(${WORKSPACE_NAMESPACE}::int, ${workspace}::int))::int AS workspace,
           (SELECT count(pg_advisory_xact_lock(${IDENTITY_NAMESPACE}::int, id))
              FROM unnest(${ordered}::int[]) AS id)::int AS ids`;
}
