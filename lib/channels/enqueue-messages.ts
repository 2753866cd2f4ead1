import "server-only";
import { ApiError, notFound } from "@/lib/api/errors";
import type { MessageStatus, Prisma } from "@/lib/generated/prisma/client";
import { buildTemplateScope } from "@/lib/templates/template-scope";
import { notifyWorkers } from "@/lib/worker/run-worker";
import { assertContentValid } from "./check-content";
import { decideEmail, OUTBOX_NOTE } from "./email/email-policy";
import { EMAIL_DELIVERY_TASK } from "./email/email-task";
import { resolveResendApiKey } from "./email/resend-client";
import { normalizeAddress } from "./email/suppression";
import { deliverInAppItems } from "./in-app/deliver-in-app";
import { newMessageId } from "./insert-message";
import type { MessageContent } from "./message-content";
import { type RenderedMessage, renderContent } from "./render-content";
import { unsubscribeLinks } from "./unsubscribe-token";

type Tx = Prisma.TransactionClient;

export interface EnqueueMessageInput {
  workspaceId: string;
  profileId: string;
  content: MessageContent;
  /** Stable for the logical send (e.g. run + node); a repeat finds the first message. */
  idempotencyKey: string;
  source: "journey" | "test" | "api";
  journey?: { id: string; name: string };
  runId?: string;
  nodeId?: string;
  templateId?: string;
  /** The triggering event's properties, `event` in templates. */
  eventProperties?: Record<string, unknown>;
  /** The engine's clock: Message.createdAt, in-app sentAt and expiry. Defaults to now. */
  now?: Date;
}

export interface EnqueueMessageResult {
  messageId: string;
  /** False when a message with this idempotency key already existed (nothing new happened). */
  created: boolean;
  status: MessageStatus;
  /** Why it was skipped or failed, when it was. */
  error: string | null;
}

/** One result per input: the message, or the ApiError that refused it (nothing stored). */
export type EnqueueOutcome =
  | { ok: true; result: EnqueueMessageResult }
  | { ok: false; error: ApiError };

interface Prepared {
  index: number;
  input: EnqueueMessageInput;
  row: Prisma.MessageCreateManyInput & { id: string; status: MessageStatus; error: string | null };
  eventData: Prisma.InputJsonValue | undefined;
  rendered: RenderedMessage;
}

/**
 * Creates messages for profiles inside the caller's transaction, so the
 * journey engine commits run state and messages together. The same rules as
 * one send, in a fixed number of statements for the whole list:
 *
 * - a message with the same (workspace, idempotency key) is returned untouched;
 * - templates with Liquid errors are refused (ApiError validation_failed) and
 *   nothing is stored for that input;
 * - the content is rendered for the profile and stored in Message.rendered;
 * - email: "queued" for the delivery worker (woken at commit), "outbox" when
 *   no Resend key is configured, or "skipped" with the reason (no address,
 *   suppressed, unsubscribed from marketing);
 * - in-app: delivered to the inbox at once, "sent", with one NOTIFY per item.
 *
 * Two inputs with the same key in one call: the first wins, the second gets
 * its message with created = false.
 */
export async function enqueueMessages(
  tx: Tx,
  inputs: readonly EnqueueMessageInput[],
): Promise<EnqueueOutcome[]> {
  const outcomes: (EnqueueOutcome | undefined)[] = new Array(inputs.length);
  const byWorkspace = new Map<string, number[]>();
  inputs.forEach((input, i) => {
    const list = byWorkspace.get(input.workspaceId) ?? [];
    list.push(i);
    byWorkspace.set(input.workspaceId, list);
  });
  for (const [workspaceId, indexes] of byWorkspace) {
    await enqueueForWorkspace(tx, workspaceId, indexes, inputs, outcomes);
  }
  return outcomes.map((o) => {
    if (!o) throw new Error("enqueueMessages left an input without an outcome");
    return o;
  });
}

