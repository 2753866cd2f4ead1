import { beforeAll, describe, expect, it } from "vitest";
import {
  GET as getInboxPreferences,
  PUT as putInboxPreferences,
} from "@/app/api/v1/inbox/preferences/route";
import {
  GET as getProfilePreferences,
  PUT as putProfilePreferences,
} from "@/app/api/v1/profiles/[userId]/preferences/route";
import { DELETE, GET as getTopic, PATCH } from "@/app/api/v1/topics/[key]/route";
import { POST as createRoute, GET as listRoute } from "@/app/api/v1/topics/route";
import { prisma } from "@/lib/db/client";
import { createProfile } from "@/test/fixtures/channels";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { createInboxUser, hashHeaders } from "@/test/inbox/inbox-fixtures";
import { apiRequest, ctx } from "@/test/webhooks/webhook-fixtures";

// Topics and preferences through the secret-key API and the inbox API: bad
// input is a 4xx naming the field, another workspace's topics and profiles
// are invisible, and every change is kept with its time.

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
type Body = any;

let ws: TestWorkspace;
let other: TestWorkspace;

beforeAll(async () => {
  ws = await createTestWorkspace("Topics API");
  other = await createTestWorkspace("Other tenant");
});

async function create(body: unknown, key = ws.secretKey) {
  const response = await createRoute(
    apiRequest("/api/v1/topics", key, { method: "POST", body }),
    ctx({}),
  );
  return { status: response.status, body: (await response.json()) as Body };
}
const read = async (response: Response) => ({
  status: response.status,
  body: (response.status === 204 ? null : await response.json()) as Body,
});
const fields = (body: Body) => body.error.details.issues.map((i: Body) => i.field);

describe("/api/v1/topics", () => {
  it("creates, lists, reads, changes and deletes a topic", async () => {
    const created = await create({ key: "product-tips", name: "Product tips" });
    expect(created.status).toBe(201);
    expect(created.body.topic).toMatchObject({
      key: "product-tips",
      name: "Product tips",
      description: "",
      unsubscribable: true,
    });
    const listed = await read(await listRoute(apiRequest("/api/v1/topics", ws.secretKey), ctx({})));
    expect(listed.body.topics.map((t: Body) => t.key)).toContain("product-tips");

    const patched = await read(
      await PATCH(
        apiRequest("/api/v1/topics/product-tips", ws.secretKey, {
          method: "PATCH",
          body: { name: "Tips", description: "Ideas" },
        }),
        ctx({ key: "product-tips" }),
      ),
    );
    expect(patched.body.topic).toMatchObject({
      key: "product-tips",
      name: "Tips",
      description: "Ideas",
    });

    const removed = await DELETE(
      apiRequest("/api/v1/topics/product-tips", ws.secretKey, { method: "DELETE" }),
      ctx({ key: "product-tips" }),
    );
    expect(removed.status).toBe(204);
    const gone = await getTopic(
      apiRequest("/api/v1/topics/product-tips", ws.secretKey),
      ctx({ key: "product-tips" }),
    );
    expect(gone.status).toBe(404);
  });

  it("names the field of bad input, refuses a taken key and an unknown field", async () => {
    const badKey = await create({ key: "Product Tips", name: "Tips" });
    expect(badKey.status).toBe(422);
    expect(fields(badKey.body)).toEqual(["key"]);
    const noName = await create({ key: "tips", name: " " });
    expect(fields(noName.body)).toEqual(["name"]);
    const badFlag = await create({ key: "tips", name: "Tips", unsubscribable: "no" });
    expect(fields(badFlag.body)).toEqual(["unsubscribable"]);

    expect((await create({ key: "billing", name: "Billing", unsubscribable: false })).status).toBe(
      201,
    );
    const taken = await create({ key: "billing", name: "Billing again" });
    expect(taken.status).toBe(409);
    expect(fields(taken.body)).toEqual(["key"]);
    const rename = await read(
      await PATCH(
        apiRequest("/api/v1/topics/billing", ws.secretKey, { method: "PATCH", body: { key: "x" } }),
        ctx({ key: "billing" }),
      ),
    );
    expect(rename.status).toBe(422);
  });

  it("keeps workspaces apart: another workspace's topic is a 404 and is not listed", async () => {
    await create({ key: "secret-tips", name: "Secret tips" });
    const theirs = await read(
      await listRoute(apiRequest("/api/v1/topics", other.secretKey), ctx({})),
    );
    expect(theirs.body.topics.map((t: Body) => t.key)).not.toContain("secret-tips");
    const peek = await getTopic(
      apiRequest("/api/v1/topics/secret-tips", other.secretKey),
      ctx({ key: "secret-tips" }),
    );
    expect(peek.status).toBe(404);
    const del = await DELETE(
      apiRequest("/api/v1/topics/secret-tips", other.secretKey, { method: "DELETE" }),
      ctx({ key: "secret-tips" }),
    );
    expect(del.status).toBe(404);
    // The same key is free in the other workspace.
    expect((await create({ key: "secret-tips", name: "Theirs" }, other.secretKey)).status).toBe(
      201,
    );
  });
});

