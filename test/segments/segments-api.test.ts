import { beforeAll, describe, expect, it } from "vitest";
import { GET as explainRoute } from "@/app/api/v1/segments/[id]/explain/route";
import { GET as historyRoute } from "@/app/api/v1/segments/[id]/history/route";
import { POST as importRoute } from "@/app/api/v1/segments/[id]/import/route";
import { GET as exportRoute } from "@/app/api/v1/segments/[id]/members/export/route";
import { GET as membersRoute } from "@/app/api/v1/segments/[id]/members/route";
import { DELETE, GET as getRoute, PATCH } from "@/app/api/v1/segments/[id]/route";
import { POST as createRoute, GET as listRoute } from "@/app/api/v1/segments/route";
import { SEGMENT_EXAMPLE } from "@/lib/segments/segment-schemas";
import { computeNextSegment } from "@/lib/segments/segment-tasks";
import { FakeClock, identify, send } from "@/test/engine/engine-fixtures";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { apiRequest, ctx } from "@/test/webhooks/webhook-fixtures";

// The segments API with the secret key: bad input is a 4xx naming the field,
// another workspace's segment is a 404, and a manual segment's CSV import,
// members, export, size history and explanation answer what was recorded.

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
type Body = any;

let ws: TestWorkspace;
let other: TestWorkspace;

beforeAll(async () => {
  ws = await createTestWorkspace("Segments API");
  other = await createTestWorkspace("Other tenant");
  const clock = new FakeClock(new Date().toISOString());
  await send(clock, ws.workspaceId, [
    identify("ada", { email: "ada@example.com", plan: "trial", utm_source: "ads" }),
    identify("bob", { email: "bob@example.com", plan: "paid" }),
  ]);
});

async function create(body: unknown, key = ws.secretKey) {
  const response = await createRoute(
    apiRequest("/api/v1/segments", key, { method: "POST", body }),
    ctx({}),
  );
  return { status: response.status, body: (await response.json()) as Body };
}

const issuesOf = (body: Body) =>
  (body.error.details?.issues ?? body.error.details ?? []).map((i: Body) => i.field);

