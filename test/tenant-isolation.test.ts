import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Member } from "@/lib/generated/prisma/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { createInvite, findOpenInvite } from "@/lib/workspaces/invites";

// Route handlers read the signed-in member from next-auth; here the session
// is replaced by a chosen member (the database stays real).
const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));

const { GET: listMembers } = await import("@/app/api/w/[workspaceId]/members/route");
const { POST: rotate } = await import("@/app/api/w/[workspaceId]/keys/[kind]/rotate/route");
const { POST: invite } = await import("@/app/api/w/[workspaceId]/invites/route");
const memberRoute = await import("@/app/api/w/[workspaceId]/members/[memberId]/route");
const inviteRoute = await import("@/app/api/w/[workspaceId]/invites/[inviteId]/route");
const workspacesRoute = await import("@/app/api/workspaces/route");
const v1Journeys = await import("@/app/api/v1/journeys/route");
const secretKeysRoute = await import("@/app/api/w/[workspaceId]/secret-keys/route");
const secretKeyRoute = await import("@/app/api/w/[workspaceId]/secret-keys/[keyId]/route");
const inboxSecretRoute = await import("@/app/api/w/[workspaceId]/inbox-signing-secret/route");
const inboxRotateRoute = await import(
  "@/app/api/w/[workspaceId]/inbox-signing-secret/rotate/route"
);
const inboxPreviousRoute = await import(
  "@/app/api/w/[workspaceId]/inbox-signing-secret/previous/route"
);
const v1Journey = await import("@/app/api/v1/journeys/[id]/route");
const v1Message = await import("@/app/api/v1/messages/[id]/route");
const v1ProfileMessages = await import("@/app/api/v1/profiles/[userId]/messages/route");
const v1ProfileRuns = await import("@/app/api/v1/profiles/[userId]/runs/route");
const v1Templates = await import("@/app/api/v1/templates/route");
const v1Template = await import("@/app/api/v1/templates/[id]/route");
const v1Workspace = await import("@/app/api/v1/workspace/route");
const v1Rules = await import("@/app/api/v1/delivery-rules/route");
const v1Origins = await import("@/app/api/v1/settings/allowed-origins/route");
const v1Email = await import("@/app/api/v1/settings/email/route");

let alice: Member;
let bob: Member;
let workspaceA: string;
let workspaceB: string;
let secretKeyA: string;
let secretKeyB: string;

beforeAll(async () => {
  alice = await prisma.member.create({ data: { email: "alice@a.test", passwordHash: "x" } });
  bob = await prisma.member.create({ data: { email: "bob@b.test", passwordHash: "x" } });
  const a = await createWorkspace({ name: "A", ownerId: alice.id });
  workspaceA = a.workspaceId;
  secretKeyA = a.secretKey;
  const b = await createWorkspace({ name: "B", ownerId: bob.id });
  workspaceB = b.workspaceId;
  secretKeyB = b.secretKey;
});

const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });

describe("tenant isolation", () => {
  it("a member of A reads A", async () => {
    session.member = alice;
    const response = await listMembers(new Request("http://x/"), ctx({ workspaceId: workspaceA }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { members: { email: string }[] };
    expect(body.members.map((m) => m.email)).toEqual(["alice@a.test"]);
  });

  it("a member of A gets 404 for B's objects, and B is unchanged", async () => {
    session.member = alice;
    const keysBefore = await prisma.apiKey.findMany({ where: { workspaceId: workspaceB } });
    const read = await listMembers(new Request("http://x/"), ctx({ workspaceId: workspaceB }));
    expect(read.status).toBe(404);
    expect(await read.json()).toEqual({
      error: { code: "not_found", message: "Workspace not found." },
    });
    const write = await rotate(
      new Request("http://x/", { method: "POST" }),
      ctx({ workspaceId: workspaceB, kind: "write" }),
    );
    expect(write.status).toBe(404);
    const keysAfter = await prisma.apiKey.findMany({ where: { workspaceId: workspaceB } });
    expect(keysAfter).toEqual(keysBefore);
  });

  it("a member of A cannot list, revoke or rotate B's secret keys or B's inbox signing secret", async () => {
    const [bKey] = await prisma.apiKey.findMany({
      where: { workspaceId: workspaceB, kind: "secret", revokedAt: null },
    });
    const bSecretBefore = await prisma.inboxSigningSecret.findUniqueOrThrow({
      where: { workspaceId: workspaceB },
    });
    session.member = alice;
    const onB = { workspaceId: workspaceB };
    const answers = await Promise.all([
      secretKeysRoute.GET(new Request("http://x/"), ctx(onB)),
      inboxSecretRoute.GET(new Request("http://x/"), ctx(onB)),
      inboxRotateRoute.POST(new Request("http://x/", { method: "POST" }), ctx(onB)),
      inboxPreviousRoute.DELETE(new Request("http://x/", { method: "DELETE" }), ctx(onB)),
      secretKeyRoute.DELETE(
        new Request("http://x/", { method: "DELETE" }),
        ctx({ ...onB, keyId: bKey?.id ?? "" }),
      ),
      // B's key id through A's own workspace: not found either.
      secretKeyRoute.DELETE(
        new Request("http://x/", { method: "DELETE" }),
        ctx({ workspaceId: workspaceA, keyId: bKey?.id ?? "" }),
      ),
    ]);
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404]);
    for (const answer of answers) expect(await answer.text()).not.toContain("iss_");
    expect(
      await prisma.inboxSigningSecret.findUniqueOrThrow({ where: { workspaceId: workspaceB } }),
    ).toEqual(bSecretBefore);
    const bearer = new Request("http://x/api/v1/journeys", {
      headers: { authorization: `Bearer ${secretKeyB}` },
    });
    expect((await v1Journeys.GET(bearer, ctx({}))).status).toBe(200);

    // A's own list shows A's keys only, by prefix.
    const mine = await secretKeysRoute.GET(
      new Request("http://x/"),
      ctx({ workspaceId: workspaceA }),
    );
    const list = (await mine.json()) as { keys: { hint: string }[] };
    expect(list.keys.map((k) => k.hint)).toEqual([`${secretKeyA.slice(0, 8)}…`]);
    const aSecret = await inboxSecretRoute.GET(
      new Request("http://x/"),
      ctx({ workspaceId: workspaceA }),
    );
    expect(((await aSecret.json()) as { secret: string }).secret).not.toBe(bSecretBefore.secret);
  });

  it("signed out is 401; a viewer's change is 403 and changes nothing", async () => {
    session.member = null;
    const anonymous = await listMembers(new Request("http://x/"), ctx({ workspaceId: workspaceA }));
    expect(anonymous.status).toBe(401);

    await prisma.membership.create({
      data: { workspaceId: workspaceA, memberId: bob.id, role: "viewer" },
    });
    session.member = bob;
    const response = await invite(
      new Request("http://x/", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ role: "admin" }),
      }),
      ctx({ workspaceId: workspaceA }),
    );
    expect(response.status).toBe(403);
    expect(await prisma.invite.count({ where: { workspaceId: workspaceA } })).toBe(0);
  });

  it("bad input gets a field-level 422, not a 500", async () => {
    session.member = alice;
    const response = await invite(
      new Request("http://x/", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ role: "owner" }),
      }),
      ctx({ workspaceId: workspaceA }),
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { details: { issues: { field: string }[] } } };
    expect(body.error.details.issues[0]?.field).toBe("role");
  });

  it("a member of A cannot change B's members or revoke B's invites (404, B unchanged)", async () => {
    const carol = await prisma.member.create({
      data: { email: "carol@b.test", passwordHash: "x" },
    });
    await prisma.membership.create({
      data: { workspaceId: workspaceB, memberId: carol.id, role: "editor" },
    });
    const bInvite = await createInvite({
      workspaceId: workspaceB,
      role: "viewer",
      createdById: bob.id,
    });
    session.member = alice;
    const patch = await memberRoute.PATCH(
      new Request("http://x/", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ role: "viewer" }),
      }),
      ctx({ workspaceId: workspaceB, memberId: carol.id }),
    );
    expect(patch.status).toBe(404);
    const removal = await memberRoute.DELETE(
      new Request("http://x/", { method: "DELETE" }),
      ctx({ workspaceId: workspaceB, memberId: carol.id }),
    );
    expect(removal.status).toBe(404);
    // Through A's own workspace id, B's member and B's invite are not found either.
    const crossMember = await memberRoute.DELETE(
      new Request("http://x/", { method: "DELETE" }),
      ctx({ workspaceId: workspaceA, memberId: carol.id }),
    );
    expect(crossMember.status).toBe(404);
    const crossInvite = await inviteRoute.DELETE(
      new Request("http://x/", { method: "DELETE" }),
      ctx({ workspaceId: workspaceA, inviteId: bInvite.id }),
    );
    expect(crossInvite.status).toBe(404);
    const direct = await inviteRoute.DELETE(
      new Request("http://x/", { method: "DELETE" }),
      ctx({ workspaceId: workspaceB, inviteId: bInvite.id }),
    );
    expect(direct.status).toBe(404);
    expect(
      await prisma.membership.findUnique({
        where: { workspaceId_memberId: { workspaceId: workspaceB, memberId: carol.id } },
      }),
    ).toMatchObject({ role: "editor" });
    expect(await findOpenInvite(bInvite.token)).not.toBeNull();
  });

  it("a new workspace belongs to its creator only, with its own keys", async () => {
    session.member = alice;
    const created = await workspacesRoute.POST(
      new Request("http://x/", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "  A second  " }),
      }),
      ctx({}),
    );
    expect(created.status).toBe(201);
    const body = (await created.json()) as {
      workspaceId: string;
      name: string;
      writeKey: string;
      secretKey: string;
    };
    expect(body.name).toBe("A second");
    expect(body.writeKey).toMatch(/^wk_/);
    expect(body.secretKey).toMatch(/^sk_/);
    expect(
      await prisma.membership.findMany({
        where: { workspaceId: body.workspaceId },
        select: { memberId: true, role: true },
      }),
    ).toEqual([{ memberId: alice.id, role: "owner" }]);

    const mine = await workspacesRoute.GET(new Request("http://x/"), ctx({}));
    const list = (await mine.json()) as { workspaces: { id: string; role: string }[] };
    expect(list.workspaces.map((w) => w.id)).toEqual([workspaceA, body.workspaceId]);

    // Bob (viewer of A, owner of B) does not see or reach alice's new workspace.
    session.member = bob;
    const bobs = (await (await workspacesRoute.GET(new Request("http://x/"), ctx({}))).json()) as {
      workspaces: { id: string }[];
    };
    expect(bobs.workspaces.map((w) => w.id)).not.toContain(body.workspaceId);
    const read = await listMembers(
      new Request("http://x/"),
      ctx({ workspaceId: body.workspaceId }),
    );
    expect(read.status).toBe(404);

    // The new secret key acts on the new workspace only, and A's key cannot reach it.
    const bearer = (key: string, init: RequestInit = {}) =>
      new Request("http://x/api/v1/journeys", {
        ...init,
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      });
    const journey = await v1Journeys.POST(
      bearer(body.secretKey, {
        method: "POST",
        body: JSON.stringify({ template: "introduce-feature-on-first-use" }),
      }),
      ctx({}),
    );
    expect(journey.status).toBe(201);
    const journeyId = ((await journey.json()) as { journey: { id: string } }).journey.id;
    expect((await v1Journey.GET(bearer(body.secretKey), ctx({ id: journeyId }))).status).toBe(200);
    expect((await v1Journey.GET(bearer(secretKeyA), ctx({ id: journeyId }))).status).toBe(404);
    const listA = (await (await v1Journeys.GET(bearer(secretKeyA), ctx({}))).json()) as {
      journeys: { id: string }[];
    };
    expect(listA.journeys.map((j) => j.id)).not.toContain(journeyId);
  });

  it("creating a workspace: bad name is 422, signed out is 401, a non-owner is 403", async () => {
    session.member = alice;
    const post = (body: unknown) =>
      workspacesRoute.POST(
        new Request("http://x/", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        ctx({}),
      );
    const blank = await post({ name: "   " });
    expect(blank.status).toBe(422);
    const issues = ((await blank.json()) as { error: { details: { issues: { field: string }[] } } })
      .error.details.issues;
    expect(issues[0]?.field).toBe("name");
    session.member = null;
    expect((await post({ name: "X" })).status).toBe(401);
    const dave = await prisma.member.create({ data: { email: "dave@a.test", passwordHash: "x" } });
    await prisma.membership.create({
      data: { workspaceId: workspaceA, memberId: dave.id, role: "admin" },
    });
    session.member = dave;
    const before = await prisma.workspace.count();
    expect((await post({ name: "Mine" })).status).toBe(403);
    expect(await prisma.workspace.count()).toBe(before);
  });

  it("A's secret key gets 404 for B's messages, profiles and templates, and its settings writes stay in A", async () => {
    const v1 = (path: string, key: string, method = "GET", body?: unknown) =>
      new Request(`http://x${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const now = new Date();
    const profileB = await prisma.profile.create({
      data: {
        workspaceId: workspaceB,
        userId: "b-user",
        traits: {},
        firstSeenAt: now,
        lastSeenAt: now,
        identities: { create: [{ workspaceId: workspaceB, kind: "userId", value: "b-user" }] },
      },
    });
    const template = await v1Templates.POST(
      v1("/api/v1/templates", secretKeyB, "POST", {
        name: "B's card",
        content: { channel: "in_app", inApp: { kind: "card", title: "Hi" } },
      }),
      ctx({}),
    );
    expect(template.status).toBe(201);
    const templateId = ((await template.json()) as { template: { id: string } }).template.id;
    const message = await prisma.message.create({
      data: {
        workspaceId: workspaceB,
        profileId: profileB.id,
        channel: "in_app",
        status: "sent",
        idempotencyKey: "b-1",
        source: "api",
        rendered: {},
      },
    });

    // B's own key reaches each of them.
    expect(
      (
        await v1Message.GET(
          v1(`/api/v1/messages/${message.id}`, secretKeyB),
          ctx({ id: message.id }),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await v1ProfileMessages.GET(
          v1("/api/v1/profiles/b-user/messages", secretKeyB),
          ctx({ userId: "b-user" }),
        )
      ).status,
    ).toBe(200);

    // A's key: not found, and nothing of B's changes.
    const notFound = [
      await v1Message.GET(
        v1(`/api/v1/messages/${message.id}`, secretKeyA),
        ctx({ id: message.id }),
      ),
      await v1ProfileMessages.GET(
        v1("/api/v1/profiles/b-user/messages", secretKeyA),
        ctx({ userId: "b-user" }),
      ),
      await v1ProfileRuns.GET(
        v1("/api/v1/profiles/b-user/runs", secretKeyA),
        ctx({ userId: "b-user" }),
      ),
      await v1Template.GET(
        v1(`/api/v1/templates/${templateId}`, secretKeyA),
        ctx({ id: templateId }),
      ),
      await v1Template.PUT(
        v1(`/api/v1/templates/${templateId}`, secretKeyA, "PUT", {
          name: "Taken over",
          content: { channel: "in_app", inApp: { kind: "card", title: "Mine" } },
        }),
        ctx({ id: templateId }),
      ),
      await v1Template.DELETE(
        v1(`/api/v1/templates/${templateId}`, secretKeyA, "DELETE"),
        ctx({ id: templateId }),
      ),
    ];
    expect(notFound.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(
      await prisma.messageTemplate.findUniqueOrThrow({ where: { id: templateId } }),
    ).toMatchObject({ name: "B's card" });
    const listA = (await (
      await v1Templates.GET(v1("/api/v1/templates", secretKeyA), ctx({}))
    ).json()) as {
      templates: { id: string }[];
    };
    expect(listA.templates.map((t) => t.id)).not.toContain(templateId);

    const before = await prisma.workspace.findUniqueOrThrow({ where: { id: workspaceB } });
    await v1Rules.PUT(v1("/api/v1/delivery-rules", secretKeyA, "PUT", { rules: {} }), ctx({}));
    await v1Origins.PUT(
      v1("/api/v1/settings/allowed-origins", secretKeyA, "PUT", { origins: ["https://a.test"] }),
      ctx({}),
    );
    await v1Email.PUT(
      v1("/api/v1/settings/email", secretKeyA, "PUT", { emailFrom: "a@a.test" }),
      ctx({}),
    );
    expect(await prisma.workspace.findUniqueOrThrow({ where: { id: workspaceB } })).toEqual(before);
    const a = (await (
      await v1Workspace.GET(v1("/api/v1/workspace", secretKeyA), ctx({}))
    ).json()) as {
      workspace: { id: string; allowedOrigins: string[]; email: { emailFrom: string } };
    };
    expect(a.workspace).toMatchObject({
      id: workspaceA,
      allowedOrigins: ["https://a.test"],
      email: { emailFrom: "a@a.test" },
    });
  });
});