describe("/api/v1/profiles/{userId}/preferences", () => {
  const put = (userId: string, body: unknown, key = ws.secretKey) =>
    putProfilePreferences(
      apiRequest(`/api/v1/profiles/${userId}/preferences`, key, { method: "PUT", body }),
      ctx({ userId }),
    ).then(read);
  const get = (userId: string, key = ws.secretKey) =>
    getProfilePreferences(
      apiRequest(`/api/v1/profiles/${userId}/preferences`, key),
      ctx({ userId }),
    ).then(read);

  it("is subscribed until it opts out; each change is kept with its time; a repeat writes nothing", async () => {
    await create({ key: "news", name: "News" });
    const profile = await createProfile(ws.workspaceId);
    const before = await get(profile.userId);
    expect(before.body.topics.find((t: Body) => t.topic === "news").channels).toEqual({
      email: true,
      in_app: true,
    });
    const out = { preferences: [{ topic: "news", channel: "email", subscribed: false }] };
    const after = await put(profile.userId, out);
    expect(after.status).toBe(200);
    expect(after.body.topics.find((t: Body) => t.topic === "news").channels).toEqual({
      email: false,
      in_app: true,
    });
    await put(profile.userId, out);
    const rows = await prisma.topicPreferenceChange.findMany({
      where: { workspaceId: ws.workspaceId, profileId: profile.id },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: "email", subscribed: false, source: "api" });
  });

  it("names the entry of bad input and writes nothing", async () => {
    const profile = await createProfile(ws.workspaceId);
    const badChannel = await put(profile.userId, {
      preferences: [{ topic: "news", channel: "sms", subscribed: false }],
    });
    expect(badChannel.status).toBe(422);
    expect(fields(badChannel.body)).toEqual(["preferences.0.channel"]);
    const unknown = await put(profile.userId, {
      preferences: [
        { topic: "news", channel: "email", subscribed: false },
        { topic: "nope", channel: "email", subscribed: false },
      ],
    });
    expect(unknown.status).toBe(422);
    expect(fields(unknown.body)).toEqual(["preferences.1.topic"]);
    const locked = await put(profile.userId, {
      preferences: [{ topic: "billing", channel: "email", subscribed: false }],
    });
    expect(locked.status).toBe(422);
    expect(fields(locked.body)).toEqual(["preferences.0.subscribed"]);
    expect(await prisma.topicPreferenceChange.count({ where: { profileId: profile.id } })).toBe(0);
    const empty = await put(profile.userId, { preferences: [] });
    expect(fields(empty.body)).toEqual(["preferences"]);
  });

  it("another workspace's profile is a 404", async () => {
    const profile = await createProfile(ws.workspaceId);
    expect((await get(profile.userId, other.secretKey)).status).toBe(404);
    const sneaky = await put(
      profile.userId,
      { preferences: [{ topic: "secret-tips", channel: "email", subscribed: false }] },
      other.secretKey,
    );
    expect(sneaky.status).toBe(404);
  });
});

describe("/api/v1/inbox/preferences", () => {
  const request = (
    userId: string,
    init: { method?: string; body?: unknown; hash?: Record<string, string> } = {},
  ) =>
    new Request("http://cue.test/api/v1/inbox/preferences", {
      method: init.method ?? "GET",
      headers: {
        ...(init.hash ?? hashHeaders(ws, userId)),
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  it("reads and changes the signed-in user's preferences with the inbox's auth", async () => {
    const userId = `inbox-${Date.now()}`;
    const profileId = await createInboxUser(ws, userId);
    const got = await read(await getInboxPreferences(request(userId), ctx({})));
    expect(got.status).toBe(200);
    expect(got.body.topics.map((t: Body) => t.topic)).toContain("news");
    const put = await read(
      await putInboxPreferences(
        request(userId, {
          method: "PUT",
          body: { preferences: [{ topic: "news", channel: "in_app", subscribed: false }] },
        }),
        ctx({}),
      ),
    );
    expect(put.status).toBe(200);
    expect(put.body.topics.find((t: Body) => t.topic === "news").channels.in_app).toBe(false);
    const row = await prisma.topicPreferenceChange.findFirstOrThrow({ where: { profileId } });
    expect(row.source).toBe("inbox");
  });

  it("refuses a wrong user hash (401) and names the field of bad input (422)", async () => {
    const userId = `inbox-bad-${Date.now()}`;
    await createInboxUser(ws, userId);
    const wrong = hashHeaders(ws, "someone-else");
    const denied = await getInboxPreferences(
      request(userId, { hash: { ...wrong, "x-cue-user-id": userId } }),
      ctx({}),
    );
    expect(denied.status).toBe(401);
    const bad = await read(
      await putInboxPreferences(
        request(userId, {
          method: "PUT",
          body: { preferences: [{ topic: "news", channel: "email" }] },
        }),
        ctx({}),
      ),
    );
    expect(bad.status).toBe(422);
    expect(fields(bad.body)).toEqual(["preferences.0.subscribed"]);
  });
});
