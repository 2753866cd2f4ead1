import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { withAdvisoryLock } from "@/lib/db/advisory-lock";
import { prisma } from "@/lib/db/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import type { WorkspaceDeliveryRules } from "@/lib/journey-core/delivery-rules";
import { StartupError } from "@/lib/startup-error";
import type { ActivationSettings } from "@/lib/workspaces/activation-input";
import { hashKey, rotateKey } from "@/lib/workspaces/api-keys";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { DEFAULT_DELIVERY_RULES } from "@/lib/workspaces/delivery-rules";
import { DEMO_DEFAULTS, generateDemoHistory } from "./demo-data";
import { demoIds } from "./demo-history/demo-ids";
import { DAY } from "./demo-history/world";
import {
  DEMO_EMAIL,
  DEMO_MARKER_KEY,
  DEMO_STATE_KEY,
  DEMO_WORKSPACE_NAME,
  type DemoState,
  demoKeysFromEnv,
  demoPassword,
  describeDemo,
  findSeededDemo,
  readDemo,
  type SeedDemoResult,
} from "./demo-workspace";
import { ensureDemoJourneys } from "./ensure-demo-journeys";
import { playDemoHistory } from "./play-demo-history";

export {
  DEMO_DEFAULT_PASSWORD,
  DEMO_EMAIL,
  DEMO_MARKER_KEY,
  DEMO_WORKSPACE_NAME,
  type SeedDemoResult,
  shouldSeedDemo,
} from "./demo-workspace";

// The demo workspace "Acme", seeded at the first start so a new install has
// something to look at and journeys have history to run on. What the demo
// is (names, keys, state rows) lives in demo-workspace.ts.
const SEED_LOCK = 4_242_003; // setup-owner uses 4_242_001, tests 4_242_002
const CHUNK_SIZE = 500;

type Log = (line: string) => void;

/**
 * Acme's delivery rules: the default quiet hours, and at most one email per
 * person every three days (six messages in all), so the history has budget
 * hits to show: an onboarding nudge and an alerts guide due close together,
 * and the second one waits. In-app messages only count toward the six.
 */
const DEMO_DELIVERY_RULES: WorkspaceDeliveryRules = {
  ...DEFAULT_DELIVERY_RULES,
  frequency: { windowHours: 72, max: 6, perChannel: { email: 1 }, onLimit: "defer" },
};

/**
 * Acme's measurable outcome: a new user creates a first report within a week
 * of signing up (the onboarding's last step; the stalled-onboarding journey
 * nudges toward it). The home page charts it and each journey's effect on it.
 */
export const DEMO_ACTIVATION: ActivationSettings = { events: ["Report Created"], windowDays: 7 };

/**
 * Seeds the demo workspace once per database. Later calls (and a second
 * process starting at the same time, which waits on an advisory lock) return
 * the existing demo with created: false.
 */
