import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db/client";
import { generateDemoHistory } from "@/lib/seed/demo-data";
import { findSeededDemo, wantsDemo } from "@/lib/seed/demo-workspace";
import {
  DEMO_DEFAULT_PASSWORD,
  DEMO_EMAIL,
  DEMO_MARKER_KEY,
  type SeedDemoResult,
  seedDemo,
  shouldSeedDemo,
} from "@/lib/seed/seed-demo";
import { findWorkspaceByKey, hashKey } from "@/lib/workspaces/api-keys";

const now = new Date("2025-06-11T15:30:00.000Z");
const profiles = 40;
const expected = generateDemoHistory({ now, profiles });

async function counts(workspaceId: string) {
  const [members, workspaces, keys, profileRows, events, settings] = await Promise.all([
    prisma.member.count(),
    prisma.workspace.count(),
    prisma.apiKey.count({ where: { workspaceId } }),
    prisma.profile.count({ where: { workspaceId } }),
    prisma.event.count({ where: { workspaceId } }),
    prisma.appSetting.count(),
  ]);
  return { members, workspaces, keys, profileRows, events, settings };
}

let first: SeedDemoResult;
const lines: string[] = [];

beforeAll(async () => {
  vi.stubEnv("DEMO_WRITE_KEY", "wk_demo_fixed_write_key");
  vi.stubEnv("DEMO_PASSWORD", "");
  first = await seedDemo({ now, profiles, log: (line) => lines.push(line) });
  vi.unstubAllEnvs();
}, 120_000);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("shouldSeedDemo", () => {
  it("is on unless SEED_DEMO says false", () => {
    expect(shouldSeedDemo({})).toBe(true);
    expect(shouldSeedDemo({ SEED_DEMO: "true" })).toBe(true);
    expect(shouldSeedDemo({ SEED_DEMO: "false" })).toBe(false);
    expect(shouldSeedDemo({ SEED_DEMO: " FALSE " })).toBe(false);
    expect(shouldSeedDemo({ SEED_DEMO: "0" })).toBe(false);
  });
});

