import "server-only";
import { prisma } from "@/lib/db/client";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { type InboxUser, resolveInboxProfileId } from "./authenticate-inbox-user";
import { countInbox, countsSql, type InboxCounts, readCounts, sameCounts } from "./inbox-counts";
import { type InboxItemRow, toInboxItemJson } from "./inbox-item-json";
import { type HubListener, subscribeInbox } from "./inbox-stream";
import { waitForProfile } from "./profile-waiters";

// One SSE connection. The hub only wakes it; it reads its user's rows itself
// (always by workspaceId AND profileId), so a notification never carries
// content and a lost one is repaired by the next read from the last seq.
//
// Events:  `item` (id: seq, data: the item)  `counts` (data: the counts)
//          `: ping` comments as heartbeats, so proxies keep the line open.

export const DEFAULT_HEARTBEAT_MS = 15_000;

/** An item (or, when none is new, nulls) with the user's counts beside it. */
type ItemWithCounts = (InboxItemRow | { [K in keyof InboxItemRow]: null }) & {
  countsByKind: Parameters<typeof readCounts>[0];
};
const BATCH = 100;
// A client this far behind is cut off; it reconnects with Last-Event-ID.
const MAX_QUEUED_CHUNKS = 1_000;
const RECENT_LIMIT = 256;

export interface OpenInboxStreamInput {
  user: InboxUser;
  /** From Last-Event-ID: items after this seq are sent first. */
  lastEventId: bigint | null;
  signal: AbortSignal;
  heartbeatMs?: number;
}

