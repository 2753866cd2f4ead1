import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RawDb } from "./db";
import type { ExistingIdentity } from "./plan-identities";
import type { NormalizedMessage } from "./types";

/**
 * The stored identities a batch mentions, with their profiles, in one query.
 * With `lock`, the profiles are locked in id order (every writer locks them in
 * that order, so concurrent batches wait for each other instead of
 * deadlocking), and a profile merged away meanwhile drops out of the result.
 */
export async function lookupIdentities(
  db: RawDb,
  workspaceId: string,
  messages: readonly NormalizedMessage[],
  options: { lock: boolean },
): Promise<ExistingIdentity[]> {
  const userIds = new Set<string>();
  const anonymousIds = new Set<string>();
  for (const message of messages) {
    if (message.userId !== null) userIds.add(message.userId);
    if (message.anonymousId !== null) anonymousIds.add(message.anonymousId);
    // alias.previousId may be either kind of id.
    if (message.previousId !== null) {
      userIds.add(message.previousId);
      anonymousIds.add(message.previousId);
    }
  }
  if (userIds.size === 0 && anonymousIds.size === 0) return [];
  return db.$queryRaw<ExistingIdentity[]>`
    SELECT i.kind::text AS kind, i.value, i."profileId"::text AS "profileId",
           p."userId" AS "profileUserId"
    FROM profile_identities i
    JOIN profiles p ON p.id = i."profileId" AND p."workspaceId" = ${workspaceId}
    WHERE i."workspaceId" = ${workspaceId}
      AND ((i.kind = 'userId' AND i.value = ANY(${[...userIds]}::text[]))
        OR (i.kind = 'anonymousId' AND i.value = ANY(${[...anonymousIds]}::text[])))
    ORDER BY p.id
    ${options.lock ? Prisma.sql`FOR UPDATE OF p` : Prisma.empty}`;
}