describe("/api/v1/segments", () => {
  it("refuses bad input with the field named", async () => {
    const noName = await create({ kind: "condition", name: "", condition: { all: [] } });
    expect(noName.status).toBe(422);
    expect(issuesOf(noName.body)).toEqual(expect.arrayContaining(["name"]));

    const badOperator = await create({
      kind: "condition",
      name: "Bad",
      condition: { all: [{ kind: "trait", path: "plan", operator: "equals", value: "x" }] },
    });
    expect(badOperator.status).toBe(422);
    expect(issuesOf(badOperator.body).join(" ")).toContain("condition");

    const property = await create({
      kind: "condition",
      name: "Property",
      condition: { all: [{ kind: "property", path: "plan", operator: "exists" }] },
    });
    expect(property.status).toBe(422);
    expect(issuesOf(property.body)).toContain("condition.all.0.kind");

    const unknownKind = await create({ kind: "smart", name: "x" });
    expect(unknownKind.status).toBe(422);

    const notJson = await createRoute(
      new Request("http://cue.test/api/v1/segments", {
        method: "POST",
        headers: { authorization: `Bearer ${ws.secretKey}`, "content-type": "application/json" },
        body: "{",
      }),
      ctx({}),
    );
    expect(notJson.status).toBe(400);

    const created = await create(SEGMENT_EXAMPLE);
    expect(created.status).toBe(201);
    const duplicate = await create(SEGMENT_EXAMPLE);
    expect(duplicate.status).toBe(409);
    expect(issuesOf(duplicate.body)).toEqual(["name"]);

    const badQuery = await membersRoute(
      apiRequest(`/api/v1/segments/${created.body.segment.id}/members?limit=0`, ws.secretKey),
      ctx({ id: created.body.segment.id }),
    );
    expect(badQuery.status).toBe(422);
  });

  it("computes a condition segment and explains who is in it", async () => {
    const created = await create({ ...SEGMENT_EXAMPLE, name: "Trial from ads" });
    expect(created.body.segment).toMatchObject({ status: "computing", size: 0 });
    while ((await computeNextSegment(new Date())) > 0) {}
    const id = created.body.segment.id as string;
    const got = (await (
      await getRoute(apiRequest(`/api/v1/segments/${id}`, ws.secretKey), ctx({ id }))
    ).json()) as Body;
    expect(got.segment).toMatchObject({ status: "ready", size: 1 });

    const why = async (profile: string) =>
      (
        (await (
          await explainRoute(
            apiRequest(`/api/v1/segments/${id}/explain?profile=${profile}`, ws.secretKey),
            ctx({ id }),
          )
        ).json()) as Body
      ).explanation;
    expect(await why("ada")).toMatchObject({ member: true, matchesNow: true });
    const bob = await why("bob@example.com");
    expect(bob).toMatchObject({ member: false, matchesNow: false });
    expect(bob.conditions[0]).toMatchObject({ passed: false, actual: "paid", expected: "trial" });
  });

  it("imports a manual segment from CSV, lists, searches, exports and charts it", async () => {
    const created = await create({ kind: "manual", name: "Beta testers" });
    expect(created.body.segment).toMatchObject({ status: "ready", kind: "manual" });
    const id = created.body.segment.id as string;
    const imported = await importRoute(
      apiRequest(`/api/v1/segments/${id}/import`, ws.secretKey, {
        method: "POST",
        body: { csv: "userId\nada\nBOB@example.com\nnobody\n" },
      }),
      ctx({ id }),
    );
    expect(await imported.json()).toMatchObject({
      rows: 3,
      matched: 2,
      unknown: ["nobody"],
      entered: 2,
    });
    const search = (await (
      await membersRoute(
        apiRequest(`/api/v1/segments/${id}/members?search=bob`, ws.secretKey),
        ctx({ id }),
      )
    ).json()) as Body;
    expect(search.members.map((m: Body) => m.userId)).toEqual(["bob"]);
    const csv = await (
      await exportRoute(
        apiRequest(`/api/v1/segments/${id}/members/export`, ws.secretKey),
        ctx({ id }),
      )
    ).text();
    expect(csv.split("\n")[0]).toBe("profileId,userId,email,enteredAt");
    expect(csv).toContain('"ada"');
    const history = (await (
      await historyRoute(
        apiRequest(`/api/v1/segments/${id}/history?days=3`, ws.secretKey),
        ctx({ id }),
      )
    ).json()) as Body;
    expect(history.points).toHaveLength(3);
    expect(history.points.at(-1)).toMatchObject({ size: 2, entries: 2, exits: 0 });

    const replaced = await importRoute(
      apiRequest(`/api/v1/segments/${id}/import`, ws.secretKey, {
        method: "POST",
        body: { csv: "ada", mode: "replace" },
      }),
      ctx({ id }),
    );
    expect(await replaced.json()).toMatchObject({ entered: 0, exited: 1 });
  });

  it("keeps segments to their workspace", async () => {
    const created = await create({ kind: "manual", name: "Private" });
    const id = created.body.segment.id as string;
    const read = await getRoute(apiRequest(`/api/v1/segments/${id}`, other.secretKey), ctx({ id }));
    expect(read.status).toBe(404);
    const patch = await PATCH(
      apiRequest(`/api/v1/segments/${id}`, other.secretKey, {
        method: "PATCH",
        body: { name: "x" },
      }),
      ctx({ id }),
    );
    expect(patch.status).toBe(404);
    const removed = await DELETE(
      apiRequest(`/api/v1/segments/${id}`, other.secretKey, { method: "DELETE" }),
      ctx({ id }),
    );
    expect(removed.status).toBe(404);
    const list = (await (
      await listRoute(apiRequest("/api/v1/segments", other.secretKey), ctx({}))
    ).json()) as Body;
    expect(list.segments).toEqual([]);
    const mine = await DELETE(
      apiRequest(`/api/v1/segments/${id}`, ws.secretKey, { method: "DELETE" }),
      ctx({ id }),
    );
    expect(mine.status).toBe(204);
  });
});
