import "server-only";
import { randomUUID } from "node:crypto";
import type { ClaimedEmail } from "@/lib/channels/email/claim-due-emails";
import { applyResendEvent } from "@/lib/channels/email/handle-resend-webhook";
import { recordSendOutcome } from "@/lib/channels/email/record-send-outcome";
import { sql, sqlTransaction } from "@/lib/db/sql";
import { processDueRuns } from "@/lib/engine/process-due-runs";
import { processEvents } from "@/lib/engine/process-events";
import { sweepInactivity } from "@/lib/engine/sweep-inactivity";
import { updateInboxItem } from "@/lib/inbox/update-inbox-state";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import type { IdentityKind } from "@/lib/ingest/plan-identities";
import type { SegmentMessage } from "./demo-data";
import { type DemoMessage, reactToMessage } from "./demo-history/react-to-message";
import { HOUR } from "./demo-history/world";
import { DEMO_JOURNEYS, demoJourneyDefinition } from "./ensure-demo-journeys";

// Plays the demo's history through the live engine as if Cue had been
// running all along: the clock advances a few hours at a time, each step's
// calls are ingested (received at the end of the step) and the engine's own
// tasks run at that instant (queued events, due timers, the inactivity
// sweep), each deciding by event time as it does live. After each step the
// demo users react to what the engine sent them (react-to-message.ts): their
// opens and clicks, and the product events some of them lead to, reach Cue
// in the next step, as late calls do. The simulated email provider (no
// network, ever) reports each email sent, then delivered, opened and
// clicked through the code Resend's webhooks run, so no email of the history
// is left for the delivery worker.
//
// Replaying is harmless: calls are deduplicated by messageId, the engine
// finds nothing left to do for steps already played, an email already sent
// is not claimed again, and the provider's events are recorded once each. So
// a seed interrupted half-way resumes by playing the history again.

/**
 * How far the clock moves at a time. Each step costs a few transactions
 * whatever it holds, and the engine decides by event time, so a step only
 * sets how late the users' reactions reach Cue (at most one step).
 */
const TICK = 6 * HOUR;
const BATCH = 500;
const quiet = () => {};

interface PendingEmail {
  messageId: string;
  type: string;
  at: number;
}
interface PendingInbox {
  id: string;
  profileId: string;
  userId: string;
  action: "seen" | "clicked";
  at: number;
}

export interface PlayResult {
  calls: number;
  messages: number;
}

export async function playDemoHistory(input: {
  workspaceId: string;
  history: readonly SegmentMessage[];
  from: Date;
  now: Date;
  seed: number;
  /** The id of a new profile from its identity (ingestBatch's profileId); random when absent. */
  profileId?: (kind: IdentityKind, value: string) => string;
}): Promise<PlayResult> {
  const { workspaceId, history, seed } = input;
  const until = input.now.getTime();
  const slugOf = journeySlugs();
  let reactions: SegmentMessage[] = [];
  let emails: PendingEmail[] = [];
  let inbox: PendingInbox[] = [];
  /** Messages whose recipients have reacted (a deferred send is created after its step). */
  const handled = new Set<string>();
  let next = 0;
  let calls = 0;
  let messages = 0;
  for (let start = input.from.getTime(); start < until; start += TICK) {
    const end = Math.min(start + TICK, until);
    const tickEnd = new Date(end);
    // This step's calls: the generated history's, and the reactions so far.
    const items: SegmentMessage[] = [];
    while (next < history.length && Date.parse(history[next].timestamp) < end) {
      items.push(history[next++]);
    }
    const [due, later] = partition(reactions, (c) => Date.parse(c.timestamp) < end);
    reactions = later;
    items.push(...due);
    items.sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
    await ingest(workspaceId, items, tickEnd, input.profileId);
    calls += items.length;
    await runEngine(tickEnd);

    const [emailNow, emailLater] = partition(emails, (e) => e.at < end);
    emails = emailLater;
    await recordProviderEvents(emailNow);
    const [inboxNow, inboxLater] = partition(inbox, (i) => i.at < end);
    inbox = inboxLater;
    for (const { at, ...item } of inboxNow) {
      await updateInboxItem({ workspaceId, ...item, at: new Date(at) });
    }

    // What the engine sent in this step, and what its recipients do about it.
    const created = (await messagesCreated(workspaceId, end)).filter((m) => !handled.has(m.id));
    for (const message of created) handled.add(message.id);
    await sendThroughDemoProvider(
      workspaceId,
      created.filter((m) => m.channel === "email"),
    );
    for (const message of created) {
      const journey = slugOf.get(message.journeyName);
      if (!journey || !message.userId) continue;
      messages += 1;
      const demo: DemoMessage = {
        id: message.id,
        userId: message.userId,
        journey,
        nodeId: message.nodeId,
        channel: message.channel,
        at: message.createdAt.getTime(),
      };
      const reaction = reactToMessage(demo, { seed, until });
      for (const { type, at } of reaction.email) emails.push({ messageId: message.id, type, at });
      const { inboxItemId: id, profileId, userId } = message;
      // Clicking an item marks it seen too (update-inbox-state.ts): one action.
      const clicked = reaction.inbox.find((i) => i.action === "clicked");
      const action = clicked ?? reaction.inbox[0];
      if (id && profileId && action) inbox.push({ id, profileId, userId, ...action });
      reaction.calls.forEach(({ ts, ...call }, k) => {
        reactions.push({ ...call, messageId: `demo-${message.id}-${k}`, timestamp: iso(ts) });
      });
    }
  }
  return { calls, messages };
}

