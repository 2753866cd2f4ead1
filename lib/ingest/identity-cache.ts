import "server-only";
import type { IdentityKey } from "./lookup-identities";
import type { ExistingIdentity } from "./plan-identities";

// Which profile an identity belongs to, remembered by this process so the
// common request (every id already known) skips the lookup round trip.
//
// A stale entry is harmless by construction: an identity only changes
// profile when its profile is merged away or erased, i.e. deleted, and the
// write statement refuses to insert events for a profile that no longer
// exists (its guard fails, ingest-batch retries without the cache). A stale
// "anonymous" flag can only make a request take the locked path, which
// re-reads everything. So no cross-process invalidation is needed.
const MAX_ENTRIES = 200_000;
const entries = new Map<string, ExistingIdentity>();

const keyOf = (workspaceId: string, kind: string, value: string) =>
  `${workspaceId}\0${kind}\0${value}`;

export function cachedIdentities(
  workspaceId: string,
  keys: readonly IdentityKey[],
): { hits: ExistingIdentity[]; misses: IdentityKey[] } {
  const hits: ExistingIdentity[] = [];
  const misses: IdentityKey[] = [];
  for (const key of keys) {
    const hit = entries.get(keyOf(workspaceId, key.kind, key.value));
    if (hit) hits.push(hit);
    else misses.push(key);
  }
  return { hits, misses };
}

export function rememberIdentities(workspaceId: string, rows: readonly ExistingIdentity[]): void {
  for (const row of rows) {
    const key = keyOf(workspaceId, row.kind, row.value);
    entries.delete(key); // re-insert: Map order doubles as recency order
    entries.set(key, row);
  }
  // Evict the oldest entries in one sweep once over the cap.
  if (entries.size > MAX_ENTRIES) {
    let excess = entries.size - MAX_ENTRIES * 0.9;
    for (const key of entries.keys()) {
      if (excess-- <= 0) break;
      entries.delete(key);
    }
  }
}

export function forgetIdentities(workspaceId: string, keys: readonly IdentityKey[]): void {
  for (const key of keys) entries.delete(keyOf(workspaceId, key.kind, key.value));
}
