import "server-only";
import { prisma } from "@/lib/db/client";
import { StartupError } from "@/lib/startup-error";
import { getWriteKey, hashKey, listSecretKeys } from "@/lib/workspaces/api-keys";

// The demo workspace "Acme" as it stands: whether this install gets one, and
// the one already seeded. Kept apart from seed-demo.ts (the seeding itself,
// with ingestion and the history generator) so that `npm start` can answer
// both without loading that code once the demo exists.

export const DEMO_EMAIL = "demo@acme.test";
// The demo runs on the operator's own machine with made-up data, so a fixed,
// documented password is acceptable: it is printed at every start. Set
// DEMO_PASSWORD to choose another, or SEED_DEMO=false to skip the demo.
export const DEMO_DEFAULT_PASSWORD = "cue-demo-1234";
export const DEMO_WORKSPACE_NAME = "Acme";

// app_settings rows. The marker holds the workspace id; the state holds what
// the history was generated from, so a seed interrupted half-way resumes with
// the same messages (duplicates are skipped by messageId) rather than
// starting over or leaving a partial demo behind for good.
export const DEMO_MARKER_KEY = "demo.workspaceId";
export const DEMO_STATE_KEY = "demo.state";

export interface DemoState {
  now: string;
  profiles: number;
  days: number;
  seed: number;
  /**
   * Demo workspaces this database had before this one: with the seed it makes
   * the demo's ids (profiles, journeys) reproducible yet unique in the database.
   */
  instance?: number;
  completedAt: string | null;
}

export interface SeedDemoResult {
  /** True when this call created or finished the demo (keys are new to the operator). */
  created: boolean;
  email: string;
  password: string;
  workspaceId: string;
  writeKey: string;
  /**
   * The secret key's text, only when this call created it: Cue stores its
   * hash, so later starts can show only its prefix.
   */
  secretKey: string | null;
  /** "sk_AbCde…" of the newest active secret key, or "" when none is active. */
  secretKeyHint: string;
}

type Log = (line: string) => void;

/** SEED_DEMO=false (or 0/no/off) turns the demo off; anything else keeps it on. */
export function shouldSeedDemo(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.SEED_DEMO?.trim().toLowerCase();
  return !["false", "0", "no", "off"].includes(value ?? "");
}

/** The demo is seeded into an empty database only, never into a real install. */
export async function wantsDemo(): Promise<boolean> {
  if (!shouldSeedDemo()) return false;
  const marker = await prisma.appSetting.findUnique({ where: { key: DEMO_MARKER_KEY } });
  return marker !== null || (await prisma.member.count()) === 0;
}

export function demoPassword(): string {
  return process.env.DEMO_PASSWORD || DEMO_DEFAULT_PASSWORD;
}

/** The demo, when its seed has completed; null when it is missing or unfinished. */
export async function findSeededDemo(log: Log = () => {}): Promise<SeedDemoResult | null> {
  const demo = await readDemo();
  if (!demo?.state.completedAt) return null;
  return describeDemo(demo.workspaceId, demoPassword(), null, log);
}

/** The marker and state, if a demo exists whose workspace still does. */
export async function readDemo(): Promise<{ workspaceId: string; state: DemoState } | null> {
  const rows = await prisma.appSetting.findMany({
    where: { key: { in: [DEMO_MARKER_KEY, DEMO_STATE_KEY] } },
  });
  const marker = rows.find((row) => row.key === DEMO_MARKER_KEY);
  const state = rows.find((row) => row.key === DEMO_STATE_KEY);
  if (!marker || !state) return null;
  // Deleted by hand: seed it again rather than hand out keys that do not exist.
  const workspace = await prisma.workspace.findUnique({ where: { id: marker.value } });
  if (!workspace) return null;
  return { workspaceId: marker.value, state: JSON.parse(state.value) as DemoState };
}

export function demoKeysFromEnv(): { writeKey?: string; secretKey?: string } {
  const writeKey = process.env.DEMO_WRITE_KEY?.trim() || undefined;
  const secretKey = process.env.DEMO_SECRET_KEY?.trim() || undefined;
  for (const [name, value] of [
    ["DEMO_WRITE_KEY", writeKey],
    ["DEMO_SECRET_KEY", secretKey],
  ] as const) {
    if (value !== undefined && (value.length < 8 || /\s/.test(value))) {
      throw new StartupError(`${name} must be at least 8 characters without spaces.`);
    }
  }
  if (writeKey && writeKey === secretKey) {
    throw new StartupError("DEMO_WRITE_KEY and DEMO_SECRET_KEY must differ.");
  }
  return { writeKey, secretKey };
}

/** `newSecretKey`: the secret key's text when this call made it (the demo is new to the operator). */
export async function describeDemo(
  workspaceId: string,
  password: string,
  newSecretKey: string | null,
  log: Log,
): Promise<SeedDemoResult> {
  const [writeKey, secretKeys, [newest]] = await Promise.all([
    getWriteKey(workspaceId),
    prisma.apiKey.findMany({
      where: { workspaceId, kind: "secret", revokedAt: null },
      select: { keyHash: true },
    }),
    listSecretKeys(workspaceId),
  ]);
  // Keys are set when the demo is created; later changes to the env do not rotate them.
  const wanted = demoKeysFromEnv();
  if (
    (wanted.writeKey && wanted.writeKey !== writeKey) ||
    (wanted.secretKey && !secretKeys.some((k) => k.keyHash === hashKey(wanted.secretKey ?? "")))
  ) {
    log(
      "DEMO_WRITE_KEY/DEMO_SECRET_KEY differ from the demo workspace's keys; they only apply when the demo is first seeded.",
    );
  }
  return {
    created: newSecretKey !== null,
    email: DEMO_EMAIL,
    password,
    workspaceId,
    // Rotated-away keys leave no active one only if someone revoked by hand.
    writeKey: writeKey ?? "",
    secretKey: newSecretKey,
    secretKeyHint: newest?.hint ?? "",
  };
}
