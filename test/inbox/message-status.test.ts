import { beforeAll, describe, expect, it } from "vitest";
import { POST as actionRoute } from "@/app/api/v1/inbox/[id]/[action]/route";
import { GET as listRoute } from "@/app/api/v1/inbox/route";
import { prisma } from "@/lib/db/client";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { createInboxUser, ctx, deliver, hashHeaders, post } from "./inbox-fixtures";

// An in-app message's status follows its inbox item, with a timeline event
// at each first seen / read / clicked / archived time.

let ws: TestWorkspace;
let ada: string;

beforeAll(async () => {
  ws = await createTestWorkspace("In-app status");
  ada = await createInboxUser(ws, "ada");
});

async function act(id: string, action: string) {
  const response = await actionRoute(
    post(`/api/v1/inbox/${id}/${action}`, undefined, hashHeaders(ws, "ada")),
    ctx({ id, action }),
  );
  expect(response.status).toBe(200);
}
const message = (id: string) =>
  prisma.message.findUniqueOrThrow({
    where: { id },
    include: { events: { orderBy: { id: "asc" } } },
  });

describe("in-app message status", () => {
  it("follows the inbox: delivered, seen, read, clicked, archived, and back on undo, with timestamps", async () => {
    const { inboxItemId, messageId } = await deliver(ws, ada);
    expect((await message(messageId)).status).toBe("sent");
    const list = await listRoute(
      new Request("http://cue.test/api/v1/inbox", { headers: hashHeaders(ws, "ada") }),
    );
    expect(list.status).toBe(200);
    expect((await message(messageId)).status).toBe("delivered");

    await act(inboxItemId, "seen");
    expect((await message(messageId)).status).toBe("seen");
    await act(inboxItemId, "read");
    expect((await message(messageId)).status).toBe("read");
    await act(inboxItemId, "unread");
    expect((await message(messageId)).status).toBe("seen");
    await act(inboxItemId, "clicked");
    expect((await message(messageId)).status).toBe("clicked");
    await act(inboxItemId, "archived");
    expect((await message(messageId)).status).toBe("archived");
    await act(inboxItemId, "unarchived");

    const final = await message(messageId);
    expect(final.status).toBe("clicked");
    const item = await prisma.inboxItem.findUniqueOrThrow({ where: { id: inboxItemId } });
    const at = (type: string) => final.events.filter((e) => e.type === type).map((e) => e.at);
    expect(at("delivered")).toHaveLength(1);
    expect(at("seen")).toEqual([item.seenAt]);
    expect(at("clicked")).toEqual([item.clickedAt]);
    expect(at("archived")).toHaveLength(1);
    // read twice: first time, then again after "unread"
    expect(at("read")).toHaveLength(2);
    expect(at("read").at(-1)).toEqual(item.readAt);
  });
});
