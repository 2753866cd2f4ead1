import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  OPTIONS as actionPreflight,
  POST as actionRoute,
} from "@/app/api/v1/inbox/[id]/[action]/route";
import { GET as listRoute } from "@/app/api/v1/inbox/route";
import { POST as tokenRoute } from "@/app/api/v1/inbox/token/route";
import { prisma } from "@/lib/db/client";
import type { Member } from "@/lib/generated/prisma/client";
import {
  getInboxSigningSecret,
  revokePreviousInboxSigningSecret,
  rotateInboxSigningSecret,
} from "@/lib/inbox/inbox-signing-secret";
import { computeUserHash, issueInboxToken } from "@/lib/inbox/inbox-token";
import type { InboxPage } from "@/lib/inbox/list-inbox";
import { rotateKey } from "@/lib/workspaces/api-keys";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { createInboxUser, ctx, deliver, get, hashHeaders, hashQuery, post } from "./inbox-fixtures";

const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));
const { PUT: putOrigins, GET: getOrigins } = await import(
  "@/app/api/w/[workspaceId]/settings/allowed-origins/route"
);

let ws: TestWorkspace;
let other: TestWorkspace;
let adaItem: string;

const UNAUTHORIZED = {
  error: { code: "unauthorized", message: "Invalid or expired inbox credentials." },
};

beforeAll(async () => {
  ws = await createTestWorkspace("Inbox auth");
  other = await createTestWorkspace("Other tenant");
  const ada = await createInboxUser(ws, "ada");
  await createInboxUser(ws, "bob");
  adaItem = (await deliver(ws, ada, { title: "Ada's secret" })).inboxItemId;
});

afterEach(() => {
  session.member = null;
});

async function listWith(headers: Record<string, string>, query = "") {
  const response = await listRoute(get(`/api/v1/inbox${query}`, headers), ctx({}));
  const text = await response.text();
  return { status: response.status, text, headers: response.headers };
}

async function issueToken(userId: string, body: Record<string, unknown> = {}, key = ws.secretKey) {
  const response = await tokenRoute(
    post("/api/v1/inbox/token", { user_id: userId, ...body }, { authorization: `Bearer ${key}` }),
    ctx({}),
  );
  return {
    status: response.status,
    body: (await response.json()) as { token: string; expires_at: string; user_id: string },
  };
}

