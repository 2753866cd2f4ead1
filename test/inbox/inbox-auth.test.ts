import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  OPTIONS as actionPreflight,
  POST as actionRoute,
} from "@/app/api/v1/inbox/[id]/[action]/route";
import { GET as listRoute } from "@/app/api/v1/inbox/route";
import { POST as tokenRoute } from "@/app/api/v1/inbox/token/route";
import { prisma } from "@/lib/db/client";
import type { Member } from "@/lib/generated/prisma/client";
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
    const good = computeUserHash(ws.secretKey, "ada");
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
      { ...hashHeaders(ws, "ada"), "x-cue-user-hash": computeUserHash(other.secretKey, "ada") },
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

  it("stops working when the secret key is rotated", async () => {
    const rotating = await createTestWorkspace("Rotating");
    await createInboxUser(rotating, "ada");
    const headers = hashHeaders(rotating, "ada");
    expect((await listWith(headers)).status).toBe(200);
    const newSecret = await rotateKey(rotating.workspaceId, "secret");
    expect((await listWith(headers)).status).toBe(401);
    const fresh = { ...headers, "x-cue-user-hash": computeUserHash(newSecret, "ada") };
    expect((await listWith(fresh)).status).toBe(200);
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
      secretKey: ws.secretKey,
      workspaceId: ws.workspaceId,
      userId: "ada",
      ttlSeconds: 60,
      now: new Date(Date.now() - 3600_000),
    }).token;
    const foreign = issueInboxToken({
      secretKey: other.secretKey,
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
