import { beforeAll, describe, expect, it } from "vitest";
import { listMessages } from "@/lib/channels/list-messages";
import { enqueueMessage } from "@/lib/channels/send-message";
import { prisma } from "@/lib/db/client";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { findProfileIdByReference } from "@/lib/profiles/find-profile";
import { createTestWorkspace } from "../fixtures/workspace";

// The Messages page's user filter and the profile's Messages tab: a member
// names a user the way they know them, and sees every message to that user,
// including the ones sent before an anonymous visitor identified.

let workspaceId: string;
let otherWorkspaceId: string;

const card = (title: string) => ({
  channel: "in_app" as const,
  inApp: { kind: "card" as const, title, body: "Welcome" },
});

async function idOf(workspace: string, kind: "userId" | "anonymousId", value: string) {
  const identity = await prisma.profileIdentity.findUniqueOrThrow({
    where: { workspaceId_kind_value: { workspaceId: workspace, kind, value } },
  });
  return identity.profileId;
}

async function send(profileId: string, title: string) {
  await prisma.$transaction((tx) =>
    enqueueMessage(tx, {
      workspaceId,
      profileId,
      content: card(title),
      idempotencyKey: `ref-${title}`,
      source: "test",
    }),
  );
}

const find = (reference: string, workspace = workspaceId) =>
  findProfileIdByReference({ workspaceId: workspace, reference });

beforeAll(async () => {
  ({ workspaceId } = await createTestWorkspace("A"));
  ({ workspaceId: otherWorkspaceId } = await createTestWorkspace("B"));
  await ingestBatch({
    workspaceId,
    items: [
      { type: "identify", userId: "u-ann", traits: { email: "Ann@Acme.test", name: "Ann" } },
      { type: "identify", userId: "u-bob", traits: { email: "bob@acme.test" } },
      { type: "track", anonymousId: "anon-ann", event: "Viewed Pricing" },
    ],
  });
  await ingestBatch({
    workspaceId: otherWorkspaceId,
    items: [{ type: "identify", userId: "u-cat", traits: { email: "cat@acme.test" } }],
  });
});

describe("a user named by what a marketer knows", () => {
  it("finds a profile by user id, email in any case, anonymous id or profile id", async () => {
    const ann = await idOf(workspaceId, "userId", "u-ann");
    expect(await find("u-ann")).toBe(ann);
    expect(await find("  u-ann ")).toBe(ann);
    expect(await find("ann@acme.test")).toBe(ann);
    expect(await find("ANN@ACME.TEST")).toBe(ann);
    expect(await find(ann)).toBe(ann);
    expect(await find(ann.toUpperCase())).toBe(ann);
    expect(await find("anon-ann")).toBe(await idOf(workspaceId, "anonymousId", "anon-ann"));
    expect(await find("bob@acme.test")).toBe(await idOf(workspaceId, "userId", "u-bob"));
  });

  it("finds nothing for unknown names, blanks, and another workspace's users", async () => {
    expect(await find("")).toBeNull();
    expect(await find("   ")).toBeNull();
    expect(await find("u-nobody")).toBeNull();
    expect(await find("nobody@acme.test")).toBeNull();
    expect(await find("00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await find("u-cat")).toBeNull();
    expect(await find("cat@acme.test")).toBeNull();
    const cat = await idOf(otherWorkspaceId, "userId", "u-cat");
    expect(await find(cat)).toBeNull();
    expect(await find("u-cat", otherWorkspaceId)).toBe(cat);
  });

  it("lists a user's messages, those sent while anonymous included, and nobody else's", async () => {
    const visitor = await idOf(workspaceId, "anonymousId", "anon-ann");
    await send(visitor, "before-identify");
    await ingestBatch({
      workspaceId,
      items: [{ type: "identify", anonymousId: "anon-ann", userId: "u-ann" }],
    });
    const ann = await find("ann@acme.test");
    expect(ann).not.toBeNull();
    await send(ann ?? "", "after-identify");
    await send(await idOf(workspaceId, "userId", "u-bob"), "to-bob");

    const page = await listMessages({ workspaceId, query: { profileId: ann ?? "", limit: 10 } });
    expect(page.messages).toHaveLength(2);
    expect(new Set(page.messages.map((m) => m.profileId))).toEqual(new Set([ann]));
    expect(page.messages[0]?.profile?.userId).toBe("u-ann");
    // The anonymous id now names the merged profile too.
    expect(await find("anon-ann")).toBe(ann);
  });
});