describe("user_hash", () => {
  it("accepts the HMAC of the user id, as headers or query parameters", async () => {
    const byHeader = await listWith(hashHeaders(ws, "ada"));
    expect(byHeader.status).toBe(200);
    expect((JSON.parse(byHeader.text) as InboxPage).items[0]?.title).toBe("Ada's secret");
    const byQuery = await listWith({}, `?${hashQuery(ws, "ada")}`);
    expect(byQuery.status).toBe(200);
    expect(JSON.parse(byQuery.text)).toEqual(JSON.parse(byHeader.text));
  });

  it("rejects a wrong, uppercase, truncated or other-user hash with the same 401", async () => {
    const good = computeUserHash(ws.inboxSecret, "ada");
    const cases = [
      {
        ...hashHeaders(ws, "ada"),
        "x-cue-user-hash": good.replace(/^./, good[0] === "a" ? "b" : "a"),
      },
      { ...hashHeaders(ws, "ada"), "x-cue-user-hash": good.toUpperCase() },
      { ...hashHeaders(ws, "ada"), "x-cue-user-hash": good.slice(0, 40) },
      // Bob's own proof, asking for Ada's inbox.
      { ...hashHeaders(ws, "bob"), "x-cue-user-id": "ada" },
      // Another workspace's secret signed it.
      { ...hashHeaders(ws, "ada"), "x-cue-user-hash": computeUserHash(other.inboxSecret, "ada") },
      // The secret API key is not the signing secret.
      { ...hashHeaders(ws, "ada"), "x-cue-user-hash": computeUserHash(ws.secretKey, "ada") },
      // A user id that has no profile: same answer as a known one.
      { ...hashHeaders(ws, "ada"), "x-cue-user-id": "ghost" },
      // Unknown write key.
      { ...hashHeaders(ws, "ada"), "x-cue-write-key": "wk_nope" },
    ];
    for (const headers of cases) {
      const response = await listWith(headers);
      expect(response.status).toBe(401);
      expect(JSON.parse(response.text)).toEqual(UNAUTHORIZED);
      expect(response.text).not.toContain("Ada's secret");
    }
  });

  it("explains what to send when nothing is sent", async () => {
    const response = await listWith({});
    expect(response.status).toBe(401);
    expect(JSON.parse(response.text).error.code).toBe("unauthorized");
  });

  it("keeps working when the secret API key is rotated (it signs nothing)", async () => {
    const rotating = await createTestWorkspace("Rotating key");
    await createInboxUser(rotating, "ada");
    const headers = hashHeaders(rotating, "ada");
    await rotateKey(rotating.workspaceId, "secret");
    expect((await listWith(headers)).status).toBe(200);
  });

  it("a signing secret rotation keeps the old hash valid for the grace period only", async () => {
    const rotating = await createTestWorkspace("Rotating secret");
    await createInboxUser(rotating, "ada");
    const old = hashHeaders(rotating, "ada");
    const rotated = await rotateInboxSigningSecret(rotating.workspaceId);
    expect(rotated.previous?.secret).toBe(rotating.inboxSecret);
    const hoursLeft = ((rotated.previous?.expiresAt.getTime() ?? 0) - Date.now()) / 3600_000;
    expect(hoursLeft).toBeGreaterThan(23.9);
    expect(hoursLeft).toBeLessThanOrEqual(24);
    const fresh = { ...old, "x-cue-user-hash": computeUserHash(rotated.secret, "ada") };
    expect((await listWith(old)).status).toBe(200);
    expect((await listWith(fresh)).status).toBe(200);

    // Rotated 25 hours ago with the default grace: the secret before is no longer valid.
    const later = await rotateInboxSigningSecret(
      rotating.workspaceId,
      {},
      new Date(Date.now() - 25 * 3600_000),
    );
    expect(later.previous?.expiresAt.getTime()).toBeLessThan(Date.now());
    expect((await listWith(fresh)).status).toBe(401);
    expect((await getInboxSigningSecret(rotating.workspaceId)).previous).toBeNull();
    const newest = { ...old, "x-cue-user-hash": computeUserHash(later.secret, "ada") };
    expect((await listWith(newest)).status).toBe(200);
  });

  it("a rotation with no grace (a leaked secret) refuses the old hash at once", async () => {
    const rotating = await createTestWorkspace("Leaked secret");
    await createInboxUser(rotating, "ada");
    const old = hashHeaders(rotating, "ada");
    const rotated = await rotateInboxSigningSecret(rotating.workspaceId, { graceHours: 0 });
    expect(rotated.previous).toBeNull();
    expect((await listWith(old)).status).toBe(401);

    // Ending a grace period early does the same.
    const again = await rotateInboxSigningSecret(rotating.workspaceId);
    const beforeAgain = { ...old, "x-cue-user-hash": computeUserHash(rotated.secret, "ada") };
    expect((await listWith(beforeAgain)).status).toBe(200);
    await revokePreviousInboxSigningSecret(rotating.workspaceId);
    expect((await listWith(beforeAgain)).status).toBe(401);
    const current = { ...old, "x-cue-user-hash": computeUserHash(again.secret, "ada") };
    expect((await listWith(current)).status).toBe(200);
  });
});