async function enqueueForWorkspace(
  tx: Tx,
  workspaceId: string,
  indexes: number[],
  inputs: readonly EnqueueMessageInput[],
  outcomes: (EnqueueOutcome | undefined)[],
): Promise<void> {
  const keys = [...new Set(indexes.map((i) => (inputs[i] as EnqueueMessageInput).idempotencyKey))];
  const existing = await existingByKey(tx, workspaceId, keys);
  const pending: number[] = [];
  for (const i of indexes) {
    const input = inputs[i] as EnqueueMessageInput;
    const found = existing.get(input.idempotencyKey);
    if (found) outcomes[i] = { ok: true, result: found };
    else pending.push(i);
  }
  if (pending.length === 0) return;

  const profileIds = [...new Set(pending.map((i) => (inputs[i] as EnqueueMessageInput).profileId))];
  const [profiles, workspace] = await Promise.all([
    tx.profile.findMany({
      where: { id: { in: profileIds }, workspaceId },
      select: { id: true, userId: true, email: true, traits: true, unsubscribedAt: true },
    }),
    tx.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { name: true, resendApiKey: true },
    }),
  ]);
  const profileById = new Map(profiles.map((p) => [p.id, p]));
  const emails = pending.flatMap((i) => {
    const input = inputs[i] as EnqueueMessageInput;
    const email = profileById.get(input.profileId)?.email;
    return input.content.channel === "email" && email ? [normalizeAddress(email)] : [];
  });
  const suppressed = await suppressedAddresses(tx, workspaceId, emails);
  const hasApiKey = resolveResendApiKey(workspace) !== null;

  const prepared: Prepared[] = [];
  const claimedKeys = new Set<string>();
  for (const index of pending) {
    const input = inputs[index] as EnqueueMessageInput;
    if (claimedKeys.has(input.idempotencyKey)) continue; // resolved after the insert
    try {
      const profile = profileById.get(input.profileId);
      if (!profile) throw notFound("Profile");
      assertContentValid(input.content);
      prepared.push(
        await prepareMessage(index, input, profile, {
          workspaceName: workspace.name,
          hasApiKey,
          suppressed,
        }),
      );
      claimedKeys.add(input.idempotencyKey);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      outcomes[index] = { ok: false, error };
    }
  }

  const created = await insertMessages(tx, prepared);
  const inApp = prepared.filter((p) => created.has(p.row.id) && p.rendered.channel === "in_app");
  await deliverInAppItems(
    tx,
    inApp.map((p) => ({
      workspaceId,
      profileId: p.input.profileId,
      messageId: p.row.id,
      journeyId: p.input.journey?.id ?? null,
      rendered: (p.rendered as Extract<RenderedMessage, { channel: "in_app" }>).inApp,
    })),
  );
  if (prepared.some((p) => created.has(p.row.id) && p.row.status === "queued")) {
    await notifyWorkers(tx, EMAIL_DELIVERY_TASK);
  }

  // Inputs whose key lost a race (or repeated within this call) read the winner.
  const unresolved = pending.filter((i) => {
    if (outcomes[i]) return false;
    const p = prepared.find((x) => x.index === i);
    return !p || !created.has(p.row.id);
  });
  const winners = await existingByKey(
    tx,
    workspaceId,
    unresolved.map((i) => (inputs[i] as EnqueueMessageInput).idempotencyKey),
  );
  for (const p of prepared) {
    if (!created.has(p.row.id)) continue;
    const { id, status, error } = p.row;
    outcomes[p.index] = { ok: true, result: { messageId: id, created: true, status, error } };
  }
  for (const i of unresolved) {
    const winner = winners.get((inputs[i] as EnqueueMessageInput).idempotencyKey);
    if (!winner) throw new Error("Message insert conflicted but no message was found.");
    outcomes[i] = { ok: true, result: winner };
  }
}

type ProfileRow = {
  id: string;
  userId: string | null;
  email: string | null;
  traits: Prisma.JsonValue;
  unsubscribedAt: Date | null;
};