export async function seedDemo(
  opts: { now?: Date; log?: Log; profiles?: number; days?: number } = {},
): Promise<SeedDemoResult> {
  const log = opts.log ?? (() => {});
  const seeded = await findSeededDemo(log);
  if (seeded) return seeded;
  const password = demoPassword();

  // A second process starting at the same time waits here while the first
  // loads the history (on other connections), then finds the demo.
  return withAdvisoryLock(
    SEED_LOCK,
    async () => {
      let demo = await readDemo();
      if (demo?.state.completedAt) return describeDemo(demo.workspaceId, password, null, log);
      // The secret key is stored hashed: a fresh seed knows its text; a
      // resumed one gets a new key, since the first was never shown.
      let secretKey: string | null = null;
      if (!demo) {
        const state: DemoState = {
          now: (opts.now ?? new Date()).toISOString(),
          profiles: opts.profiles ?? DEMO_DEFAULTS.profiles,
          days: opts.days ?? DEMO_DEFAULTS.days,
          seed: DEMO_DEFAULTS.seed,
          instance: await prisma.workspace.count({ where: { name: DEMO_WORKSPACE_NAME } }),
          completedAt: null,
        };
        const created = await createDemoWorkspace(password, state);
        secretKey = created.secretKey;
        demo = { workspaceId: created.workspaceId, state };
      } else {
        log("Resuming the interrupted demo seed…");
      }
      const { state } = demo;
      log(`Seeding the demo workspace “${DEMO_WORKSPACE_NAME}” (${state.profiles} profiles)…`);
      const started = performance.now();
      const played = await playDemo({
        workspaceId: demo.workspaceId,
        now: new Date(state.now),
        profiles: state.profiles,
        days: state.days,
        seed: state.seed,
        instance: state.instance ?? 0,
      });
      const completed: DemoState = { ...state, completedAt: new Date().toISOString() };
      await prisma.appSetting.update({
        where: { key: DEMO_STATE_KEY },
        data: { value: JSON.stringify(completed) },
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      log(
        `Seeded “${DEMO_WORKSPACE_NAME}”: ${state.profiles} profiles, ` +
          `${played.calls.toLocaleString("en-US")} events and ` +
          `${played.messages.toLocaleString("en-US")} journey messages over ${state.days} days in ${seconds} s.`,
      );
      secretKey ??= await secretKeyForResumedDemo(demo.workspaceId);
      return describeDemo(demo.workspaceId, password, secretKey, log);
    },
    // The other process may be loading the history: wait for it, generously.
    { waitMs: 30 * 60_000 },
  );
}

/**
 * The demo's story: its journeys go live at the start of the history, then
 * the history is played through the engine hour by hour
 * (play-demo-history.ts), so every run, message and conversion is one the
 * engine made. Replaying (a resumed seed) changes nothing already done.
 */
async function playDemo(input: {
  workspaceId: string;
  now: Date;
  profiles: number;
  days: number;
  seed: number;
  instance: number;
}): Promise<{ calls: number; messages: number }> {
  const from = new Date(input.now.getTime() - input.days * DAY);
  const ids = demoIds(input.seed, input.instance);
  const owner = await prisma.membership.findFirst({
    where: { workspaceId: input.workspaceId, role: "owner" },
    select: { memberId: true },
  });
  await ensureDemoJourneys(input.workspaceId, {
    at: from,
    memberId: owner?.memberId ?? null,
    journeyId: ids.journey,
  });
  const history = generateDemoHistory(input);
  return playDemoHistory({
    workspaceId: input.workspaceId,
    history,
    from,
    now: input.now,
    seed: input.seed,
    profileId: ids.profile,
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

/**
 * DEMO_SECRET_KEY when the operator set it (and it is still the demo's), else
 * a new key in place of the one the interrupted seed made and never showed.
 */
async function secretKeyForResumedDemo(workspaceId: string): Promise<string> {
  const { secretKey } = demoKeysFromEnv();
  if (secretKey) {
    const row = await prisma.apiKey.findUnique({ where: { keyHash: hashKey(secretKey) } });
    if (row && row.workspaceId === workspaceId && !row.revokedAt) return secretKey;
  }
  return rotateKey(workspaceId, "secret");
}

/** Member, workspace, keys and marker: all or nothing. */
async function createDemoWorkspace(
  password: string,
  state: DemoState,
): Promise<{ workspaceId: string; secretKey: string }> {
  const keys = demoKeysFromEnv();
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    for (const key of [keys.writeKey, keys.secretKey]) {
      if (key && (await tx.apiKey.findUnique({ where: { keyHash: hashKey(key) } }))) {
        throw new StartupError(
          `The demo key ${key.slice(0, 6)}… is already used by another workspace.`,
        );
      }
    }
    // An existing demo member keeps its password (the operator may have changed it).
    const member =
      (await tx.member.findUnique({ where: { email: DEMO_EMAIL } })) ??
      (await tx.member.create({ data: { email: DEMO_EMAIL, name: "Demo User", passwordHash } }));
    const { workspaceId, secretKey } = await createWorkspace(
      { name: DEMO_WORKSPACE_NAME, ownerId: member.id, ...keys },
      tx,
    );
    await tx.workspace.update({
      where: { id: workspaceId },
      data: { deliveryRules: DEMO_DELIVERY_RULES, activation: DEMO_ACTIVATION },
    });
    for (const [key, value] of [
      [DEMO_MARKER_KEY, workspaceId],
      [DEMO_STATE_KEY, JSON.stringify(state)],
    ] as const) {
      await tx.appSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
    }
    return { workspaceId, secretKey };
  });
}
