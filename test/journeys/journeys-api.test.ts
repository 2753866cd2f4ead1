import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Member } from "@/lib/generated/prisma/client";
import { inAppNode, lineJourney } from "@/lib/journey-core/test-fixtures";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { FakeClock, profileId, send, setRules, track } from "@/test/engine/engine-fixtures";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";

// The journeys API through its route handlers: the secret-key door
// (/api/v1/journeys, journeys-as-code), the session door the builder uses
// (/api/w/:workspaceId/journeys), the OpenAPI document, the templates, the
// delivery rules and the profile's journey runs.

const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));

const v1 = await import("@/app/api/v1/journeys/route");
const v1One = await import("@/app/api/v1/journeys/[id]/route");
const v1Action = await import("@/app/api/v1/journeys/[id]/[action]/route");
const v1Runs = await import("@/app/api/v1/journeys/[id]/runs/route");
const v1Validate = await import("@/app/api/v1/journeys/validate/route");
const v1Templates = await import("@/app/api/v1/journey-templates/route");
const openapi = await import("@/app/api/v1/openapi.json/route");
const admin = await import("@/app/api/w/[workspaceId]/journeys/route");
const adminAction = await import("@/app/api/w/[workspaceId]/journeys/[journeyId]/[action]/route");
const rulesRoute = await import("@/app/api/w/[workspaceId]/delivery-rules/route");
const profileRuns = await import(
  "@/app/api/w/[workspaceId]/profiles/[profileId]/journey-runs/route"
);

let ws: TestWorkspace;
let other: TestWorkspace;
let owner: Member;
let viewer: Member;
let ownedWs: string;

