import "server-only";
import { reportDatabaseError } from "@/lib/db/availability";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InboxSignal } from "./inbox-signal";
import { getInboxHub, type HubListener, subscribeInbox } from "./inbox-stream";

// Streams of users who have no profile yet (cue.js connects before the app's
// first identify or track for a new user arrives). They learn of their
// profile from the first item signal that names it.
//
// One listener per workspace reads, once per item signal, which user ids the
// signalled profile answers to, and wakes only those users' streams. (Each
// waiting stream reading the database on every signal of its workspace
// would cost streams × signals reads: 1,000 anonymous visitors and 200
// items/s would be 200,000 reads/s.) After the LISTEN connection was down
// (`resync`), one read finds every waiting user whose profile appeared.

export type ProfileFound = (profileId: string) => void;

interface WorkspaceWaiters {
  byUser: Map<string, Set<ProfileFound>>;
  subscribed: Promise<() => void>;
  /** Profiles being looked up now: repeated signals for one wait for that read. */
  inFlight: Set<string>;
}

const workspaces = new Map<string, WorkspaceWaiters>();
let lookups = 0;
// A closed hub has dropped the workspace listeners: start afresh.
getInboxHub().onClose(() => workspaces.clear());

/** How many identity reads the waiters made (tests check it stays per signal). */
export function profileWaiterLookups(): number {
  return lookups;
}

/**
 * Calls `found` (at most once) when an item signal shows that `userId` has a
 * profile in the workspace. Resolves once the signal is being listened for;
 * the returned function stops waiting.
 */
export async function waitForProfile(
  workspaceId: string,
  userId: string,
  found: ProfileFound,
): Promise<() => void> {
  let entry = workspaces.get(workspaceId);
  if (!entry) {
    const created: WorkspaceWaiters = {
      byUser: new Map(),
      subscribed: Promise.resolve(() => {}),
      inFlight: new Set(),
    };
    created.subscribed = subscribeInbox(`${workspaceId}:*`, listenerFor(workspaceId, created));
    workspaces.set(workspaceId, created);
    entry = created;
  }
  let once = true;
  const callback: ProfileFound = (profileId) => {
    if (!once) return;
    once = false;
    stop();
    found(profileId);
  };
  const users = entry.byUser.get(userId) ?? new Set<ProfileFound>();
  entry.byUser.set(userId, users);
  users.add(callback);
  const stop = () => remove(workspaceId, userId, callback);
  try {
    await entry.subscribed;
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}

function remove(workspaceId: string, userId: string, callback: ProfileFound): void {
  const entry = workspaces.get(workspaceId);
  const users = entry?.byUser.get(userId);
  if (!entry || !users) return;
  users.delete(callback);
  if (users.size === 0) entry.byUser.delete(userId);
  if (entry.byUser.size > 0) return;
  workspaces.delete(workspaceId);
  entry.subscribed.then((unsubscribe) => unsubscribe()).catch(() => {});
}

function listenerFor(workspaceId: string, entry: WorkspaceWaiters): HubListener {
  return (signal, from) => {
    if (workspaces.get(workspaceId) !== entry || entry.byUser.size === 0) return;
    if (signal.type === "resync") void settle(entry, findWaitingUsers(workspaceId, entry));
    else if (signal.type === "item" && from) void lookUpProfile(entry, from);
  };
}

async function lookUpProfile(entry: WorkspaceWaiters, signal: InboxSignal): Promise<void> {
  if (entry.inFlight.has(signal.profileId)) return;
  entry.inFlight.add(signal.profileId);
  try {
    lookups += 1;
    const rows = await queryRows<{ userId: string }>(Prisma.sql`
      SELECT value AS "userId" FROM profile_identities
      WHERE "workspaceId" = ${signal.workspaceId} AND "profileId" = ${signal.profileId}::uuid
        AND kind = 'userId'`);
    wake(
      entry,
      rows.map((row) => ({ userId: row.userId, profileId: signal.profileId })),
    );
  } catch (error) {
    if (!reportDatabaseError(error)) console.error("[cue] inbox profile lookup failed", error);
  } finally {
    entry.inFlight.delete(signal.profileId);
  }
}

async function findWaitingUsers(
  workspaceId: string,
  entry: WorkspaceWaiters,
): Promise<{ userId: string; profileId: string }[]> {
  lookups += 1;
  return queryRows<{ userId: string; profileId: string }>(Prisma.sql`
    SELECT value AS "userId", "profileId"::text AS "profileId" FROM profile_identities
    WHERE "workspaceId" = ${workspaceId} AND kind = 'userId'
      AND value = ANY(${[...entry.byUser.keys()]}::text[])`);
}

async function settle(
  entry: WorkspaceWaiters,
  rows: Promise<{ userId: string; profileId: string }[]>,
): Promise<void> {
  try {
    wake(entry, await rows);
  } catch (error) {
    if (!reportDatabaseError(error)) console.error("[cue] inbox profile lookup failed", error);
  }
}

function wake(entry: WorkspaceWaiters, rows: { userId: string; profileId: string }[]): void {
  for (const row of rows) {
    for (const callback of [...(entry.byUser.get(row.userId) ?? [])]) {
      try {
        callback(row.profileId);
      } catch (error) {
        console.error("[cue] inbox stream listener failed", error);
      }
    }
  }
}
