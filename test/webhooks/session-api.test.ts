import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Member } from "@/lib/generated/prisma/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

// The session door the Settings page uses (/api/w/:workspaceId/webhooks):
// viewers read, admins write, other workspaces' members see a 404.

const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));

const list = await import("@/app/api/w/[workspaceId]/webhooks/route");
const one = await import("@/app/api/w/[workspaceId]/webhooks/[id]/route");
const rotate = await import("@/app/api/w/[workspaceId]/webhooks/[id]/rotate-secret/route");
const deliveries = await import("@/app/api/w/[workspaceId]/webhooks/[id]/deliveries/route");

let owner: Member;
let viewer: Member;
let outsider: Member;
let ws: string;

beforeAll(async () => {
  owner = await prisma.member.create({ data: { email: "o@hooks.test", passwordHash: "x" } });
  viewer = await prisma.member.create({ data: { email: "v@hooks.test", passwordHash: "x" } });
  outsider = await prisma.member.create({ data: { email: "x@other.test", passwordHash: "x" } });
  ws = (await createWorkspace({ name: "Hooks", ownerId: owner.id })).workspaceId;
  await createWorkspace({ name: "Other", ownerId: outsider.id });
  await prisma.membership.create({
    data: { workspaceId: ws, memberId: viewer.id, role: "viewer" },
  });
});

const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });
const json = (method: string, body?: unknown) =>
  new Request("http://cue.test/x", {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("/api/w/:workspaceId/webhooks", () => {
  it("lets an admin create and rotate, a viewer only read, and hides the workspace from outsiders", async () => {
    session.member = owner;
    const created = await list.POST(
      json("POST", { url: "https://hooks.example.com/a", eventTypes: ["inbox.read"] }),
      ctx({ workspaceId: ws }),
    );
    expect(created.status).toBe(201);
    const { webhook, secret } = await created.json();
    expect(secret).toMatch(/^whsec_/);
    const params = { workspaceId: ws, id: webhook.id as string };

    session.member = viewer;
    expect((await list.GET(json("GET"), ctx({ workspaceId: ws }))).status).toBe(200);
    expect((await one.GET(json("GET"), ctx(params))).status).toBe(200);
    expect((await deliveries.GET(json("GET"), ctx(params))).status).toBe(200);
    const refused = await list.POST(
      json("POST", { url: "https://hooks.example.com/b", eventTypes: ["inbox.read"] }),
      ctx({ workspaceId: ws }),
    );
    expect(refused.status).toBe(403);
    expect((await rotate.POST(json("POST"), ctx(params))).status).toBe(403);
    expect((await one.PATCH(json("PATCH", { enabled: false }), ctx(params))).status).toBe(403);

    session.member = outsider;
    expect((await one.GET(json("GET"), ctx(params))).status).toBe(404);
    expect((await one.DELETE(json("DELETE"), ctx(params))).status).toBe(404);

    session.member = owner;
    const rotated = await rotate.POST(json("POST"), ctx(params));
    expect(rotated.status).toBe(200);
    expect((await rotated.json()).secret).not.toBe(secret);
  });
});