describe("tokens", () => {
  it("POST /api/v1/inbox/token needs the secret key", async () => {
    expect((await issueToken("ada", {}, ws.writeKey)).status).toBe(401);
    expect((await issueToken("ada", {}, "sk_nope")).status).toBe(401);
    expect((await issueToken("ada", { ttl_seconds: 25 * 3600 })).status).toBe(422);
    const ok = await issueToken("ada", { ttl_seconds: 600 });
    expect(ok.status).toBe(200);
    expect(ok.body.user_id).toBe("ada");
    const ttl = new Date(ok.body.expires_at).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(590_000);
    expect(ttl).toBeLessThanOrEqual(600_000);
  });

  it("is signed with the inbox signing secret, and survives its rotation for the grace period", async () => {
    const rotating = await createTestWorkspace("Token rotation");
    await createInboxUser(rotating, "ada");
    const { body } = await issueToken("ada", {}, rotating.secretKey);
    const bearer = { authorization: `Bearer ${body.token}` };
    expect((await listWith(bearer)).status).toBe(200);
    // A token signed with the secret API key is refused.
    const withApiKey = issueInboxToken({
      signingSecret: rotating.secretKey,
      workspaceId: rotating.workspaceId,
      userId: "ada",
      ttlSeconds: 600,
    }).token;
    expect((await listWith({ authorization: `Bearer ${withApiKey}` })).status).toBe(401);

    await rotateInboxSigningSecret(rotating.workspaceId);
    expect((await listWith(bearer)).status).toBe(200);
    await revokePreviousInboxSigningSecret(rotating.workspaceId);
    expect((await listWith(bearer)).status).toBe(401);
    const renewed = await issueToken("ada", {}, rotating.secretKey);
    expect((await listWith({ authorization: `Bearer ${renewed.body.token}` })).status).toBe(200);
  });

  it("a token opens its user's inbox, as a bearer header or query parameter", async () => {
    const { body } = await issueToken("ada");
    const byHeader = await listWith({ authorization: `Bearer ${body.token}` });
    expect(byHeader.status).toBe(200);
    expect(byHeader.text).toContain("Ada's secret");
    const byQuery = await listWith(
      {},
      `?token=${encodeURIComponent(body.token)}&write_key=${ws.writeKey}`,
    );
    expect(byQuery.status).toBe(200);
  });

  it("rejects a tampered, expired, foreign or mismatched token with the same 401", async () => {
    const { body } = await issueToken("bob");
    const [payload, signature] = body.token.split(".") as [string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    const asAda = Buffer.from(JSON.stringify({ ...claims, u: "ada" })).toString("base64url");
    const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    const expired = issueInboxToken({
      signingSecret: ws.inboxSecret,
      workspaceId: ws.workspaceId,
      userId: "ada",
      ttlSeconds: 60,
      now: new Date(Date.now() - 3600_000),
    }).token;
    const foreign = issueInboxToken({
      signingSecret: other.inboxSecret,
      workspaceId: ws.workspaceId,
      userId: "ada",
      ttlSeconds: 600,
    }).token;
    const cases: Record<string, string>[] = [
      { authorization: `Bearer ${asAda}.${signature}` }, // payload swapped for Ada's
      { authorization: `Bearer ${payload}.${flip(signature)}` },
      { authorization: `Bearer ${body.token}x` },
      { authorization: `Bearer ${expired}` },
      { authorization: `Bearer ${foreign}` },
      { authorization: "Bearer not-a-token" },
      // Bob's valid token, naming Ada as the user.
      { authorization: `Bearer ${body.token}`, "x-cue-user-id": "ada" },
      // Bob's valid token with another workspace's write key.
      { authorization: `Bearer ${body.token}`, "x-cue-write-key": other.writeKey },
    ];
    for (const headers of cases) {
      const response = await listWith(headers);
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(JSON.parse(response.text)).toEqual(UNAUTHORIZED);
      expect(response.text).not.toContain("Ada's secret");
    }
  });

  it("a token cannot change another user's item (401), and the item stays as it was", async () => {
    const { body } = await issueToken("bob");
    const forged = await actionRoute(
      post(`/api/v1/inbox/${adaItem}/read`, undefined, {
        authorization: `Bearer ${body.token}`,
        "x-cue-user-id": "ada",
      }),
      ctx({ id: adaItem, action: "read" }),
    );
    expect(forged.status).toBe(401);
    const asBob = await actionRoute(
      post(`/api/v1/inbox/${adaItem}/read`, undefined, { authorization: `Bearer ${body.token}` }),
      ctx({ id: adaItem, action: "read" }),
    );
    expect(asBob.status).toBe(404);
    expect(
      (await prisma.inboxItem.findUniqueOrThrow({ where: { id: adaItem } })).readAt,
    ).toBeNull();
  });
});

describe("CORS", () => {
  const allowed = "https://app.acme.test";
  const evil = "https://evil.test";

  beforeAll(async () => {
    await prisma.workspace.update({
      where: { id: ws.workspaceId },
      data: { allowedOrigins: [allowed] },
    });
  });

  it("echoes an allowed origin, on success and on a credential error", async () => {
    const ok = await listWith({ ...hashHeaders(ws, "ada"), origin: allowed });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe(allowed);
    expect(ok.headers.get("vary")).toContain("Origin");
    const denied = await listWith({
      ...hashHeaders(ws, "bob"),
      "x-cue-user-id": "ada",
      origin: allowed,
    });
    expect(denied.status).toBe(401);
    expect(denied.headers.get("access-control-allow-origin")).toBe(allowed);
  });

  it("refuses a request from an origin that is not allowed, before changing anything", async () => {
    const read = await listWith({ ...hashHeaders(ws, "ada"), origin: evil });
    expect(read.status).toBe(403);
    expect(read.headers.get("access-control-allow-origin")).toBeNull();
    expect(read.text).not.toContain("Ada's secret");
    const write = await actionRoute(
      post(`/api/v1/inbox/${adaItem}/archived`, undefined, {
        ...hashHeaders(ws, "ada"),
        origin: evil,
      }),
      ctx({ id: adaItem, action: "archived" }),
    );
    expect(write.status).toBe(403);
    expect(write.headers.get("access-control-allow-origin")).toBeNull();
    expect(
      (await prisma.inboxItem.findUniqueOrThrow({ where: { id: adaItem } })).archivedAt,
    ).toBeNull();
  });

  it("an origin allowed in another workspace is not allowed here", async () => {
    await prisma.workspace.update({
      where: { id: other.workspaceId },
      data: { allowedOrigins: [evil] },
    });
    const response = await listWith({ ...hashHeaders(ws, "ada"), origin: evil });
    expect(response.status).toBe(403);
  });

  it("lets the Cue host itself and server-to-server calls through", async () => {
    const same = await listWith({
      ...hashHeaders(ws, "ada"),
      origin: "http://cue.test",
      host: "cue.test",
    });
    expect(same.status).toBe(200);
    const server = await listWith(hashHeaders(ws, "ada"));
    expect(server.status).toBe(200);
    expect(server.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers a preflight generically: the actual request decides", async () => {
    const response = actionPreflight(
      new Request("http://cue.test/api/v1/inbox/x/read", {
        method: "OPTIONS",
        headers: {
          origin: evil,
          "access-control-request-method": "POST",
          "access-control-request-headers": "x-cue-write-key, x-cue-user-id, x-cue-user-hash",
        },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    expect(response.headers.get("access-control-allow-headers")).toContain("X-Cue-User-Hash");
  });
});

describe("PUT /api/w/:workspaceId/settings/allowed-origins", () => {
  let owner: Member;
  let workspaceId: string;

  beforeAll(async () => {
    owner = await prisma.member.create({
      data: { email: "owner@origins.test", passwordHash: "x" },
    });
    workspaceId = (await createWorkspace({ name: "Origins", ownerId: owner.id })).workspaceId;
  });

  const put = (body: unknown) =>
    putOrigins(
      new Request("http://cue.test/x", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      ctx({ workspaceId }),
    );

  it("normalizes valid origins and stores them", async () => {
    session.member = owner;
    const response = await put({
      origins: ["https://App.Example.com", "http://localhost:5173/", "https://app.example.com"],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      origins: ["https://app.example.com", "http://localhost:5173"],
    });
    const read = await getOrigins(new Request("http://cue.test/x"), ctx({ workspaceId }));
    expect(await read.json()).toEqual({
      origins: ["https://app.example.com", "http://localhost:5173"],
    });
  });

  it("rejects anything that is not scheme://host[:port], naming the entry", async () => {
    session.member = owner;
    for (const bad of [
      "app.example.com",
      "https://a.test/path",
      "ftp://a.test",
      "https://u:p@a.test",
      "*",
      "null",
    ]) {
      const response = await put({ origins: ["https://ok.test", bad] });
      expect(response.status, bad).toBe(422);
      const body = (await response.json()) as {
        error: { details: { issues: { field: string }[] } };
      };
      expect(body.error.details.issues[0]?.field).toBe("origins.1");
    }
  });

  it("needs the admin role", async () => {
    const editor = await prisma.member.create({
      data: { email: "editor@origins.test", passwordHash: "x" },
    });
    await prisma.membership.create({ data: { workspaceId, memberId: editor.id, role: "editor" } });
    session.member = editor;
    expect((await put({ origins: [] })).status).toBe(403);
    session.member = null;
    expect((await put({ origins: [] })).status).toBe(401);
  });
});
