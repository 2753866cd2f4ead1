import type { RawDb } from "@/lib/db/sql";

// The NOTIFY contract between whoever writes the inbox (workers, web
// instances) and every process holding SSE streams. The payload only says
// whose inbox changed; streams read the rows themselves, so a payload never
// carries content and never nears PostgreSQL's 8 kB limit.
//
//   `${workspaceId}:${profileId}:${seq}`  a new item (seq = its feed position)
//   `${workspaceId}:${profileId}:c`       read/seen/archived state changed (counts)

export const INBOX_CHANNEL = "cue_inbox";

export interface InboxSignal {
  workspaceId: string;
  profileId: string;
  /** The new item's seq, or null when only the state (and so the counts) changed. */
  seq: bigint | null;
}

export function formatInboxSignal(signal: InboxSignal): string {
  return `${signal.workspaceId}:${signal.profileId}:${signal.seq === null ? "c" : signal.seq.toString()}`;
}

export function parseInboxSignal(payload: string): InboxSignal | null {
  const parts = payload.split(":");
  if (parts.length !== 3) return null;
  const [workspaceId, profileId, tail] = parts as [string, string, string];
  if (!workspaceId || !profileId) return null;
  if (tail === "c") return { workspaceId, profileId, seq: null };
  if (!/^\d{1,19}$/.test(tail)) return null;
  return { workspaceId, profileId, seq: BigInt(tail) };
}

/** Inside a transaction the notification is delivered at commit, never before. */
export async function notifyInbox(db: RawDb, signal: InboxSignal): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${INBOX_CHANNEL}, ${formatInboxSignal(signal)})`;
}

/** One NOTIFY per signal, in one statement (delivered at commit, in order). */
export async function notifyInboxes(db: RawDb, signals: readonly InboxSignal[]): Promise<void> {
  if (signals.length === 0) return;
  if (signals.length === 1) return notifyInbox(db, signals[0] as InboxSignal);
  const payloads = signals.map(formatInboxSignal);
  await db.$executeRaw`SELECT pg_notify(${INBOX_CHANNEL}, p) FROM unnest(${payloads}::text[]) WITH ORDINALITY AS t(p, n) ORDER BY n`;
}