async function prepareMessage(
  index: number,
  input: EnqueueMessageInput,
  profile: ProfileRow,
  ws: { workspaceName: string; hasApiKey: boolean; suppressed: ReadonlySet<string> },
): Promise<Prepared> {
  const { workspaceId, profileId, content } = input;
  const id = newMessageId();
  const now = input.now ?? new Date();
  const links =
    content.channel === "email" ? await unsubscribeLinks({ workspaceId, profileId }) : null;
  const scope = buildTemplateScope({
    profile,
    eventProperties: input.eventProperties,
    journey: input.journey ?? null,
    message: { id, channel: content.channel },
    unsubscribeUrl: links?.pageUrl,
  });
  const rendered = await renderContent(content, scope, {
    now,
    workspaceName: ws.workspaceName,
    unsubscribe: links,
  });
  const base = {
    id,
    workspaceId,
    profileId,
    channel: content.channel,
    idempotencyKey: input.idempotencyKey,
    source: input.source,
    journeyId: input.journey?.id ?? null,
    runId: input.runId ?? null,
    nodeId: input.nodeId ?? null,
    templateId: input.templateId ?? null,
    rendered: rendered as unknown as Prisma.InputJsonValue,
    createdAt: input.now,
  };
  if (rendered.channel === "in_app") {
    const row = {
      ...base,
      status: "sent" as const,
      transactional: false,
      subject: rendered.inApp.title,
      sentAt: now,
      error: null,
    };
    return { index, input, row, eventData: undefined, rendered };
  }
  const transactional = content.channel === "email" && content.email.transactional;
  const decision = decideEmail({
    toAddress: profile.email,
    suppressed: profile.email ? ws.suppressed.has(normalizeAddress(profile.email)) : false,
    unsubscribed: profile.unsubscribedAt !== null,
    transactional,
    hasApiKey: ws.hasApiKey,
  });
  const reason = decision.status === "skipped" ? decision.reason : null;
  const row = {
    ...base,
    status: decision.status,
    transactional,
    toAddress: profile.email,
    subject: rendered.email.subject,
    error: reason,
  };
  const eventData = reason
    ? { reason }
    : decision.status === "outbox"
      ? { note: OUTBOX_NOTE }
      : undefined;
  return { index, input, row, eventData, rendered };
}

/**
 * INSERT … ON CONFLICT DO NOTHING for all of them (two concurrent enqueues of
 * the same logical send agree on one row), then each new message's first event.
 * Returns the ids actually inserted.
 */
async function insertMessages(tx: Tx, prepared: readonly Prepared[]): Promise<Set<string>> {
  if (prepared.length === 0) return new Set();
  const rows = await tx.message.createManyAndReturn({
    data: prepared.map((p) => p.row),
    skipDuplicates: true,
    select: { id: true },
  });
  const created = new Set(rows.map((r) => r.id));
  const events = prepared
    .filter((p) => created.has(p.row.id))
    .map((p) => ({
      messageId: p.row.id,
      type: p.row.status,
      data: p.eventData,
      at: p.input.now,
    }));
  if (events.length > 0) await tx.messageEvent.createMany({ data: events });
  return created;
}

async function existingByKey(
  tx: Tx,
  workspaceId: string,
  keys: readonly string[],
): Promise<Map<string, EnqueueMessageResult>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.message.findMany({
    where: { workspaceId, idempotencyKey: { in: [...keys] } },
    select: { id: true, status: true, error: true, idempotencyKey: true },
  });
  return new Map(
    rows.map((r) => [
      r.idempotencyKey,
      { messageId: r.id, created: false, status: r.status, error: r.error },
    ]),
  );
}

async function suppressedAddresses(
  tx: Tx,
  workspaceId: string,
  emails: readonly string[],
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await tx.suppression.findMany({
    where: { workspaceId, email: { in: [...new Set(emails)] } },
    select: { email: true },
  });
  return new Set(rows.map((r) => r.email));
}
