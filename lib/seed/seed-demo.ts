import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { StartupError } from "@/lib/startup-error";
import { getActiveKey } from "@/lib/workspaces/api-keys";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { DEMO_DEFAULTS, generateDemoHistory } from "./demo-data";

// The demo workspace "Acme", seeded at the first start so a new install has
// something to look at and journeys have history to run on.

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
const STATE_KEY = "demo.state";
const SEED_LOCK = 4_242_003; // setup-owner uses 4_242_001, tests 4_242_002
const CHUNK_SIZE = 500;

interface DemoState {
  now: string;
  profiles: number;
  days: number;
  seed: number;
  completedAt: string | null;
}

export interface SeedDemoResult {
  /** True when this call created or finished the demo (keys are new to the operator). */
  created: boolean;
  email: string;
  password: string;
  workspaceId: string;
  writeKey: string;
  secretKey: string;
}

type Log = (line: string) => void;

/** SEED_DEMO=false (or 0/no/off) turns the demo off; anything else keeps it on. */
export function shouldSeedDemo(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.SEED_DEMO?.trim().toLowerCase();
  return !["false", "0", "no", "off"].includes(value ?? "");
}

/**
 * Seeds the demo workspace once per database. Later calls (and a second
 * process starting at the same time, which waits on an advisory lock) return
 * the existing demo with created: false.
 */
export async function seedDemo(
  opts: { now?: Date; log?: Log; profiles?: number; days?: number } = {},
): Promise<SeedDemoResult> {
  const log = opts.log ?? (() => {});
  const password = process.env.DEMO_PASSWORD || DEMO_DEFAULT_PASSWORD;
  const done = await readDemo();
  if (done?.state.completedAt) return describeDemo(done.workspaceId, password, false, log);

  return withSeedLock(async () => {
    let demo = await readDemo();
    if (demo?.state.completedAt) return describeDemo(demo.workspaceId, password, false, log);
    if (!demo) {
      const state: DemoState = {
        now: (opts.now ?? new Date()).toISOString(),
        profiles: opts.profiles ?? DEMO_DEFAULTS.profiles,
        days: opts.days ?? DEMO_DEFAULTS.days,
        seed: DEMO_DEFAULTS.seed,
        completedAt: null,
      };
      demo = { workspaceId: await createDemoWorkspace(password, state), state };
    } else {
      log("Resuming the interrupted demo seed…");
    }
    const { state } = demo;
    log(`Seeding the demo workspace “${DEMO_WORKSPACE_NAME}” (${state.profiles} profiles)…`);
    const started = performance.now();
    const { messages } = await loadDemoHistory({
      workspaceId: demo.workspaceId,
      now: new Date(state.now),
      profiles: state.profiles,
      days: state.days,
      seed: state.seed,
    });
    const completed: DemoState = { ...state, completedAt: new Date().toISOString() };
    await prisma.appSetting.update({
      where: { key: STATE_KEY },
      data: { value: JSON.stringify(completed) },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(
      `Seeded “${DEMO_WORKSPACE_NAME}”: ${state.profiles} profiles, ` +
        `${messages.toLocaleString("en-US")} events over ${state.days} days in ${seconds} s.`,
    );
    return describeDemo(demo.workspaceId, password, true, log);
  });
}

/**
 * Ingests the generated demo history into any workspace, the same way the
 * API would (minus journey evaluation). Tests use it as a realistic fixture.
 * Rerunning it is harmless: stored messageIds come back as duplicates.
 */
export async function loadDemoHistory(input: {
  workspaceId: string;
  now: Date;
  profiles?: number;
  days?: number;
  seed?: number;
}): Promise<{ messages: number; accepted: number; duplicates: number }> {
  const { workspaceId, ...options } = input;
  const history = generateDemoHistory(options);
  let accepted = 0;
  let duplicates = 0;
  for (let offset = 0; offset < history.length; offset += CHUNK_SIZE) {
    const items = history.slice(offset, offset + CHUNK_SIZE);
    const result = await ingestBatch({ workspaceId, items, evaluate: false });
    const [first] = result.rejected;
    if (first) {
      // The generator must only produce valid calls; a rejection is a bug there.
      const item = items[first.index];
      throw new Error(
        `Demo message ${item?.messageId ?? offset + first.index} was rejected: ` +
          `${first.code} ${first.field ?? "(item)"}: ${first.message}`,
      );
    }
    accepted += result.accepted;
    duplicates += result.duplicates;
  }
  return { messages: history.length, accepted, duplicates };
}

/** Holds a transaction-scoped advisory lock while `work` runs on other connections. */
function withSeedLock<T>(work: () => Promise<T>): Promise<T> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
      return work();
    },
    // The other process may be loading the history: wait for it, generously.
    { maxWait: 30_000, timeout: 30 * 60_000 },
  );
}

