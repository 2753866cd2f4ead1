import "server-only";
import type { RawDb } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ExistingIdentity, IdentityKind } from "./plan-identities";
import type { NormalizedMessage } from "./types";

export interface IdentityKey {
  kind: IdentityKind;
  value: string;
}

/** Every identity a batch names, once (alias.previousId may be either kind). */
export function identityKeysOf(messages: readonly NormalizedMessage[]): IdentityKey[] {
  const keys = new Map<string, IdentityKey>();
  const add = (kind: IdentityKind, value: string | null) => {
    if (value !== null) keys.set(`${kind}\0${value}`, { kind, value });
  };
  for (const message of messages) {
    add("userId", message.userId);
    add("anonymousId", message.anonymousId);
    add("userId", message.previousId);
    add("anonymousId", message.previousId);
  }
  return [...keys.values()];
}

/**
 * The stored identities among `keys`, with their profiles, in one query.
 * With `lock`, the profiles are locked in id order (every writer locks them in
 * that order, so concurrent batches wait for each other instead of
 * deadlocking), and a profile merged away meanwhile drops out of the result.
 */
export async function lookupIdentities(
  db: RawDb,
  workspaceId: string,
  keys: readonly IdentityKey[],
  options: { lock: boolean },
): Promise<ExistingIdentity[]> {
  if (keys.length === 0) return [];
  const kinds = keys.map((key) => key.kind);
  const values = keys.map((key) => key.value);
  // Joining the (kind, value) pairs probes the identities' primary key once
  // per id; the profiles are then fetched by id. Neither scans the workspace.
  return db.$queryRaw<ExistingIdentity[]>`
    SELECT i.kind::text AS kind, i.value, i."profileId"::text AS "profileId",
           p."userId" AS "profileUserId"
    FROM unnest(${kinds}::"IdentityKind"[], ${values}::text[]) AS wanted(kind, value)
    JOIN profile_identities i
      ON i."workspaceId" = ${workspaceId} AND i.kind = wanted.kind AND i.value = wanted.value
    JOIN profiles p ON p.id = i."profileId" AND p."workspaceId" = ${workspaceId}
    ORDER BY p.id
    ${options.lock ? Prisma.sql`FOR UPDATE OF p` : Prisma.empty}`;
}
