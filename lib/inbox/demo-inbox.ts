import "server-only";
import { prisma } from "@/lib/db/client";
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
  users: DemoUser[];
  current: DemoUser & { userHash: string };
}

const PICKER_SIZE = 8;

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
  const [writeKey, signingSecret, profiles] = await Promise.all([
    getWriteKey(workspaceId),
    currentInboxSigningSecret(workspaceId),
    prisma.profile.findMany({
      where: { workspaceId, userId: { not: null } },
      orderBy: { userId: "asc" },
      take: PICKER_SIZE,
      select: { userId: true, email: true, traits: true },
    }),
  ]);
  if (!writeKey || profiles.length === 0) return null;
  const users = profiles.map(toDemoUser);
  let current = users.find((user) => user.userId === requestedUserId);
  if (!current && requestedUserId) {
    const profile = await prisma.profile.findFirst({
      where: { workspaceId, userId: requestedUserId },
      select: { userId: true, email: true, traits: true },
    });
    if (profile) {
      current = toDemoUser(profile);
      users.push(current);
    }
  }
  current ??= users[0] as DemoUser;
  return {
    workspaceId,
    writeKey,
    users,
    current: { ...current, userHash: computeUserHash(signingSecret, current.userId) },
  };
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
