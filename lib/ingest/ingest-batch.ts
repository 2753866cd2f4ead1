import "server-only";
import { genericPlanSql, sqlTransaction } from "@/lib/db/sql";
import { ensureEventPartitions, isMissingEventPartition } from "@/lib/events/event-partitions";
import { runAfterCommit } from "./after-commit";
import { cachedIdentities, forgetIdentities, rememberIdentities } from "./identity-cache";
import { writeEvents } from "./insert-events";
import { MAX_BATCH_ITEMS } from "./limits";
import { lockIdentityCreation } from "./lock-identities";
import { identityKeysOf, lookupIdentities } from "./lookup-identities";
import { normalizeMessage } from "./normalize-message";
import { parseTimestamp } from "./parse-timestamp";
import { type IdentityKind, planIdentities, planIsReadOnly } from "./plan-identities";
import { isRetryableIngestError } from "./retryable-ingest-error";
import { storedMessageIds } from "./stored-message-ids";
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
  /**
   * The id of a new profile, from the identity it is created for (default
   * random). The demo seed makes its profiles' ids reproducible.
   */
  profileId?: (kind: IdentityKind, value: string) => string;
}

const MAX_ATTEMPTS = 5;

/**
 * Stores a batch of Segment calls: validates each one, drops messageIds
 * already stored, resolves and merges profiles, and writes everything in one
 * transaction. Invalid calls are rejected one by one (and kept in
 * rejected_events); the others are stored regardless.
 *
 * The common case (every id already known) is one write statement, plus an
 * identity lookup for ids this process has not seen yet (identity-cache.ts)
 * and the after-commit statement (catalog, engine NOTIFY). Batches that
 * create or merge profiles run the same write inside a transaction that
 * locks the ids and profiles first.
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
      profileId: input.profileId,
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
  profileId?: (kind: IdentityKind, value: string) => string;
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
  // Event-time order: queue rows and trait merges follow it.
  messages.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime() || a.index - b.index);

  const rejected = rejections.map(({ payload: _payload, ...item }) => item);
  if (messages.length === 0 && rejections.length === 0) {
    return { accepted: 0, duplicates: repeated, rejected };
  }

  const keys = identityKeysOf(messages);
  const write = { workspaceId, receivedAt, messages, rejections, evaluate };
  const written = await withRetries(async (attempt) => {
    // A retry never trusts the cache: it may be why the first attempt failed.
    if (attempt > 1) forgetIdentities(workspaceId, keys);
    const { hits, misses } = cachedIdentities(workspaceId, keys);
    const found = await lookupIdentities(genericPlanSql, workspaceId, misses, { lock: false });
    rememberIdentities(workspaceId, found);
    const plan = planIdentities(messages, [...hits, ...found], chunk.profileId);
    if (planIsReadOnly(plan)) {
      return writeEvents(genericPlanSql, { ...write, profileOf: plan.profileOf });
    }
    const result = await sqlTransaction(
      async (tx) => {
        // Re-read under locks, so the plan applied is made while no other
        // request can create these ids or change these profiles.
        await lockIdentityCreation(tx, workspaceId, plan);
        const locked = await lookupIdentities(tx, workspaceId, keys, { lock: true });
        // Retried calls are left out: they change nothing, identities included.
        // (A plan that only reads ids is the same with or without them.)
        const stored = await storedMessageIds(tx, workspaceId, messages);
        const fresh =
          stored.size === 0 ? messages : messages.filter((m) => !stored.has(m.messageId));
        const lockedPlan = planIdentities(fresh, locked, chunk.profileId);
        await upsertProfiles(tx, workspaceId, lockedPlan);
        return writeEvents(tx, { ...write, messages: fresh, profileOf: lockedPlan.profileOf });
      },
      // Ingestion's statements, on its generic-plan connections (lib/db/sql.ts).
      { genericPlans: true, timeoutMs: 30_000 },
    );
    // These ids just changed hands; the next request reads them afresh.
    forgetIdentities(workspaceId, keys);
    return result;
  });
  await runAfterCommit(genericPlanSql, {
    workspaceId,
    messages,
    catalog: written.catalog,
    notify: evaluate && written.inbox > 0,
  });
  const inserted = written.inserted;

  return {
    accepted: inserted,
    duplicates: repeated + (messages.length - inserted),
    rejected,
  };
}

/**
 * What concurrency can still do to a write, each fixed by running it again
 * with fresh lookups (db-errors.ts lists them): the same new messageId stored
 * by a parallel request, a profile merged away since it was looked up, an id
 * created outside the identity locks, a rare deadlock between profile updates;
 * and an event whose week has no partition yet (made here, then retried).
 */
async function withRetries<T>(work: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && isMissingEventPartition(error)) {
        await ensureEventPartitions();
        continue;
      }
      if (attempt >= MAX_ATTEMPTS || !isRetryableIngestError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
