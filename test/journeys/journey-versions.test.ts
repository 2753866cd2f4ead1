import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Member } from "@/lib/generated/prisma/client";
import { inAppNode, lineJourney } from "@/lib/journey-core/test-fixtures";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

// Version history (list, read, diff, restore), duplicate, and the list's
// 7-day numbers and last editor, through the session API's route handlers.

const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentMember: async () => session.member,
  requireMember: async () => session.member,
}));

const list = await import("@/app/api/w/[workspaceId]/journeys/route");
const one = await import("@/app/api/w/[workspaceId]/journeys/[journeyId]/route");
const action = await import("@/app/api/w/[workspaceId]/journeys/[journeyId]/[action]/route");
const versions = await import("@/app/api/w/[workspaceId]/journeys/[journeyId]/versions/route");
const version = await import(
  "@/app/api/w/[workspaceId]/journeys/[journeyId]/versions/[version]/route"
);
const restore = await import(
  "@/app/api/w/[workspaceId]/journeys/[journeyId]/versions/[version]/restore/route"
);
const diffRoute = await import("@/app/api/w/[workspaceId]/journeys/[journeyId]/diff/route");

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
type Body = any;
const read = async (response: Response): Promise<Body> => response.json();
const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });

function req(method: string, path: string, body?: unknown): Request {
  return new Request(`http://cue.test${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

let owner: Member;
let editor: Member;
let viewer: Member;
let outsider: Member;
let ws: string;
let otherWs: string;

beforeAll(async () => {
  const member = (email: string, name: string | null) =>
    prisma.member.create({ data: { email, name, passwordHash: "x" } });
  owner = await member("ada@v.test", "Ada Owner");
  editor = await member("eve@v.test", null);
  viewer = await member("vic@v.test", "Vic Viewer");
  outsider = await member("oz@v.test", "Oz Outsider");
  ws = (await createWorkspace({ name: "Versions", ownerId: owner.id })).workspaceId;
  otherWs = (await createWorkspace({ name: "Elsewhere", ownerId: outsider.id })).workspaceId;
  await prisma.membership.createMany({
    data: [
      { workspaceId: ws, memberId: editor.id, role: "editor" },
      { workspaceId: ws, memberId: viewer.id, role: "viewer" },
    ],
  });
});

const base = `/api/w`;
const as = (member: Member) => {
  session.member = member;
};

async function createJourney(name: string, workspaceId = ws, title = "Welcome") {
  const definition = lineJourney("Signed Up", [{ ...inAppNode("hello", title), label: "Hello" }]);
  const response = await list.POST(
    req("POST", `${base}/${workspaceId}/journeys`, { name, definition }),
    ctx({ workspaceId }),
  );
  expect(response.status).toBe(201);
  return (await read(response)).journey as Body;
}

async function saveDraft(journeyId: string, mutate: (d: Body) => void, workspaceId = ws) {
  const current = (await read(await one.GET(req("GET", "/"), ctx({ workspaceId, journeyId }))))
    .journey;
  const definition = structuredClone(current.draft);
  mutate(definition);
  const response = await one.PATCH(
    req("PATCH", "/", { draftRevision: current.draftRevision, definition }),
    ctx({ workspaceId, journeyId }),
  );
  expect(response.status).toBe(200);
  return (await read(response)).journey as Body;
}

async function publish(journeyId: string, note: string, workspaceId = ws) {
  const response = await action.POST(
    req("POST", "/", { note }),
    ctx({ workspaceId, journeyId, action: "publish" }),
  );
  expect(response.status).toBe(200);
  return (await read(response)).journey as Body;
}

const setTitle = (title: string) => (d: Body) => {
  d.nodes.find((n: Body) => n.id === "hello").content.title = title;
};

/** A journey published twice (v1 "Welcome", v2 "Welcome back"), by the owner. */
async function twicepublished(name: string) {
  as(owner);
  const journey = await createJourney(name);
  await publish(journey.id, "first");
  await saveDraft(journey.id, setTitle("Welcome back"));
  await publish(journey.id, "second");
  return journey.id as string;
}

describe("GET …/versions and …/versions/:version", () => {
  it("lists versions newest first with publisher and current flag; viewers may read", async () => {
    const id = await twicepublished("Listed");
    as(viewer);
    const response = await versions.GET(req("GET", "/"), ctx({ workspaceId: ws, journeyId: id }));
    expect(response.status).toBe(200);
    const body = await read(response);
    expect(body.versions).toEqual([
      {
        id: expect.any(String),
        version: 2,
        note: "second",
        publishedAt: expect.any(String),
        publishedBy: { id: owner.id, name: "Ada Owner", email: "ada@v.test" },
        isCurrent: true,
      },
      expect.objectContaining({ version: 1, note: "first", isCurrent: false }),
    ]);

    const v1 = await read(
      await version.GET(req("GET", "/"), ctx({ workspaceId: ws, journeyId: id, version: "1" })),
    );
    expect(v1.version).toMatchObject({ version: 1, note: "first", isCurrent: false });
    expect(v1.version.definition.nodes[1].content.title).toBe("Welcome");
  });

  it("answers 400 for a malformed version number and 404 for a missing one", async () => {
    const id = await twicepublished("Bad numbers");
    for (const bad of ["0", "-1", "1.5", "abc", "99999999999"]) {
      const response = await version.GET(
        req("GET", "/"),
        ctx({ workspaceId: ws, journeyId: id, version: bad }),
      );
      expect(response.status, bad).toBe(400);
      const { error } = await read(response);
      expect(error.code).toBe("bad_request");
      expect(error.details.issues[0].field).toBe("version");
    }
    const missing = await version.GET(
      req("GET", "/"),
      ctx({ workspaceId: ws, journeyId: id, version: "3" }),
    );
    expect(missing.status).toBe(404);
    expect((await read(missing)).error.code).toBe("not_found");
  });

  it("hides another workspace's journey (404), even from its versions", async () => {
    as(outsider);
    const foreign = await createJourney("Foreign", otherWs);
    await publish(foreign.id, "theirs", otherWs);
    as(owner);
    // Our workspace, their journey id.
    const viaOurs = await versions.GET(
      req("GET", "/"),
      ctx({ workspaceId: ws, journeyId: foreign.id }),
    );
    expect(viaOurs.status).toBe(404);
    const oneViaOurs = await version.GET(
      req("GET", "/"),
      ctx({ workspaceId: ws, journeyId: foreign.id, version: "1" }),
    );
    expect(oneViaOurs.status).toBe(404);
    // Their workspace, where we are not members.
    const theirs = await versions.GET(
      req("GET", "/"),
      ctx({ workspaceId: otherWs, journeyId: foreign.id }),
    );
    expect(theirs.status).toBe(404);
  });
});

describe("GET …/diff", () => {
  const diff = (journeyId: string, search = "") =>
    diffRoute.GET(req("GET", `/diff${search}`), ctx({ workspaceId: ws, journeyId }));

  it("defaults to the latest version against the one before it", async () => {
    const id = await twicepublished("Diffed");
    as(viewer);
    const body = await read(await diff(id));
    expect(body.from).toBe(1);
    expect(body.to).toBe(2);
    expect(body.diff.summary).toEqual([
      "Changed in-app message “Hello” title from “Welcome” to “Welcome back”",
    ]);
    expect(body.diff.nodes.changed[0].fields).toEqual([
      { path: "content.title", before: "Welcome", after: "Welcome back" },
    ]);
    const reverse = await read(await diff(id, "?from=2&to=1"));
    expect(reverse.diff.summary).toEqual([
      "Changed in-app message “Hello” title from “Welcome back” to “Welcome”",
    ]);
    const first = await read(await diff(id, "?to=1"));
    expect(first.from).toBeNull();
    expect(first.diff.nodes.added.map((n: Body) => n.id)).toEqual(["trigger", "hello", "end"]);
  });

  it("compares the draft with the live version", async () => {
    const id = await twicepublished("Draft compared");
    await saveDraft(id, (d) => {
      d.settings.holdoutPercent = 10;
    });
    as(viewer);
    const body = await read(await diff(id, "?to=draft"));
    expect(body).toMatchObject({ from: 2, to: "draft" });
    expect(body.diff.summary).toEqual(["Holdout changed from 0% to 10%"]);
    const same = await read(await diff(id, "?from=2&to=2"));
    expect(same.diff.summary).toEqual([]);
  });

  it("with nothing published, compares the draft with nothing", async () => {
    as(owner);
    const journey = await createJourney("Unpublished");
    const body = await read(await diff(journey.id));
    expect(body).toMatchObject({ from: null, to: "draft" });
    expect(body.diff.summary[0]).toBe("Added trigger “When Signed Up happens”");
  });

  it("rejects bad queries (400, naming the field), unknown versions (404) and an unreadable draft (422)", async () => {
    const id = await twicepublished("Diff errors");
    for (const [search, field] of [
      ["?from=x", "from"],
      ["?to=0", "to"],
      ["?to=draftt", "to"],
      ["?since=1", "(root)"],
    ] as const) {
      const response = await diff(id, search);
      expect(response.status, search).toBe(400);
      const { error } = await read(response);
      expect(error.details.issues[0].field, search).toBe(field);
      expect(error.message).toContain(field === "(root)" ? "since" : field);
    }
    expect((await diff(id, "?from=7")).status).toBe(404);
    expect((await diff(id, "?to=7")).status).toBe(404);

    await saveDraft(id, (d) => {
      d.nodes = [];
    });
    const broken = await diff(id, "?to=draft");
    expect(broken.status).toBe(422);
    const { error } = await read(broken);
    expect(error.code).toBe("validation_failed");
    expect(error.details.issues[0].field).toBe("draft.nodes");
  });

  it("is 404 for another workspace's journey", async () => {
    as(outsider);
    const foreign = await createJourney("Foreign diff", otherWs);
    as(owner);
    expect((await diff(foreign.id)).status).toBe(404);
  });
});

describe("POST …/versions/:version/restore", () => {
  const restoreAs = (member: Member, journeyId: string, v: string, body?: unknown) => {
    as(member);
    return restore.POST(req("POST", "/", body), ctx({ workspaceId: ws, journeyId, version: v }));
  };

  it("copies the version into the draft as a new revision, recording who", async () => {
    const id = await twicepublished("Restored");
    const before = await prisma.journey.findUniqueOrThrow({ where: { id } });
    const response = await restoreAs(editor, id, "1");
    expect(response.status).toBe(200);
    const { journey } = await read(response);
    expect(journey.draftRevision).toBe(before.draftRevision + 1);
    expect(journey.draft.nodes[1].content.title).toBe("Welcome");
    expect(journey.currentVersion.version).toBe(2);
    const row = await prisma.journey.findUniqueOrThrow({ where: { id } });
    expect(row.updatedById).toBe(editor.id);
    const got = await read(await one.GET(req("GET", "/"), ctx({ workspaceId: ws, journeyId: id })));
    expect(journey).toEqual({ ...got.journey, updatedAt: journey.updatedAt });
    // Publishing the restored draft makes it version 3; the diff shows the revert.
    as(owner);
    await publish(id, "revert");
    const body = await read(
      await diffRoute.GET(req("GET", "/"), ctx({ workspaceId: ws, journeyId: id })),
    );
    expect(body.diff.summary).toEqual([
      "Changed in-app message “Hello” title from “Welcome back” to “Welcome”",
    ]);
  });

  it("refuses viewers (403) without touching the draft", async () => {
    const id = await twicepublished("Viewer restore");
    const before = await prisma.journey.findUniqueOrThrow({ where: { id } });
    const response = await restoreAs(viewer, id, "1");
    expect(response.status).toBe(403);
    const after = await prisma.journey.findUniqueOrThrow({ where: { id } });
    expect(after.draftRevision).toBe(before.draftRevision);
    expect(after.draft).toEqual(before.draft);
  });

  it("answers 400, 404, 409 for bad numbers, missing versions, stale revisions and archived journeys", async () => {
    const id = await twicepublished("Restore errors");
    expect((await restoreAs(owner, id, "one")).status).toBe(400);
    expect((await restoreAs(owner, id, "9")).status).toBe(404);
    const stale = await restoreAs(owner, id, "1", { draftRevision: 1 });
    expect(stale.status).toBe(409);
    expect((await read(stale)).error.details.currentRevision).toBeGreaterThan(1);
    const badBody = await restoreAs(owner, id, "1", { draftRevision: "x" });
    expect(badBody.status).toBe(422);
    as(owner);
    await action.POST(req("POST", "/"), ctx({ workspaceId: ws, journeyId: id, action: "archive" }));
    expect((await restoreAs(owner, id, "1")).status).toBe(409);
  });

  it("is 404 for another workspace's journey, which stays unchanged", async () => {
    as(outsider);
    const foreign = await createJourney("Foreign restore", otherWs);
    await publish(foreign.id, "theirs", otherWs);
    const response = await restoreAs(owner, foreign.id, "1");
    expect(response.status).toBe(404);
    const row = await prisma.journey.findUniqueOrThrow({ where: { id: foreign.id } });
    expect(row.draftRevision).toBe(1);
  });
});

describe("POST …/duplicate", () => {
  it("creates a draft copy named “(copy)” with the source's draft (201)", async () => {
    const id = await twicepublished("Original");
    await saveDraft(id, setTitle("Unpublished edit"));
    as(editor);
    const response = await action.POST(
      req("POST", "/"),
      ctx({ workspaceId: ws, journeyId: id, action: "duplicate" }),
    );
    expect(response.status).toBe(201);
    const { journey } = await read(response);
    expect(journey).toMatchObject({
      name: "Original (copy)",
      status: "draft",
      draftRevision: 1,
      currentVersion: null,
      issues: [],
    });
    expect(journey.id).not.toBe(id);
    expect(journey.draft.nodes[1].content.title).toBe("Unpublished edit");
    const row = await prisma.journey.findUniqueOrThrow({ where: { id: journey.id } });
    expect(row.updatedById).toBe(editor.id);
    expect(await prisma.journeyVersion.count({ where: { journeyId: journey.id } })).toBe(0);
  });

  it("refuses viewers (403) and other workspaces (404)", async () => {
    as(owner);
    const journey = await createJourney("Not for viewers");
    const count = () => prisma.journey.count({ where: { workspaceId: ws } });
    const before = await count();
    as(viewer);
    const denied = await action.POST(
      req("POST", "/"),
      ctx({ workspaceId: ws, journeyId: journey.id, action: "duplicate" }),
    );
    expect(denied.status).toBe(403);
    as(outsider);
    const foreign = await action.POST(
      req("POST", "/"),
      ctx({ workspaceId: otherWs, journeyId: journey.id, action: "duplicate" }),
    );
    expect(foreign.status).toBe(404);
    expect(await count()).toBe(before);
  });
});

describe("GET /journeys (list)", () => {
  it("adds 7-day entries and conversions from runs of this workspace, and the last editor", async () => {
    const listWs = (await createWorkspace({ name: "List", ownerId: owner.id })).workspaceId;
    await prisma.membership.create({
      data: { workspaceId: listWs, memberId: editor.id, role: "editor" },
    });
    as(owner);
    const busy = await createJourney("Busy", listWs);
    const quiet = await createJourney("Quiet", listWs);
    await publish(busy.id, "live", listWs);
    const versionId = (
      await prisma.journeyVersion.findFirstOrThrow({
        where: { journeyId: busy.id },
      })
    ).id;
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    const run = (workspaceId: string, enteredAt: Date, convertedAt: Date | null = null) => ({
      workspaceId,
      journeyId: busy.id,
      versionId,
      profileId: randomUUID(),
      status: "completed",
      state: {},
      enteredAt,
      convertedAt,
    });
    await prisma.journeyRun.createMany({
      data: [
        run(listWs, daysAgo(1), daysAgo(0.5)),
        run(listWs, daysAgo(2)),
        run(listWs, daysAgo(6.9)),
        run(listWs, daysAgo(10), daysAgo(3)), // entered too long ago, converted recently
        run(listWs, daysAgo(12), daysAgo(9)), // both too long ago
        run(otherWs, daysAgo(1), daysAgo(1)), // another workspace's row never counts
      ],
    });
    as(editor);
    await action.POST(
      req("POST", "/"),
      ctx({ workspaceId: listWs, journeyId: busy.id, action: "pause" }),
    );

    as(viewer);
    expect(
      (await list.GET(req("GET", "/"), ctx({ workspaceId: listWs }))).status,
      "not a member of this one",
    ).toBe(404);
    as(owner);
    const body = await read(await list.GET(req("GET", "/"), ctx({ workspaceId: listWs })));
    const byName = new Map(body.journeys.map((j: Body) => [j.name, j]));
    expect(byName.get("Busy")).toMatchObject({
      status: "paused",
      currentVersion: { version: 1 },
      stats: { entered7d: 3, converted7d: 2 },
      updatedBy: { name: null, email: "eve@v.test" },
    });
    expect(byName.get("Quiet")).toMatchObject({
      stats: { entered7d: 0, converted7d: 0 },
      updatedBy: { name: "Ada Owner", email: "ada@v.test" },
    });
    expect(quiet.id).toBeTruthy();
  });
});
