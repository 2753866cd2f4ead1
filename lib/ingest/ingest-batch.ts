import "server-only";
import { prisma } from "@/lib/db/client";
import { isRetryableIngestError } from "./db-errors";
import { writeEvents } from "./insert-events";
import { MAX_BATCH_ITEMS } from "./limits";
import { lookupIdentities } from "./lookup-identities";
import { normalizeMessage } from "./normalize-message";
import { parseTimestamp } from "./parse-timestamp";
import { planIdentities, planIsReadOnly } from "./plan-identities";
import type { IngestResult, NormalizedMessage, Rejection } from "./types";
import { upsertProfiles } from "./upsert-profiles";

export type { IngestResult, RejectedItem } from "./types";

export interface IngestBatchInput {
  workspaceId: string;
  /** Segment calls (track, identify, page, screen, group, alias), each with its `type`. */
  items: unknown[];
  /** When the request arrived; defaults to now. */
  receivedAt?: Date;
  /** The batch's sentAt (ISO-8601 string or Date), for clock-skew correction. */
  sentAt?: unknown;
  /** Hand new events to the journey engine (default true); the demo seed turns it off. */
  evaluate?: boolean;
}

const MAX_ATTEMPTS = 5;

/**
 * Stores a batch of Segment calls: validates each one, drops messageIds
 * already stored, resolves and merges profiles, and writes everything in one
 * transaction. Invalid calls are rejected one by one (and kept in
 * rejected_events); the others are stored regardless.
 *
 * The common case (every id already known) is two round trips: a lookup and
 * one write statement. Batches that create or merge profiles run the same
 * write inside a transaction that locks the profiles first.
 *
 * Larger inputs than an HTTP batch (the demo seed) are written in chunks of
 * MAX_BATCH_ITEMS, one transaction each.
 */
export async function ingestBatch(input: IngestBatchInput): Promise<IngestResult> {
  const receivedAt = input.receivedAt ?? new Date();
  const batchSentAt = parseTimestamp(input.sentAt);
  const result: IngestResult = { accepted: 0, duplicates: 0, rejected: [] };
  for (let start = 0; start < input.items.length; start += MAX_BATCH_ITEMS) {
    const chunk = input.items.slice(start, start + MAX_BATCH_ITEMS);
    const part = await ingestChunk({
      workspaceId: input.workspaceId,
      items: chunk,
      offset: start,
      receivedAt,
      batchSentAt,
      evaluate: input.evaluate ?? true,
    });
    result.accepted += part.accepted;
    result.duplicates += part.duplicates;
    result.rejected.push(...part.rejected);
  }
  return result;
}

async function ingestChunk(chunk: {
  workspaceId: string;
  items: unknown[];
  offset: number;
  receivedAt: Date;
  batchSentAt: Date | null;
  evaluate: boolean;
}): Promise<IngestResult> {
  const { workspaceId, receivedAt, evaluate } = chunk;
  const messages: NormalizedMessage[] = [];
  const rejections: Rejection[] = [];
  const seenIds = new Set<string>();
  let repeated = 0;
  chunk.items.forEach((item, i) => {
    const outcome = normalizeMessage(item, chunk.offset + i, {
      receivedAt,
      batchSentAt: chunk.batchSentAt,
    });
    if (!outcome.ok) {
      rejections.push(outcome.rejection);
    } else if (seenIds.has(outcome.message.messageId)) {
      repeated += 1; // the first copy in the batch wins
    } else {
      seenIds.add(outcome.message.messageId);
      messages.push(outcome.message);
    }
  });
  // Event-time order: inbox rows and trait merges follow it.
  messages.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime() || a.index - b.index);

  const rejected = rejections.map(({ payload: _payload, ...item }) => item);
  if (messages.length === 0 && rejections.length === 0) {
    return { accepted: 0, duplicates: repeated, rejected };
  }

  const inserted = await withRetries(async () => {
    const existing = await lookupIdentities(prisma, workspaceId, messages, { lock: false });
    const plan = planIdentities(messages, existing);
    const write = { workspaceId, receivedAt, messages, rejections, evaluate };
    if (planIsReadOnly(plan)) {
      return writeEvents(prisma, { ...write, profileOf: plan.profileOf });
    }
    return prisma.$transaction(
      async (tx) => {
        // Re-read under row locks: the plan applied is the one made while
        // no other request can change these profiles.
        const locked = await lookupIdentities(tx, workspaceId, messages, { lock: true });
        const lockedPlan = planIdentities(messages, locked);
        await upsertProfiles(tx, workspaceId, lockedPlan);
        return writeEvents(tx, { ...write, profileOf: lockedPlan.profileOf });
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
  });

  return {
    accepted: inserted,
    duplicates: repeated + (messages.length - inserted),
    rejected,
  };
}

/**
 * Concurrent batches for the same new user race to create it; the loser gets
 * a unique violation (or, rarely, a deadlock) and simply runs again, finding
 * the winner's rows.
 */
async function withRetries<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryableIngestError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