const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
function req(method: string, path: string, key: string | null, body?: unknown): Request {
  return new Request(`http://cue.test${path}`, {
    method,
    headers: {
      ...(key && bearer(key)),
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
type Body = any;
const read = async (response: Response): Promise<Body> => response.json();

beforeAll(async () => {
  ws = await createTestWorkspace("API");
  other = await createTestWorkspace("Other");
  await setRules(ws.workspaceId, {});
  owner = await prisma.member.create({ data: { email: "owner@j.test", passwordHash: "x" } });
  viewer = await prisma.member.create({ data: { email: "viewer@j.test", passwordHash: "x" } });
  ownedWs = (await createWorkspace({ name: "Owned", ownerId: owner.id })).workspaceId;
  await prisma.membership.create({
    data: { workspaceId: ownedWs, memberId: viewer.id, role: "viewer" },
  });
});

describe("/api/v1/journeys (secret key)", () => {
  it("creates, validates, edits, publishes, pauses, resumes and archives a journey as JSON", async () => {
    const definition = lineJourney("Signed Up", [inAppNode("hello")]);
    const created = await v1.POST(
      req("POST", "/api/v1/journeys", ws.secretKey, { name: "Hello", definition }),
      ctx({}),
    );
    expect(created.status).toBe(201);
    const { journey } = await read(created);
    expect(journey).toMatchObject({
      name: "Hello",
      status: "draft",
      draftRevision: 1,
      issues: [],
      currentVersion: null,
    });
    const id: string = journey.id;

    const valid = await v1Action.POST(
      req("POST", `/api/v1/journeys/${id}/validate`, ws.secretKey),
      ctx({ id, action: "validate" }),
    );
    // "Signed Up" was never received here: a warning, which does not make it invalid.
    expect(await read(valid)).toEqual({
      valid: true,
      issues: [],
      warnings: [
        expect.objectContaining({
          nodeId: "trigger",
          field: "trigger.event",
          code: "unseen_event",
          event: "Signed Up",
          humanMessage: expect.stringMatching(/^No 'Signed Up' events yet/),
        }),
      ],
    });
    await prisma.eventCatalog.create({
      data: { workspaceId: ws.workspaceId, name: "Signed Up", lastSeenAt: new Date() },
    });
    const seen = await v1Action.POST(
      req("POST", `/api/v1/journeys/${id}/validate`, ws.secretKey),
      ctx({ id, action: "validate" }),
    );
    expect(await read(seen)).toEqual({ valid: true, issues: [], warnings: [] });

    const broken = { ...definition, edges: [] };
    const saved = await v1One.PATCH(
      req("PATCH", `/api/v1/journeys/${id}`, ws.secretKey, {
        draftRevision: 1,
        definition: broken,
      }),
      ctx({ id }),
    );
    const body = await read(saved);
    expect(body.journey.draftRevision).toBe(2);
    expect(body.journey.issues.length).toBeGreaterThan(0);
    const refused = await v1Action.POST(
      req("POST", `/api/v1/journeys/${id}/publish`, ws.secretKey),
      ctx({ id, action: "publish" }),
    );
    expect(refused.status).toBe(422);
    expect((await read(refused)).error.details.issues[0]).toMatchObject({
      code: expect.any(String),
    });

    const stale = await v1One.PATCH(
      req("PATCH", `/api/v1/journeys/${id}`, ws.secretKey, { draftRevision: 1, definition }),
      ctx({ id }),
    );
    expect(stale.status).toBe(409);
    expect((await read(stale)).error.details).toEqual({ currentRevision: 2 });
    await v1One.PUT(
      req("PUT", `/api/v1/journeys/${id}`, ws.secretKey, { draftRevision: 2, definition }),
      ctx({ id }),
    );

    const published = await v1Action.POST(
      req("POST", `/api/v1/journeys/${id}/publish`, ws.secretKey, { note: "first" }),
      ctx({ id, action: "publish" }),
    );
    expect((await read(published)).journey).toMatchObject({
      status: "live",
      currentVersion: { version: 1, note: "first" },
    });

    // Published through the API just now: entries are decided at the event's time.
    const clock = new FakeClock(new Date(Date.now() + 1_000).toISOString());
    await send(clock, ws.workspaceId, [track("api-user", "Signed Up")]);
    const runs = await read(
      await v1Runs.GET(
        req("GET", `/api/v1/journeys/${id}/runs?limit=10`, ws.secretKey),
        ctx({ id }),
      ),
    );
    expect(runs.runs).toHaveLength(1);
    expect(runs.runs[0]).toMatchObject({
      status: "completed",
      version: 1,
      journey: { id, name: "Hello" },
    });

    for (const [action, status] of [
      ["pause", "paused"],
      ["resume", "live"],
      ["archive", "archived"],
    ] as const) {
      const response = await v1Action.POST(
        req("POST", `/api/v1/journeys/${id}/${action}`, ws.secretKey),
        ctx({ id, action }),
      );
      expect((await read(response)).journey.status).toBe(status);
    }
    const listed = await read(
      await v1.GET(req("GET", "/api/v1/journeys?status=archived", ws.secretKey), ctx({})),
    );
    expect(listed.journeys.map((j: Body) => j.id)).toContain(id);
    const unknown = await v1Action.POST(
      req("POST", `/api/v1/journeys/${id}/explode`, ws.secretKey),
      ctx({ id, action: "explode" }),
    );
    expect(unknown.status).toBe(404);
  });

  it("creates from a template, and each listed template posts back as a journey", async () => {
    const { templates } = await read(
      await v1Templates.GET(req("GET", "/api/v1/journey-templates", ws.secretKey), ctx({})),
    );
    expect(templates).toHaveLength(5);
    for (const template of templates) {
      const response = await v1.POST(
        req("POST", "/api/v1/journeys", ws.secretKey, template.journey),
        ctx({}),
      );
      expect(response.status).toBe(201);
      expect((await read(response)).journey.issues).toEqual([]);
    }
    const bySlug = await v1.POST(
      req("POST", "/api/v1/journeys", ws.secretKey, { template: "reengage-inactive-users" }),
      ctx({}),
    );
    expect((await read(bySlug)).journey.name).toBe("Re-engage after 7 quiet days");
  });

  it("validates a posted definition without saving it, naming node and field", async () => {
    const definition = lineJourney("X", [inAppNode("hi")]);
    const bad = {
      ...definition,
      nodes: definition.nodes.map((n) => (n.id === "hi" ? { ...n, content: { kind: "card" } } : n)),
    };
    const body = await read(
      await v1Validate.POST(
        req("POST", "/api/v1/journeys/validate", ws.secretKey, { definition: bad }),
        ctx({}),
      ),
    );
    expect(body.valid).toBe(false);
    expect(body.issues).toContainEqual(
      expect.objectContaining({ nodeId: "hi", field: "content.title" }),
    );
  });

  it("needs the secret key, and never shows another workspace's journey", async () => {
    const anonymous = await v1.GET(req("GET", "/api/v1/journeys", null), ctx({}));
    expect(anonymous.status).toBe(401);
    const writeKey = await v1.GET(req("GET", "/api/v1/journeys", ws.writeKey), ctx({}));
    expect(writeKey.status).toBe(401);
    const { journey } = await read(
      await v1.POST(
        req("POST", "/api/v1/journeys", ws.secretKey, { template: "nudge-stalled-onboarding" }),
        ctx({}),
      ),
    );
    const foreign = await v1One.GET(
      req("GET", `/api/v1/journeys/${journey.id}`, other.secretKey),
      ctx({ id: journey.id }),
    );
    expect(foreign.status).toBe(404);
    const foreignPublish = await v1Action.POST(
      req("POST", `/api/v1/journeys/${journey.id}/publish`, other.secretKey),
      ctx({ id: journey.id, action: "publish" }),
    );
    expect(foreignPublish.status).toBe(404);
  });
});

describe("/api/v1/openapi.json", () => {
  it("documents every journeys route with schemas generated from zod, all references resolving", async () => {
    const doc = await read(openapi.GET(new Request("http://cue.test/api/v1/openapi.json")));
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBe("Cue API");
    expect(doc.servers).toEqual([{ url: "http://cue.test" }]);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/journeys",
        "/api/v1/journeys/{id}",
        "/api/v1/journeys/{id}/publish",
        "/api/v1/journeys/{id}/runs",
        "/api/v1/journey-templates",
      ]),
    );
    const refs = [
      ...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g),
    ].map((m) => m[1]);
    for (const name of refs) expect(doc.components.schemas).toHaveProperty(name as string);
    // Generated, not hand-written: the node types come from the definition schema.
    expect(JSON.stringify(doc.components.schemas.JourneyDefinition)).toContain('"send_inapp"');
    expect(doc.components.schemas.UpdateJourney.required).toEqual(["draftRevision"]);
  });
});

