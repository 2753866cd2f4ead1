import { randomBytes } from "node:crypto";
import { deliverInApp } from "@/lib/channels/in-app/deliver-in-app";
import type { RenderedInApp } from "@/lib/channels/in-app/rendered-in-app";
import { prisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { computeUserHash } from "@/lib/inbox/inbox-token";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import type { TestWorkspace } from "@/test/fixtures/workspace";

// Tests put items in the inbox the way the channel does: a sent in-app
// Message row, then deliverInApp in a transaction.

/** A profile with this user id, created through ingestion like a real identify. */
export async function createInboxUser(ws: TestWorkspace, userId: string): Promise<string> {
  await ingestBatch({
    workspaceId: ws.workspaceId,
    items: [
      { type: "identify", userId, traits: { name: userId }, messageId: `id-${userId}-${rand()}` },
    ],
    evaluate: false,
  });
  const identity = await prisma.profileIdentity.findUniqueOrThrow({
    where: {
      workspaceId_kind_value: { workspaceId: ws.workspaceId, kind: "userId", value: userId },
    },
  });
  return identity.profileId;
}

export function rendered(overrides: Partial<RenderedInApp> = {}): RenderedInApp {
  return {
    kind: "card",
    title: "Welcome",
    body: "Hello **there**",
    bodyHtml: "<p>Hello <strong>there</strong></p>",
    ...overrides,
  };
}

export async function deliver(
  ws: TestWorkspace,
  profileId: string,
  overrides: Partial<RenderedInApp> = {},
  options: { client?: PrismaClient; journeyId?: string } = {},
): Promise<{ inboxItemId: string; seq: bigint; messageId: string }> {
  const client = options.client ?? prisma;
  const content = rendered(overrides);
  const message = await client.message.create({
    data: {
      workspaceId: ws.workspaceId,
      profileId,
      channel: "in_app",
      status: "sent",
      idempotencyKey: `test-${rand()}`,
      source: "test",
      journeyId: options.journeyId,
      rendered: content,
      sentAt: new Date(),
    },
  });
  const result = await client.$transaction((tx) =>
    deliverInApp(tx, {
      workspaceId: ws.workspaceId,
      profileId,
      messageId: message.id,
      journeyId: message.journeyId,
      rendered: content,
    }),
  );
  return { ...result, messageId: message.id };
}

export function hashHeaders(ws: TestWorkspace, userId: string): Record<string, string> {
  return {
    "x-cue-write-key": ws.writeKey,
    "x-cue-user-id": userId,
    "x-cue-user-hash": computeUserHash(ws.inboxSecret, userId),
  };
}

export function hashQuery(ws: TestWorkspace, userId: string): string {
  return new URLSearchParams({
    write_key: ws.writeKey,
    user_id: userId,
    user_hash: computeUserHash(ws.inboxSecret, userId),
  }).toString();
}

export const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });

export function get(path: string, headers: Record<string, string> = {}): Request {
  return new Request(`http://cue.test${path}`, { headers });
}

export function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://cue.test${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export function rand(): string {
  return randomBytes(6).toString("hex");
}
