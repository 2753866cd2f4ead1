import "server-only";
import { ApiError, notFound } from "@/lib/api/errors";
import { type JsonPart, jsonPart, jsonTimestamp, queryParts, type RawDb } from "@/lib/db/sql";
import { type MessageStatus, Prisma } from "@/lib/generated/prisma/client";
import { buildTemplateScope } from "@/lib/templates/template-scope";
import { WAKE_CHANNEL } from "@/lib/worker/run-worker";
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
  /**
   * The caller decided not to send (the sending API's topic gate): the
   * message is stored "skipped" with this reason, and nothing is delivered.
   */
  skipReason?: string;
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
  tx: RawDb,
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
  tx: RawDb,
  workspaceId: string,
  indexes: number[],
  inputs: readonly EnqueueMessageInput[],
  outcomes: (EnqueueOutcome | undefined)[],
): Promise<void> {
  const keys = [...new Set(indexes.map((i) => (inputs[i] as EnqueueMessageInput).idempotencyKey))];
  const allProfileIds = [
    ...new Set(indexes.map((i) => (inputs[i] as EnqueueMessageInput).profileId)),
  ];
  // One statement: messages already sent under these keys, and everything
  // rendering needs (the recipients and the workspace's sender settings).
  const { existing, profiles, workspaces } = await queryParts(tx, {
    existing: existingPart(workspaceId, keys),
    profiles: profilesPart(workspaceId, allProfileIds),
    workspaces: workspacePart(workspaceId),
  });
  const pending: number[] = [];
  for (const i of indexes) {
    const input = inputs[i] as EnqueueMessageInput;
    const found = existing.get(input.idempotencyKey);
    if (found) outcomes[i] = { ok: true, result: found };
    else pending.push(i);
  }
  if (pending.length === 0) return;

  const workspace = workspaces[0];
  if (!workspace) throw notFound("Workspace");
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
  const inApp = prepared.filter(
    (p) => created.has(p.row.id) && p.rendered.channel === "in_app" && p.row.status === "sent",
  );
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
  // Inputs whose key lost a race (or repeated within this call) read the winner.
  const unresolved = pending.filter((i) => {
    if (outcomes[i]) return false;
    const p = prepared.find((x) => x.index === i);
    return !p || !created.has(p.row.id);
  });
  const winners =
    unresolved.length === 0
      ? new Map<string, EnqueueMessageResult>()
      : (
          await queryParts(tx, {
            winners: existingPart(
              workspaceId,
              unresolved.map((i) => (inputs[i] as EnqueueMessageInput).idempotencyKey),
            ),
          })
        ).winners;
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

function profilesPart(workspaceId: string, profileIds: readonly string[]): JsonPart<ProfileRow[]> {
  const sql = Prisma.sql`
    SELECT p.id, p."userId", p.email, p.traits, p."unsubscribedAt"
    FROM unnest(${profileIds}::uuid[]) AS k(id)
    -- A probe by key per profile, whatever the statistics say (OFFSET 0: not
    -- flattened; the engine plans it once, see lib/db/sql.ts probePlans).
    CROSS JOIN LATERAL (
      SELECT p.id, p."userId", p.email, p.traits, p."unsubscribedAt" FROM profiles p
      WHERE p."workspaceId" = ${workspaceId} AND p.id = k.id OFFSET 0
    ) p`;
  return jsonPart<
    Omit<ProfileRow, "unsubscribedAt"> & { unsubscribedAt: string | null },
    ProfileRow[]
  >(sql, (rows) => rows.map((p) => ({ ...p, unsubscribedAt: jsonTimestamp(p.unsubscribedAt) })));
}

function workspacePart(
  workspaceId: string,
): JsonPart<{ name: string; resendApiKey: string | null }[]> {
  return jsonPart(
    Prisma.sql`SELECT w.name, w."resendApiKey" FROM workspaces w WHERE w.id = ${workspaceId}`,
    (rows: { name: string; resendApiKey: string | null }[]) => rows,
  );
}

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
    content.channel === "email"
      ? await unsubscribeLinks({ workspaceId, profileId }, content.email.topic)
      : null;
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
    // The same instant as an in-app message's sentAt: created no later than sent.
    createdAt: now,
  };
  if (input.skipReason) {
    const reason = input.skipReason;
    const row = {
      ...base,
      status: "skipped" as const,
      transactional: content.channel === "email" && content.email.transactional,
      toAddress: content.channel === "email" ? profile.email : null,
      subject: rendered.channel === "email" ? rendered.email.subject : rendered.inApp.title,
      error: reason,
    };
    return { index, input, row, eventData: { reason }, rendered };
  }
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
 * the same logical send agree on one row), each new message's first event,
 * and a wake-up for the email worker when one is queued: one statement.
 * Returns the ids actually inserted.
 */