export async function openInboxStream(
  input: OpenInboxStreamInput,
): Promise<ReadableStream<Uint8Array>> {
  const { user, signal } = input;
  const workspaceId = user.workspace.id;
  let profileId = user.profileId;
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let closed = false;
  let unsubscribe: () => void = () => {};
  let heartbeat: NodeJS.Timeout | null = null;

  // Items sent, and seqs announced below the cursor: a transaction that took
  // its seq earlier can commit after a later one, and must still be sent.
  let lastSent = input.lastEventId ?? 0n;
  const pending = new Set<bigint>();
  const recent: bigint[] = [];
  let lastCounts: InboxCounts | null = null;
  let running = false;
  let again = false;

  const write = (text: string) => {
    if (closed || !controller) return;
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED_CHUNKS) return close();
    controller.enqueue(encoder.encode(text));
  };

  const close = () => {
    if (closed) return;
    closed = true;
    if (heartbeat) clearInterval(heartbeat);
    unsubscribe();
    signal.removeEventListener("abort", close);
    try {
      controller?.close();
    } catch {
      // already closed by the client going away
    }
  };

  const pump = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        if (closed) break;
        if (profileId) await sendNewItems(profileId);
        else await sendCounts();
      } while (again && !closed);
    } catch (error) {
      console.error("[cue] inbox stream read failed", error);
      close();
    } finally {
      running = false;
    }
  };

  /**
   * New (and late) items, then the counts: one statement per batch of items
   * (on the hot path of every new item), the counts read in the same
   * snapshot. Returns with the counts sent, when they changed.
   */
  const sendNewItems = async (owner: string) => {
    for (;;) {
      const sent = new Set(recent);
      const late = [...pending].filter((seq) => seq <= lastSent && !sent.has(seq));
      const rows = await queryRows<ItemWithCounts>(Prisma.sql`
        WITH items AS (
          SELECT * FROM inbox_items
          WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${owner}::uuid
            AND "archivedAt" IS NULL
            AND (seq > ${lastSent}::bigint OR seq = ANY(${late}::bigint[]))
            AND ("expiresAt" IS NULL OR "expiresAt" > ${new Date()}::timestamp(3))
          ORDER BY seq LIMIT ${BATCH}
        )
        SELECT i.*, c.by_kind AS "countsByKind"
        FROM (SELECT 1) AS one
        LEFT JOIN items i ON true
        CROSS JOIN (${countsSql(workspaceId, owner, new Date())}) AS c
        ORDER BY i.seq`);
      for (const seq of late) pending.delete(seq);
      const items = rows.filter((row) => row.id !== null) as (InboxItemRow & { seq: bigint })[];
      for (const row of items) {
        write(`id: ${row.seq}\nevent: item\ndata: ${JSON.stringify(toInboxItemJson(row))}\n\n`);
        pending.delete(row.seq);
        if (row.seq > lastSent) lastSent = row.seq;
        recent.push(row.seq);
        if (recent.length > RECENT_LIMIT) recent.shift();
      }
      if (items.length < BATCH || closed) {
        writeCounts(readCounts(rows[0]?.countsByKind ?? null));
        return;
      }
    }
  };

  const writeCounts = (counts: InboxCounts) => {
    if (lastCounts && sameCounts(lastCounts, counts)) return;
    lastCounts = counts;
    write(`event: counts\ndata: ${JSON.stringify(counts)}\n\n`);
  };

  const sendCounts = async () => writeCounts(await countInbox({ workspaceId, profileId }));

  // A user without a profile waits for the first item signal that names
  // theirs (profile-waiters.ts), then listens to that profile only.
  // A failure closes the stream, so the client reconnects rather than wait
  // on a stream that no signal reaches.
  const adopt = async (found: string) => {
    if (profileId || closed) return;
    profileId = found;
    try {
      const previous = unsubscribe;
      unsubscribe = await subscribeInbox(`${workspaceId}:${found}`, listener);
      previous();
    } catch (error) {
      console.error("[cue] inbox stream could not follow its new profile", error);
      close();
      return;
    }
    if (closed) unsubscribe();
    else if (controller) void pump(); // else start() pumps
  };
  // The heartbeat's fallback, for a profile that gained this user id without
  // a new item (an alias): one read per heartbeat, never two at once.
  let resolving = false;
  const resolveProfile = async () => {
    if (profileId || closed || resolving) return;
    resolving = true;
    try {
      const found = await resolveInboxProfileId(workspaceId, user.userId);
      if (found) await adopt(found);
    } finally {
      resolving = false;
    }
  };

  const listener: HubListener = (hubSignal) => {
    // Until the starting cursor is known, a signal must not trigger a read
    // from seq 0 (that would replay the whole inbox to a fresh client).
    if (closed || !initialized || !profileId) return;
    if (hubSignal.type === "item") pending.add(hubSignal.seq);
    void pump();
  };

  let initialized = false;
  // Subscribe before reading anything, so an item committed in between is
  // both read and announced rather than neither.
  // A profile found before the stream is set up is adopted once it is.
  let foundEarly: string | null = null;
  unsubscribe = profileId
    ? await subscribeInbox(`${workspaceId}:${profileId}`, listener)
    : await waitForProfile(workspaceId, user.userId, (found) => {
        if (initialized) void adopt(found);
        else foundEarly = found;
      });
  if (input.lastEventId === null && user.profileId) {
    // Everything visible now counts as already sent: the cursor is the newest
    // seq, and the newest seqs are "recent", so a NOTIFY for one of them that
    // arrives after this read is not mistaken for a late commit below it.
    const visible = await prisma.inboxItem.findMany({
      where: { workspaceId, profileId: user.profileId },
      orderBy: { seq: "desc" },
      select: { seq: true },
      take: RECENT_LIMIT,
    });
    lastSent = visible[0]?.seq ?? 0n;
    recent.push(...visible.map((row) => row.seq).reverse());
  }
  initialized = true;
  if (foundEarly) void adopt(foundEarly);

  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      if (signal.aborted) return close();
      signal.addEventListener("abort", close);
      // Reconnect quickly; EventSource then resends Last-Event-ID itself.
      write("retry: 3000\n\n");
      heartbeat = setInterval(() => {
        write(": ping\n\n");
        if (!profileId) void resolveProfile().catch(() => {});
      }, input.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
      heartbeat.unref();
      void pump();
      // A profile made between authentication and the waiter's registration
      // sent its signal before anyone here listened: look once now.
      if (!profileId) void resolveProfile().catch(() => {});
    },
    cancel() {
      close();
    },
  });
}
