import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import type { Member, Role } from "@/lib/generated/prisma/client";
import { getInboxSigningSecret } from "@/lib/inbox/inbox-signing-secret";
import { findWorkspaceByKey, hashKey, MAX_SECRET_KEYS, rotateKey } from "@/lib/workspaces/api-keys";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

// The session is replaced by a chosen member; the database stays real.
const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));

const rotateRoute = await import("@/app/api/w/[workspaceId]/keys/[kind]/rotate/route");
const secretKeysRoute = await import("@/app/api/w/[workspaceId]/secret-keys/route");
const secretKeyRoute = await import("@/app/api/w/[workspaceId]/secret-keys/[keyId]/route");
const inboxSecretRoute = await import("@/app/api/w/[workspaceId]/inbox-signing-secret/route");
const inboxRotateRoute = await import(
  "@/app/api/w/[workspaceId]/inbox-signing-secret/rotate/route"
);
const v1Journeys = await import("@/app/api/v1/journeys/route");

const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });
let n = 0;

async function team(role: Role = "owner") {
  n += 1;
  const owner = await prisma.member.create({
    data: { email: `k${n}@keys.test`, passwordHash: "x" },
  });
  const created = await createWorkspace({ name: `Keys ${n}`, ownerId: owner.id });
  if (role !== "owner") {
    const other = await prisma.member.create({
      data: { email: `k${n}-${role}@keys.test`, passwordHash: "x" },
    });
    await prisma.membership.create({
      data: { workspaceId: created.workspaceId, memberId: other.id, role },
    });
    return { ...created, owner, other };
  }
  return { ...created, owner, other: owner };
}

/** Every text column of the workspace's key rows, as the database holds them. */
async function storedKeyText(workspaceId: string): Promise<string> {
  const rows = await sql.$queryRaw<unknown[]>`
    SELECT * FROM api_keys WHERE "workspaceId" = ${workspaceId}`;
  return JSON.stringify(rows);
}