describe("seedDemo", () => {
  it("creates the member, the Acme workspace and its keys (DEMO_WRITE_KEY honoured)", async () => {
    expect(first.created).toBe(true);
    expect(first.email).toBe(DEMO_EMAIL);
    expect(first.password).toBe(DEMO_DEFAULT_PASSWORD);
    const member = await prisma.member.findUniqueOrThrow({ where: { email: DEMO_EMAIL } });
    expect(await verifyPassword(DEMO_DEFAULT_PASSWORD, member.passwordHash)).toBe(true);
    const workspace = await prisma.workspace.findUniqueOrThrow({
      where: { id: first.workspaceId },
      include: { memberships: true, apiKeys: true },
    });
    expect(workspace.name).toBe("Acme");
    expect(workspace.memberships).toMatchObject([{ memberId: member.id, role: "owner" }]);
    expect(first.writeKey).toBe("wk_demo_fixed_write_key");
    expect(first.secretKey).toMatch(/^sk_/);
    expect(first.secretKeyHint).toBe(`${first.secretKey?.slice(0, 8)}…`);
    // The secret key is printed at this first start only: the table holds its hash.
    const keys = Object.fromEntries(workspace.apiKeys.map((k) => [k.kind, [k.key, k.keyHash]]));
    expect(keys).toEqual({
      write: [first.writeKey, hashKey(first.writeKey)],
      secret: [null, hashKey(first.secretKey ?? "")],
    });
  });

  it("loads the profiles and every event of the generated history", async () => {
    const { events } = await counts(first.workspaceId);
    expect(events).toBe(expected.length);
    const identified = await prisma.profile.count({
      where: { workspaceId: first.workspaceId, userId: { not: null } },
    });
    expect(identified).toBe(profiles);
    const profile = await prisma.profile.findFirstOrThrow({
      where: { workspaceId: first.workspaceId, userId: "user_0001" },
    });
    expect(profile.email).toMatch(/@example\.com$/);
    expect(profile.traits).toMatchObject({
      plan: expect.any(String),
      usage_pct: expect.any(Number),
    });
    const signedUp = await prisma.event.count({
      where: { workspaceId: first.workspaceId, name: "Signed Up" },
    });
    expect(signedUp).toBe(expected.filter((m) => m.event === "Signed Up").length);
    expect(lines.at(-1)).toMatch(/Seeded “Acme”: 40 profiles, [\d,]+ events over 14 days in/);
  });

  it("merges anonymous visitors into the profile they identified as", async () => {
    const merge = expected.find((m) => m.type === "identify" && m.anonymousId && m.userId);
    expect(merge).toBeDefined();
    const identity = await prisma.profileIdentity.findFirstOrThrow({
      where: { workspaceId: first.workspaceId, kind: "anonymousId", value: merge?.anonymousId },
      include: { profile: true },
    });
    expect(identity.profile.userId).toBe(merge?.userId);
  });

  it("creates nothing the second time, even with other keys in the env", async () => {
    const before = await counts(first.workspaceId);
    vi.stubEnv("DEMO_WRITE_KEY", "wk_another_key_entirely");
    const again = await seedDemo({ now: new Date(), profiles });
    // Later starts know only the secret key's prefix.
    expect(again).toEqual({ ...first, created: false, secretKey: null });
    expect(await counts(first.workspaceId)).toEqual(before);
  });

  it("is found by a start without seeding, and not while its seed is unfinished", async () => {
    expect(await wantsDemo()).toBe(true);
    vi.stubEnv("SEED_DEMO", "false");
    expect(await wantsDemo()).toBe(false);
    vi.unstubAllEnvs();

    expect(await findSeededDemo()).toEqual({ ...first, created: false, secretKey: null });
    const state = await prisma.appSetting.findUniqueOrThrow({ where: { key: "demo.state" } });
    const unfinished = { ...JSON.parse(state.value), completedAt: null };
    await prisma.appSetting.update({
      where: { key: "demo.state" },
      data: { value: JSON.stringify(unfinished) },
    });
    expect(await findSeededDemo()).toBeNull();
    await prisma.appSetting.update({ where: { key: "demo.state" }, data: { value: state.value } });
  });

  it("resumes an interrupted seed without duplicating events", async () => {
    const before = await counts(first.workspaceId);
    // As if the process died after creating the workspace, before loading finished.
    const state = await prisma.appSetting.findUniqueOrThrow({ where: { key: "demo.state" } });
    await prisma.appSetting.update({
      where: { key: "demo.state" },
      data: { value: JSON.stringify({ ...JSON.parse(state.value), completedAt: null }) },
    });
    const resumed = await seedDemo({ profiles });
    // The first secret key was never shown (the seed died first): a new one is, once.
    expect(resumed).toEqual({
      ...first,
      secretKey: expect.stringMatching(/^sk_/),
      secretKeyHint: expect.any(String),
    });
    expect(resumed.secretKey).not.toBe(first.secretKey);
    expect(resumed.secretKeyHint).toBe(`${resumed.secretKey?.slice(0, 8)}…`);
    expect((await findWorkspaceByKey(resumed.secretKey ?? "", "secret"))?.id).toBe(
      first.workspaceId,
    );
    expect(await findWorkspaceByKey(first.secretKey ?? "", "secret")).toBeNull();
    const keysAfter = await counts(first.workspaceId);
    expect(keysAfter).toEqual({ ...before, keys: before.keys + 1 });
    const marker = await prisma.appSetting.findUniqueOrThrow({ where: { key: DEMO_MARKER_KEY } });
    expect(marker.value).toBe(first.workspaceId);
  });

  // Last: it seeds a second demo workspace into the same database.
  it("two processes starting at once seed once", async () => {
    const before = await prisma.workspace.count();
    await prisma.appSetting.deleteMany({ where: { key: { in: [DEMO_MARKER_KEY, "demo.state"] } } });
    const results = await Promise.all([seedDemo({ now, profiles }), seedDemo({ now, profiles })]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0].workspaceId).toBe(results[1].workspaceId);
    expect(results[0].workspaceId).not.toBe(first.workspaceId);
    expect(await prisma.workspace.count()).toBe(before + 1);
    const events = await prisma.event.count({ where: { workspaceId: results[0].workspaceId } });
    expect(events).toBe(expected.length);
  }, 120_000);
});
