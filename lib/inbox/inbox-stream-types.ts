import type { InboxCounts } from "./inbox-counts-shape";
import type { InboxItemJson } from "./inbox-item-json";
import type { SseFrame } from "./sse-frame";

// The words of the inbox stream's state machine (inbox-stream-machine.ts):
// its states, the events it hears and the commands it gives its shell
// (open-inbox-stream.ts). A state carries only what its phase can have, so
// "reading but no profile" or "a look-up running while following" cannot be
// written down.

/** Items per read; a full batch is followed at once by the next. */
export const READ_BATCH = 100;
/** Seqs remembered as sent, so a late NOTIFY for one is not taken for a late commit. */
export const RECENT_LIMIT = 256;
/** EventSource's reconnect delay; it then resends Last-Event-ID itself. */
export const RETRY_MS = 3_000;

/** The profile's hub key, or the registration with the workspace's profile waiters. */
export type Subscription = "profile" | "waiter";

/**
 * Where the stream is in its user's items. A transaction that took its seq
 * earlier can commit after a later one: its NOTIFY names a seq at or below
 * lastSent that was never sent (a late commit), and it must still be sent.
 */
export interface Cursor {
  /** The newest seq sent (without Last-Event-ID, at first the newest visible at connect). */
  readonly lastSent: bigint;
  /** Seqs announced by a signal and not read yet. */
  readonly pending: readonly bigint[];
  /** The newest seqs sent or visible at connect, oldest first, at most RECENT_LIMIT. */
  readonly recent: readonly bigint[];
}

/** A stream following a profile. counts: the counts last sent (null: none yet). */
export interface Following {
  readonly profileId: string;
  readonly cursor: Cursor;
  readonly counts: InboxCounts | null;
}

export type InboxStreamState =
  /** Subscribing to the profile's hub key: nothing is read before LISTEN is active. */
  | {
      readonly phase: "subscribing";
      readonly profileId: string;
      readonly lastEventId: bigint | null;
      readonly pending: readonly bigint[];
    }
  /** Without Last-Event-ID: reading the newest visible seqs, which count as already sent. */
  | {
      readonly phase: "reading-cursor";
      readonly profileId: string;
      readonly pending: readonly bigint[];
    }
  /** No profile yet: registering with the workspace's profile waiters. */
  | { readonly phase: "registering"; readonly lastSent: bigint; readonly found: string | null }
  /** Open, no profile: the waiter listens; a heartbeat looks the profile up, one at a time. */
  | {
      readonly phase: "awaiting-profile";
      readonly lastSent: bigint;
      readonly counts: InboxCounts;
      readonly lookingUp: boolean;
    }
  /** The profile was found: subscribing to its key. The first read follows the subscription. */
  | ({ readonly phase: "adopting" } & Following)
  /** Following the profile, nothing to read. */
  | ({ readonly phase: "idle" } & Following)
  /** One read runs. late: the late seqs it asked for; again: a signal came meanwhile. */
  | ({
      readonly phase: "reading";
      readonly late: readonly bigint[];
      readonly again: boolean;
    } & Following)
  | { readonly phase: "closed" };

export type Phase = InboxStreamState["phase"];

/** An item read for the stream: its seq (the SSE id) and its public shape. */
export interface StreamItem {
  seq: bigint;
  item: InboxItemJson;
}

export type InboxStreamEvent =
  | { type: "subscribed"; to: Subscription }
  | { type: "subscribe-failed"; to: Subscription; error: unknown }
  /** The newest visible seqs, newest first (at most RECENT_LIMIT). */
  | { type: "cursor-read"; newest: readonly bigint[] }
  | { type: "cursor-read-failed"; error: unknown }
  | { type: "item-signal"; seq: bigint }
  | { type: "counts-signal" }
  /** The hub's LISTEN connection was down: signals may have been lost. */
  | { type: "resync" }
  /** A profile waiter saw an item of this user's new profile. */
  | { type: "profile-found"; profileId: string }
  /** The look-up of the user's profile finished (null: none yet, or the look-up failed). */
  | { type: "lookup-done"; profileId: string | null }
  | { type: "heartbeat" }
  /** Items after the cursor and the late seqs asked for, oldest first, and the counts. */
  | { type: "read-done"; items: readonly StreamItem[]; counts: InboxCounts }
  | { type: "read-failed"; error: unknown }
  | { type: "client-gone" }
  /** Too many frames queued: cut off, the client reconnects with Last-Event-ID. */
  | { type: "client-too-slow" };

export type EndReason =
  | "client-gone"
  | "too-slow"
  | "read-failed"
  | "follow-failed"
  | "start-failed";

export type InboxStreamCommand =
  | { type: "subscribe-profile"; profileId: string }
  | { type: "wait-for-profile" }
  | { type: "release"; subscription: Subscription }
  | { type: "read-cursor"; profileId: string }
  /** Items with seq > after or in late, at most limit, with the counts in the same snapshot. */
  | { type: "read-items"; profileId: string; after: bigint; late: readonly bigint[]; limit: number }
  | { type: "look-up-profile" }
  | { type: "send"; frame: SseFrame }
  | { type: "start-heartbeat" }
  | { type: "stop-heartbeat" }
  /** Setting up is over: the request can be answered with the stream. */
  | { type: "started" }
  | { type: "end"; reason: EndReason; error?: unknown };

export interface Transition {
  state: InboxStreamState;
  commands: InboxStreamCommand[];
}
