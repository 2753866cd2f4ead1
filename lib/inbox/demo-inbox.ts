import "server-only";
import { prisma } from "@/lib/db/client";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { escapeLike } from "@/lib/profiles/parse-profile-search";
import { DEMO_MARKER_KEY } from "@/lib/seed/seed-demo";
import { getWriteKey } from "@/lib/workspaces/api-keys";
import { currentInboxSigningSecret } from "./inbox-signing-secret";
import { computeUserHash } from "./inbox-token";

// The /demo page plays an app that embeds cue.js for a user of the demo
// workspace. A real app computes user_hash on its own backend; the demo page
// is that backend here, so it signs for whichever demo user is picked. That
// is only acceptable because the demo workspace holds made-up people (it is
// seeded into empty installs only, and SEED_DEMO=false removes it).

export interface DemoUser {
  userId: string;
  name: string;
  email: string | null;
}

export interface DemoInbox {
  workspaceId: string;
  writeKey: string;
  /** The picker's first page of demo users (all of them, up to PICKER_SIZE). */
  users: DemoUser[];
  /** How many demo users there are: the picker searches them all. */
  totalUsers: number;
  current: DemoUser & { userHash: string; profileId: string };
}

export const PICKER_SIZE = 20;

export async function getDemoWorkspaceId(): Promise<string | null> {
  const marker = await prisma.appSetting.findUnique({ where: { key: DEMO_MARKER_KEY } });
  if (!marker) return null;
  const workspace = await prisma.workspace.findUnique({
    where: { id: marker.value },
    select: { id: true },
  });
  return workspace?.id ?? null;
}

export async function loadDemoInbox(requestedUserId?: string): Promise<DemoInbox | null> {
  const workspaceId = await getDemoWorkspaceId();
  if (!workspaceId) return null;
  const [writeKey, signingSecret, users, totalUsers] = await Promise.all([
    getWriteKey(workspaceId),
    currentInboxSigningSecret(workspaceId),
    searchDemoUsers(workspaceId, ""),
    prisma.profile.count({ where: { workspaceId, userId: { not: null } } }),
  ]);
  if (!writeKey || users.length === 0) return null;
  const requested = requestedUserId
    ? await prisma.profile.findFirst({
        where: { workspaceId, userId: requestedUserId },
        select: { id: true, userId: true, email: true, traits: true },
      })
    : null;
  const first = users[0] as DemoUser;
  const current = requested
    ? { ...toDemoUser(requested), profileId: requested.id }
    : { ...first, profileId: await profileIdOf(workspaceId, first.userId) };
  return {
    workspaceId,
    writeKey,
    users,
    totalUsers,
    current: { ...current, userHash: computeUserHash(signingSecret, current.userId) },
  };
}

async function profileIdOf(workspaceId: string, userId: string): Promise<string> {
  const profile = await prisma.profile.findFirst({
    where: { workspaceId, userId },
    select: { id: true },
  });
  return profile?.id ?? "";
}

/**
 * The picker's search over the demo workspace's identified profiles: by
 * name (the `name` trait), email or userId, case-insensitive, names first
 * in alphabetical order. An empty query lists the first ones.
 */
export async function searchDemoUsers(
  workspaceId: string,
  query: string,
  limit = PICKER_SIZE,
): Promise<DemoUser[]> {
  const pattern = `%${escapeLike(query.trim())}%`;
  const rows = await queryRows<{ userId: string | null; email: string | null; traits: unknown }>(
    Prisma.sql`
      SELECT "userId", email, traits FROM profiles
      WHERE "workspaceId" = ${workspaceId} AND "userId" IS NOT NULL
        AND (${pattern} = '%%' OR traits ->> 'name' ILIKE ${pattern}
             OR email ILIKE ${pattern} OR "userId" ILIKE ${pattern})
      ORDER BY traits ->> 'name' NULLS LAST, "userId"
      LIMIT ${limit}`,
  );
  return rows.map(toDemoUser);
}

function toDemoUser(profile: {
  userId: string | null;
  email: string | null;
  traits: unknown;
}): DemoUser {
  const traits = (profile.traits ?? {}) as { name?: unknown };
  const userId = profile.userId ?? "";
  return {
    userId,
    name: typeof traits.name === "string" ? traits.name : userId,
    email: profile.email,
  };
}