async function ingest(
  workspaceId: string,
  items: SegmentMessage[],
  receivedAt: Date,
  profileId?: (kind: IdentityKind, value: string) => string,
) {
  if (items.length === 0) return;
  const result = await ingestBatch({ workspaceId, items, receivedAt, profileId });
  const [first] = result.rejected;
  if (first) {
    // The generator must only produce valid calls; a rejection is a bug there.
    const item = items[first.index];
    throw new Error(
      `Demo call ${item?.messageId} was rejected: ${first.code} ${first.field ?? "(item)"}: ${first.message}`,
    );
  }
}

/**
 * The engine's three tasks at `at`, as the worker runs them, until none has
 * anything left: queued events, due timers, the inactivity sweep.
 */
async function runEngine(at: Date): Promise<void> {
  const options = { now: () => at, log: quiet, allowedLatenessMs: 0, batchSize: BATCH };
  let events = true;
  let timers = true;
  let sweep = true;
  while (events || timers || sweep) {
    if (events) events = (await processEvents(options)).events >= BATCH;
    if (timers) timers = (await processDueRuns(options)).claimed >= BATCH;
    if (sweep) sweep = (await sweepInactivity(options)).considered >= BATCH;
  }
}

function journeySlugs(): Map<string, string> {
  return new Map(DEMO_JOURNEYS.map((j) => [demoJourneyDefinition(j).name, j.slug]));
}

interface CreatedMessage {
  id: string;
  channel: "email" | "in_app";
  nodeId: string;
  createdAt: Date;
  journeyName: string;
  userId: string | null;
  profileId: string | null;
  inboxItemId: string | null;
}

function messagesCreated(workspaceId: string, to: number) {
  return sql.$queryRaw<CreatedMessage[]>`
    SELECT m.id, m.channel::text AS channel, m."nodeId", m."createdAt", j.name AS "journeyName",
      p."userId", m."profileId", i.id AS "inboxItemId"
    FROM messages m
    JOIN journeys j ON j.id = m."journeyId" AND j."workspaceId" = m."workspaceId"
    JOIN profiles p ON p.id = m."profileId" AND p."workspaceId" = m."workspaceId"
    LEFT JOIN inbox_items i ON i."messageId" = m.id AND i."workspaceId" = m."workspaceId"
    WHERE m."workspaceId" = ${workspaceId}
      AND m."createdAt" < ${new Date(to)}::timestamp(3)
      AND m.status NOT IN ('skipped', 'failed')
    ORDER BY m."createdAt", m.id`;
}

/**
 * The delivery worker's claim and record, with a provider that accepts at
 * once: each email is sent a second after the engine created it. Only
 * emails not sent yet are claimed, so replaying sends nothing twice.
 */
async function sendThroughDemoProvider(
  workspaceId: string,
  created: readonly { id: string; createdAt: Date }[],
): Promise<void> {
  if (created.length === 0) return;
  const leaseId = randomUUID();
  const claimed = await sql.$queryRaw<ClaimedEmail[]>`
    UPDATE messages SET status = 'sending', attempts = attempts + 1, "leaseId" = ${leaseId},
      "firstAttemptAt" = COALESCE("firstAttemptAt", "createdAt" + interval '1 second'),
      "updatedAt" = "createdAt" + interval '1 second'
    WHERE id = ANY(${created.map((m) => m.id)}::text[]) AND "workspaceId" = ${workspaceId}
      AND channel = 'email' AND status IN ('queued', 'outbox')
    RETURNING id, "workspaceId", "profileId", "idempotencyKey", "keyGeneration", "leaseId",
      "toAddress", transactional, attempts, "firstAttemptAt", rendered`;
  for (const message of claimed) {
    const at = new Date((message.firstAttemptAt ?? new Date()).getTime());
    await recordSendOutcome(message, { kind: "sent", providerId: `demo_${message.id}` }, at);
  }
}

/** The simulated provider's webhook events, each recorded once. */
async function recordProviderEvents(events: readonly PendingEmail[]): Promise<void> {
  if (events.length === 0) return;
  await sqlTransaction(async (tx) => {
    for (const event of [...events].sort((a, b) => a.at - b.at)) {
      const at = new Date(event.at);
      const receipt = await tx.$executeRaw`
        INSERT INTO webhook_receipts (id, "receivedAt")
        VALUES (${`demo:${event.messageId}:${event.type}`}, ${at}::timestamp(3))
        ON CONFLICT DO NOTHING`;
      if (receipt === 0) continue;
      await applyResendEvent(tx, {
        type: event.type,
        created_at: at.toISOString(),
        data: { email_id: `demo_${event.messageId}` },
      });
    }
  });
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}

const iso = (ms: number) => new Date(Math.floor(ms)).toISOString();