describe("/api/w/:workspaceId (session)", () => {
  it("mirrors the v1 API for members; viewers read but cannot publish", async () => {
    session.member = owner;
    const created = await admin.POST(
      req("POST", `/api/w/${ownedWs}/journeys`, null, {
        template: "introduce-feature-on-first-use",
      }),
      ctx({ workspaceId: ownedWs }),
    );
    const { journey } = await read(created);
    expect(created.status).toBe(201);
    const row = await prisma.journey.findUniqueOrThrow({ where: { id: journey.id } });
    expect(row.updatedById).toBe(owner.id);

    session.member = viewer;
    const listed = await read(
      await admin.GET(
        req("GET", `/api/w/${ownedWs}/journeys`, null),
        ctx({ workspaceId: ownedWs }),
      ),
    );
    expect(listed.journeys).toHaveLength(1);
    const forbidden = await adminAction.POST(
      req("POST", `/api/w/${ownedWs}/journeys/${journey.id}/publish`, null),
      ctx({ workspaceId: ownedWs, journeyId: journey.id, action: "publish" }),
    );
    expect(forbidden.status).toBe(403);

    session.member = owner;
    const published = await adminAction.POST(
      req("POST", `/api/w/${ownedWs}/journeys/${journey.id}/publish`, null),
      ctx({ workspaceId: ownedWs, journeyId: journey.id, action: "publish" }),
    );
    expect((await read(published)).journey.status).toBe("live");
    const version = await prisma.journeyVersion.findFirstOrThrow({
      where: { journeyId: journey.id },
    });
    expect(version.publishedById).toBe(owner.id);
  });

  it("delivery rules: the documented default, admin-only changes, validated by the core's schema", async () => {
    session.member = viewer;
    const current = await read(
      await rulesRoute.GET(
        req("GET", `/api/w/${ownedWs}/delivery-rules`, null),
        ctx({ workspaceId: ownedWs }),
      ),
    );
    expect(current).toEqual({
      isDefault: true,
      rules: {
        frequency: { windowHours: 24, max: 3, onLimit: "defer" },
        quietHours: { start: "21:00", end: "08:00", onQuiet: "defer", channels: ["email"] },
      },
    });
    const rules = { frequency: { windowHours: 12, max: 2, onLimit: "skip" } };
    const denied = await rulesRoute.PUT(
      req("PUT", `/api/w/${ownedWs}/delivery-rules`, null, { rules }),
      ctx({ workspaceId: ownedWs }),
    );
    expect(denied.status).toBe(403);

    session.member = owner;
    const saved = await rulesRoute.PUT(
      req("PUT", `/api/w/${ownedWs}/delivery-rules`, null, { rules }),
      ctx({ workspaceId: ownedWs }),
    );
    expect(await read(saved)).toEqual({ isDefault: false, rules });
    const invalid = await rulesRoute.PUT(
      req("PUT", `/api/w/${ownedWs}/delivery-rules`, null, {
        rules: { quietHours: { start: "25:00", end: "08:00", onQuiet: "defer" } },
      }),
      ctx({ workspaceId: ownedWs }),
    );
    expect(invalid.status).toBe(422);
    expect((await read(invalid)).error.details.issues[0].field).toBe("rules.quietHours.start");
    const reset = await rulesRoute.PUT(
      req("PUT", `/api/w/${ownedWs}/delivery-rules`, null, { rules: null }),
      ctx({ workspaceId: ownedWs }),
    );
    expect((await read(reset)).isDefault).toBe(true);
  });

  it("profile journey runs: each run with its trace and messages; 404 across workspaces", async () => {
    session.member = owner;
    const definition = lineJourney("Ordered", [inAppNode("thanks")]);
    const { journey } = await read(
      await admin.POST(
        req("POST", `/api/w/${ownedWs}/journeys`, null, { name: "Thanks", definition }),
        ctx({ workspaceId: ownedWs }),
      ),
    );
    await adminAction.POST(
      req("POST", `/api/w/${ownedWs}/journeys/${journey.id}/publish`, null),
      ctx({ workspaceId: ownedWs, journeyId: journey.id, action: "publish" }),
    );
    await setRules(ownedWs, {});
    await send(new FakeClock(new Date(Date.now() + 1_000).toISOString()), ownedWs, [
      track("buyer", "Ordered", { total: 3 }),
    ]);
    const id = await profileId(ownedWs, "buyer");
    const body = await read(
      await profileRuns.GET(
        req("GET", `/api/w/${ownedWs}/profiles/${id}/journey-runs`, null),
        ctx({ workspaceId: ownedWs, profileId: id }),
      ),
    );
    expect(body.nextCursor).toBeNull();
    expect(body.runs).toHaveLength(1);
    const [run] = body.runs;
    expect(run).toMatchObject({
      journey: { id: journey.id, name: "Thanks" },
      status: "completed",
      version: 1,
    });
    expect(run.trace.map((t: Body) => [t.nodeId, t.decision])).toEqual([
      ["trigger", "entered"],
      ["thanks", "sent"],
      ["end", "exited"],
    ]);
    expect(run.trace[1].data.messageId).toBe(run.messages[0].id);
    expect(run.messages[0]).toMatchObject({ channel: "in_app", status: "sent", nodeId: "thanks" });

    const elsewhere = await profileRuns.GET(
      req("GET", `/api/w/${ws.workspaceId}/profiles/${id}/journey-runs`, null),
      ctx({ workspaceId: ws.workspaceId, profileId: id }),
    );
    expect(elsewhere.status).toBe(404);
  });
});