/** The marker and state, if a demo exists whose workspace still does. */
async function readDemo(): Promise<{ workspaceId: string; state: DemoState } | null> {
  const rows = await prisma.appSetting.findMany({
    where: { key: { in: [DEMO_MARKER_KEY, STATE_KEY] } },
  });
  const marker = rows.find((row) => row.key === DEMO_MARKER_KEY);
  const state = rows.find((row) => row.key === STATE_KEY);
  if (!marker || !state) return null;
  // Deleted by hand: seed it again rather than hand out keys that do not exist.
  const workspace = await prisma.workspace.findUnique({ where: { id: marker.value } });
  if (!workspace) return null;
  return { workspaceId: marker.value, state: JSON.parse(state.value) as DemoState };
}

/** Member, workspace, keys and marker: all or nothing. */
async function createDemoWorkspace(password: string, state: DemoState): Promise<string> {
  const keys = demoKeysFromEnv();
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    for (const key of [keys.writeKey, keys.secretKey]) {
      if (key && (await tx.apiKey.findUnique({ where: { key } }))) {
        throw new StartupError(
          `The demo key ${key.slice(0, 6)}… is already used by another workspace.`,
        );
      }
    }
    // An existing demo member keeps its password (the operator may have changed it).
    const member =
      (await tx.member.findUnique({ where: { email: DEMO_EMAIL } })) ??
      (await tx.member.create({ data: { email: DEMO_EMAIL, name: "Demo User", passwordHash } }));
    const { workspaceId } = await createWorkspace(
      { name: DEMO_WORKSPACE_NAME, ownerId: member.id, ...keys },
      tx,
    );
    for (const [key, value] of [
      [DEMO_MARKER_KEY, workspaceId],
      [STATE_KEY, JSON.stringify(state)],
    ] as const) {
      await tx.appSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
    }
    return workspaceId;
  });
}

function demoKeysFromEnv(): { writeKey?: string; secretKey?: string } {
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

async function describeDemo(
  workspaceId: string,
  password: string,
  created: boolean,
  log: Log,
): Promise<SeedDemoResult> {
  const [writeKey, secretKey] = await Promise.all([
    getActiveKey(workspaceId, "write"),
    getActiveKey(workspaceId, "secret"),
  ]);
  // Keys are set when the demo is created; later changes to the env do not rotate them.
  const wanted = demoKeysFromEnv();
  if (
    (wanted.writeKey && wanted.writeKey !== writeKey) ||
    (wanted.secretKey && wanted.secretKey !== secretKey)
  ) {
    log(
      "DEMO_WRITE_KEY/DEMO_SECRET_KEY differ from the demo workspace's keys; they only apply when the demo is first seeded.",
    );
  }
  return {
    created,
    email: DEMO_EMAIL,
    password,
    workspaceId,
    // Rotated-away keys leave no active one only if someone revoked by hand.
    writeKey: writeKey ?? "",
    secretKey: secretKey ?? "",
  };
}