const json = (body: unknown, method = "POST") =>
  new Request("http://x/", {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const journeysWith = (key: string) =>
  v1Journeys.GET(
    new Request("http://x/api/v1/journeys", { headers: { authorization: `Bearer ${key}` } }),
    ctx({}),
  );

describe("secret keys are stored hashed", () => {
  it("a new workspace stores the hash and prefix of its secret key, never its text", async () => {
    const ws = await team();
    const rows = await prisma.apiKey.findMany({ where: { workspaceId: ws.workspaceId } });
    const secret = rows.find((r) => r.kind === "secret");
    expect(secret).toMatchObject({
      key: null,
      keyHash: hashKey(ws.secretKey),
      prefix: ws.secretKey.slice(0, 8),
    });
    expect(await storedKeyText(ws.workspaceId)).not.toContain(ws.secretKey.slice(8));
    // The write key is public and stays readable.
    expect(rows.find((r) => r.kind === "write")?.key).toBe(ws.writeKey);
  });

  it("looks keys up by hash: the right kind only, never a revoked one", async () => {
    const ws = await team();
    expect((await findWorkspaceByKey(ws.secretKey, "secret"))?.id).toBe(ws.workspaceId);
    expect(await findWorkspaceByKey(ws.writeKey, "secret")).toBeNull();
    expect(await findWorkspaceByKey(ws.secretKey, "write")).toBeNull();
    expect(await findWorkspaceByKey(`${ws.secretKey}x`, "secret")).toBeNull();
    expect(await findWorkspaceByKey(hashKey(ws.secretKey), "secret")).toBeNull();
    expect((await journeysWith(ws.secretKey)).status).toBe(200);

    const next = await rotateKey(ws.workspaceId, "secret");
    expect(await findWorkspaceByKey(ws.secretKey, "secret")).toBeNull();
    expect((await journeysWith(ws.secretKey)).status).toBe(401);
    expect((await journeysWith(next)).status).toBe(200);
  });

  it("rotation shows the new key once: the answer has it, every later read only its prefix", async () => {
    const ws = await team();
    session.member = ws.owner;
    const rotated = await rotateRoute.POST(
      new Request("http://x/", { method: "POST" }),
      ctx({ workspaceId: ws.workspaceId, kind: "secret" }),
    );
    expect(rotated.status).toBe(200);
    const { key } = (await rotated.json()) as { key: string };
    expect(key).toMatch(/^sk_[A-Za-z0-9_-]{32}$/);
    const listed = await secretKeysRoute.GET(
      new Request("http://x/"),
      ctx({ workspaceId: ws.workspaceId }),
    );
    const text = await listed.text();
    expect(text).not.toContain(key);
    expect(JSON.parse(text)).toEqual({
      keys: [
        {
          id: expect.any(String),
          name: "",
          hint: `${key.slice(0, 8)}…`,
          createdAt: expect.any(String),
        },
      ],
    });
    expect(await storedKeyText(ws.workspaceId)).not.toContain(key.slice(8));
    expect((await journeysWith(key)).status).toBe(200);
  });

  it("named secret keys: created once-shown, each revocable, untouched by rotation", async () => {
    const ws = await team();
    session.member = ws.owner;
    const created = await secretKeysRoute.POST(
      json({ name: " Billing service " }),
      ctx({ workspaceId: ws.workspaceId }),
    );
    expect(created.status).toBe(201);
    const billing = (await created.json()) as {
      id: string;
      key: string;
      name: string;
      hint: string;
    };
    expect(billing.name).toBe("Billing service");
    expect(billing.hint).toBe(`${billing.key.slice(0, 8)}…`);
    expect(await storedKeyText(ws.workspaceId)).not.toContain(billing.key.slice(8));
    expect((await journeysWith(billing.key)).status).toBe(200);

    // Rotating the default key leaves the named one working.
    await rotateKey(ws.workspaceId, "secret");
    expect((await journeysWith(billing.key)).status).toBe(200);
    expect((await journeysWith(ws.secretKey)).status).toBe(401);

    const revoked = await secretKeyRoute.DELETE(
      new Request("http://x/", { method: "DELETE" }),
      ctx({ workspaceId: ws.workspaceId, keyId: billing.id }),
    );
    expect(revoked.status).toBe(204);
    expect((await journeysWith(billing.key)).status).toBe(401);
    const again = await secretKeyRoute.DELETE(
      new Request("http://x/", { method: "DELETE" }),
      ctx({ workspaceId: ws.workspaceId, keyId: billing.id }),
    );
    expect(again.status).toBe(404);
  });

  it("a named key needs a name, and a workspace has a bounded number of keys", async () => {
    const ws = await team();
    session.member = ws.owner;
    for (const body of [{}, { name: "   " }, { name: "x".repeat(81) }, { name: "ok", extra: 1 }]) {
      const response = await secretKeysRoute.POST(json(body), ctx({ workspaceId: ws.workspaceId }));
      expect(response.status, JSON.stringify(body)).toBe(422);
    }
    await prisma.apiKey.createMany({
      data: Array.from({ length: MAX_SECRET_KEYS - 1 }, (_, i) => ({
        workspaceId: ws.workspaceId,
        kind: "secret" as const,
        keyHash: hashKey(`sk_filler_${ws.workspaceId}_${i}`),
        prefix: "sk_fille",
        name: `Filler ${i}`,
      })),
    });
    const full = await secretKeysRoute.POST(
      json({ name: "One more" }),
      ctx({ workspaceId: ws.workspaceId }),
    );
    expect(full.status).toBe(409);
  });

  it("only admins manage keys or read the inbox signing secret", async () => {
    const ws = await team("editor");
    session.member = ws.other;
    const attempts = [
      secretKeysRoute.GET(new Request("http://x/"), ctx({ workspaceId: ws.workspaceId })),
      secretKeysRoute.POST(json({ name: "Mine" }), ctx({ workspaceId: ws.workspaceId })),
      inboxSecretRoute.GET(new Request("http://x/"), ctx({ workspaceId: ws.workspaceId })),
      inboxRotateRoute.POST(json({}), ctx({ workspaceId: ws.workspaceId })),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(403);
    expect(await prisma.apiKey.count({ where: { workspaceId: ws.workspaceId } })).toBe(2);
  });
});

describe("the inbox signing secret in the admin API", () => {
  it("is made on first read for a workspace that has none (created by hand)", async () => {
    const bare = await prisma.workspace.create({ data: { name: "Bare" } });
    const first = await getInboxSigningSecret(bare.id);
    expect(first.secret).toMatch(/^iss_/);
    expect((await getInboxSigningSecret(bare.id)).secret).toBe(first.secret);
    expect(await prisma.inboxSigningSecret.count({ where: { workspaceId: bare.id } })).toBe(1);
  });

  it("is readable by admins and rotates with a grace period (24 h by default, 0 for a leak)", async () => {
    const ws = await team();
    session.member = ws.owner;
    const read = await inboxSecretRoute.GET(
      new Request("http://x/"),
      ctx({ workspaceId: ws.workspaceId }),
    );
    const first = (await read.json()) as { secret: string; previous: unknown };
    expect(first.secret).toMatch(/^iss_[A-Za-z0-9_-]{43}$/);
    expect(first.previous).toBeNull();
    // Not the secret API key.
    expect(first.secret).not.toBe(ws.secretKey);

    const rotated = await inboxRotateRoute.POST(
      new Request("http://x/", { method: "POST" }),
      ctx({ workspaceId: ws.workspaceId }),
    );
    const second = (await rotated.json()) as {
      secret: string;
      previous: { secret: string; expiresAt: string };
    };
    expect(second.previous.secret).toBe(first.secret);
    const hours = (Date.parse(second.previous.expiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(23.9);

    const leaked = await inboxRotateRoute.POST(
      json({ graceHours: 0 }),
      ctx({ workspaceId: ws.workspaceId }),
    );
    const third = (await leaked.json()) as { secret: string; previous: unknown };
    expect(third.previous).toBeNull();
    expect(third.secret).not.toBe(second.secret);

    for (const graceHours of [-1, 1.5, 24 * 8, "24"]) {
      const bad = await inboxRotateRoute.POST(
        json({ graceHours }),
        ctx({ workspaceId: ws.workspaceId }),
      );
      expect(bad.status, String(graceHours)).toBe(422);
      const body = (await bad.json()) as { error: { details: { issues: { field: string }[] } } };
      expect(body.error.details.issues[0]?.field).toBe("graceHours");
    }
  });
});