async function insertMessages(tx: RawDb, prepared: readonly Prepared[]): Promise<Set<string>> {
  if (prepared.length === 0) return new Set();
  const rows = prepared.map(({ row, eventData }, n) => ({
    ...row,
    rendered: row.rendered,
    eventData: eventData ?? null,
    createdAt: new Date(row.createdAt ?? Date.now()).toISOString(),
    sentAt: row.sentAt ? new Date(row.sentAt).toISOString() : null,
    n,
  }));
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r(id text, "workspaceId" text, "profileId" uuid, channel "Channel", status "MessageStatus",
             "idempotencyKey" text, source text, "journeyId" text, "runId" text, "nodeId" text,
             "templateId" text, transactional boolean, "toAddress" text, subject text,
             rendered jsonb, error text, "sentAt" timestamp(3), "createdAt" timestamp(3),
             "eventData" jsonb, n int)
    ), inserted AS (
      INSERT INTO messages (id, "workspaceId", "profileId", channel, status, "idempotencyKey",
        source, "journeyId", "runId", "nodeId", "templateId", transactional, "toAddress", subject,
        rendered, error, "sentAt", "createdAt", "updatedAt")
      SELECT id, "workspaceId", "profileId", channel, status, "idempotencyKey", source,
        "journeyId", "runId", "nodeId", "templateId", coalesce(transactional, false), "toAddress",
        subject, rendered, error, "sentAt", "createdAt", "createdAt"
      FROM input ORDER BY n
      ON CONFLICT ("workspaceId", "idempotencyKey") DO NOTHING
      RETURNING id, status
    ), events AS (
      INSERT INTO message_events ("messageId", type, data, at)
      SELECT i.id, i.status::text, i."eventData", i."createdAt"
      FROM input i JOIN inserted USING (id) ORDER BY i.n
    ), woken AS (
      SELECT pg_notify(${WAKE_CHANNEL}, ${EMAIL_DELIVERY_TASK})
      WHERE EXISTS (SELECT 1 FROM inserted WHERE status = 'queued')
    )
    SELECT id, (SELECT count(*) FROM woken)::int AS woken FROM inserted`;
  return new Set(inserted.map((r) => r.id));
}

function existingPart(
  workspaceId: string,
  keys: readonly string[],
): JsonPart<Map<string, EnqueueMessageResult>> {
  const sql =
    keys.length === 0
      ? null
      : Prisma.sql`
    SELECT m.id, m.status::text AS status, m.error, m."idempotencyKey"
    FROM unnest(${[...keys]}::text[]) AS k(key)
    -- A probe of the unique key per idempotency key (see profilesPart).
    CROSS JOIN LATERAL (
      SELECT id, status, error, "idempotencyKey" FROM messages
      WHERE "workspaceId" = ${workspaceId} AND "idempotencyKey" = k.key OFFSET 0
    ) m`;
  return jsonPart<
    { id: string; status: MessageStatus; error: string | null; idempotencyKey: string },
    Map<string, EnqueueMessageResult>
  >(
    sql,
    (rows) =>
      new Map(
        rows.map((r) => [
          r.idempotencyKey,
          { messageId: r.id, created: false, status: r.status, error: r.error },
        ]),
      ),
  );
}

async function suppressedAddresses(
  tx: RawDb,
  workspaceId: string,
  emails: readonly string[],
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ email: string }[]>`
    SELECT email FROM suppressions
    WHERE "workspaceId" = ${workspaceId} AND email = ANY(${[...new Set(emails)]}::text[])`;
  return new Set(rows.map((r) => r.email));
}
