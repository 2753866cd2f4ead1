import { emptyInboxCounts, type InboxCounts, sameCounts } from "./inbox-counts-shape";
import {
  type Cursor,
  type EndReason,
  type Following,
  type InboxStreamCommand,
  type InboxStreamEvent,
  type InboxStreamState,
  type Phase,
  READ_BATCH,
  RECENT_LIMIT,
  RETRY_MS,
  type Subscription,
  type Transition,
} from "./inbox-stream-types";

// One inbox SSE connection as a pure state machine:
// stepInboxStream(state, event) → { state, commands }, over the states,
// events and commands of inbox-stream-types.ts. The shell
// (open-inbox-stream.ts) runs the commands (subscribe, read, send a frame,
// start the heartbeat, end) and turns what happens (a hub signal, a read's
// rows, a heartbeat tick, the client leaving) into events. No I/O, no clock.
//
//   with a profile:     subscribing ─► reading-cursor ─► reading ⇄ idle
//                            └──── Last-Event-ID ──────────┘
//   without a profile:  registering ─► awaiting-profile ─► adopting ─► reading
//                            └─── profile found while registering ──┘
//   from every phase:   ─► closed
//
// The hub only wakes a stream; the stream reads its user's rows itself from
// its cursor, so a notification never carries content and a lost one is
// repaired by the next read. (Not quite: a late commit, below the cursor, is
// found only through its own NOTIFY; lost while the LISTEN connection was
// down, the resync's read from the cursor does not see it.) One read at a
// time: signals that arrive while a read runs are coalesced into one more.

/** A new stream: subscribe to the user's profile, or wait for one to appear. */
export function startInboxStream(input: {
  profileId: string | null;
  lastEventId: bigint | null;
}): Transition {
  if (input.profileId === null) {
    return go({ phase: "registering", lastSent: input.lastEventId ?? 0n, found: null }, [
      { type: "wait-for-profile" },
    ]);
  }
  return go(
    {
      phase: "subscribing",
      profileId: input.profileId,
      lastEventId: input.lastEventId,
      pending: [],
    },
    [{ type: "subscribe-profile", profileId: input.profileId }],
  );
}

export function stepInboxStream(state: InboxStreamState, event: InboxStreamEvent): Transition {
  // Each row of the table takes its own phase and event; TypeScript cannot
  // correlate the two through the lookup, hence the widening.
  const handler = TRANSITIONS[state.phase][event.type] as
    | ((state: InboxStreamState, event: InboxStreamEvent) => Transition)
    | undefined;
  return handler ? handler(state, event) : { state, commands: [] };
}

type StateIn<P extends Phase> = Extract<InboxStreamState, { phase: P }>;
type EventOf<T extends InboxStreamEvent["type"]> = Extract<InboxStreamEvent, { type: T }>;
type Handlers<P extends Phase> = {
  [T in InboxStreamEvent["type"]]?: (state: StateIn<P>, event: EventOf<T>) => Transition;
};

/**
 * What each phase holds and lets go of when the stream ends. A subscription
 * still being made (subscribing, registering, adopting's profile) is let go
 * when it completes, in `closed`.
 */
const HELD: Record<Phase, { subscriptions: Subscription[]; heartbeat: boolean }> = {
  subscribing: { subscriptions: [], heartbeat: false },
  "reading-cursor": { subscriptions: ["profile"], heartbeat: false },
  registering: { subscriptions: [], heartbeat: false },
  "awaiting-profile": { subscriptions: ["waiter"], heartbeat: true },
  adopting: { subscriptions: ["waiter"], heartbeat: true },
  idle: { subscriptions: ["profile"], heartbeat: true },
  reading: { subscriptions: ["profile"], heartbeat: true },
  closed: { subscriptions: [], heartbeat: false },
};

const gone = (s: InboxStreamState) => end(s, "client-gone");
const tooSlow = (s: InboxStreamState) => end(s, "too-slow");

/** What each phase does with each event. An event a phase does not list changes nothing. */
const TRANSITIONS: { [P in Phase]: Handlers<P> } = {
  subscribing: {
    subscribed: (s) =>
      s.lastEventId === null
        ? go({ phase: "reading-cursor", profileId: s.profileId, pending: s.pending }, [
            { type: "read-cursor", profileId: s.profileId },
          ])
        : open(
            read({
              profileId: s.profileId,
              cursor: { lastSent: s.lastEventId, pending: s.pending, recent: [] },
              counts: null,
            }),
          ),
    "subscribe-failed": (s, e) => end(s, "start-failed", e.error),
    // Noted, and read once the cursor is known (a read now would start at seq 0).
    "item-signal": (s, e) => go({ ...s, pending: withSeq(s.pending, e.seq) }),
    "client-gone": gone,
  },
  "reading-cursor": {
    "cursor-read": (s, e) =>
      open(
        read({
          profileId: s.profileId,
          cursor: {
            lastSent: e.newest[0] ?? 0n,
            pending: s.pending,
            recent: [...e.newest].reverse(),
          },
          counts: null,
        }),
      ),
    "cursor-read-failed": (s, e) => end(s, "start-failed", e.error),
    "item-signal": (s, e) => go({ ...s, pending: withSeq(s.pending, e.seq) }),
    "client-gone": gone,
  },
  registering: {
    subscribed: (s) => {
      if (s.found !== null) return open(adopt(s.found, s.lastSent, null));
      const counts = emptyInboxCounts();
      return open(
        go({ phase: "awaiting-profile", lastSent: s.lastSent, counts, lookingUp: true }, [
          { type: "send", frame: { kind: "counts", counts } },
          // A profile made between authentication and the waiter's
          // registration signalled before anyone listened: look once now.
          { type: "look-up-profile" },
        ]),
      );
    },
    "subscribe-failed": (s, e) => end(s, "start-failed", e.error),
    // Adopted once set up.
    "profile-found": (s, e) => go({ ...s, found: s.found ?? e.profileId }),
    "client-gone": gone,
  },
  "awaiting-profile": {
    "profile-found": (s, e) => adopt(e.profileId, s.lastSent, s.counts),
    "lookup-done": (s, e) =>
      e.profileId === null
        ? go({ ...s, lookingUp: false })
        : adopt(e.profileId, s.lastSent, s.counts),
    // The waiter's fallback, for a profile that gained this user id without a
    // new item (an alias): one look-up per heartbeat, never two at once.
    heartbeat: (s) =>
      s.lookingUp
        ? go(s, [ping()])
        : go({ ...s, lookingUp: true }, [ping(), { type: "look-up-profile" }]),
    "client-gone": gone,
    "client-too-slow": tooSlow,
  },
  adopting: {
    // The waiter is let go once the profile's subscription is active.
    subscribed: (s) => read(following(s), false, [{ type: "release", subscription: "waiter" }]),
    // A stream that cannot follow its profile closes, so the client
    // reconnects rather than wait on a stream that no signal reaches.
    "subscribe-failed": (s, e) => end(s, "follow-failed", e.error),
    // Counts signals and resyncs need nothing: the first read comes after the subscription.
    "item-signal": (s, e) => go({ ...s, cursor: withPending(s.cursor, e.seq) }),
    heartbeat: (s) => go(s, [ping()]),
    "client-gone": gone,
    "client-too-slow": tooSlow,
  },
  idle: {
    "item-signal": (s, e) => read({ ...following(s), cursor: withPending(s.cursor, e.seq) }),
    "counts-signal": (s) => read(following(s)),
    resync: (s) => read(following(s)),
    heartbeat: (s) => go(s, [ping()]),
    "client-gone": gone,
    "client-too-slow": tooSlow,
  },
  reading: {
    "item-signal": (s, e) => go({ ...s, cursor: withPending(s.cursor, e.seq), again: true }),
    "counts-signal": (s) => go({ ...s, again: true }),
    resync: (s) => go({ ...s, again: true }),
    "read-done": readDone,
    "read-failed": (s, e) => end(s, "read-failed", e.error),
    heartbeat: (s) => go(s, [ping()]),
    "client-gone": gone,
    "client-too-slow": tooSlow,
  },
  closed: {
    // A subscription that completes after the stream ended is let go at once.
    subscribed: (s, e) => go(s, [{ type: "release", subscription: e.to }]),
  },
};

/**
 * Sends the items and moves the cursor past them. A full batch is followed at
 * once by the next; the last sends the counts of its snapshot when they
 * changed, then reads again if a signal came meanwhile.
 */
function readDone(s: StateIn<"reading">, e: EventOf<"read-done">): Transition {
  const asked = new Set(s.late);
  const seqs = e.items.map((row) => row.seq);
  const sent = new Set(seqs);
  let lastSent = s.cursor.lastSent;
  for (const seq of seqs) if (seq > lastSent) lastSent = seq;
  const cursor: Cursor = {
    lastSent,
    pending: s.cursor.pending.filter((seq) => !asked.has(seq) && !sent.has(seq)),
    recent: [...s.cursor.recent, ...seqs].slice(-RECENT_LIMIT),
  };
  const commands: InboxStreamCommand[] = e.items.map((row) => ({
    type: "send",
    frame: { kind: "item", seq: row.seq, item: row.item },
  }));
  if (e.items.length >= READ_BATCH) {
    return read({ profileId: s.profileId, cursor, counts: s.counts }, s.again, commands);
  }
  const changed = s.counts === null || !sameCounts(s.counts, e.counts);
  if (changed) commands.push({ type: "send", frame: { kind: "counts", counts: e.counts } });
  const next: Following = { profileId: s.profileId, cursor, counts: changed ? e.counts : s.counts };
  return s.again ? read(next, false, commands) : go({ phase: "idle", ...next }, commands);
}

/**
 * Starts a read after the cursor. A pending seq at or below it is late (asked
 * for by this read) unless it was sent already (forgotten: kept, it would be
 * asked for, and sent twice, once it left `recent`).
 */
function read(f: Following, again = false, before: InboxStreamCommand[] = []): Transition {
  const { lastSent } = f.cursor;
  const recent = new Set(f.cursor.recent);
  const pending = f.cursor.pending.filter((seq) => seq > lastSent || !recent.has(seq));
  const late = pending.filter((seq) => seq <= lastSent);
  return go({ phase: "reading", ...f, cursor: { ...f.cursor, pending }, late, again }, [
    ...before,
    {
      type: "read-items",
      profileId: f.profileId,
      after: lastSent,
      late,
      limit: READ_BATCH,
    },
  ]);
}

/** Follows the profile found for a user who had none: its items after lastSent are all new. */
function adopt(profileId: string, lastSent: bigint, counts: InboxCounts | null): Transition {
  return go(
    { phase: "adopting", profileId, cursor: { lastSent, pending: [], recent: [] }, counts },
    [{ type: "subscribe-profile", profileId }],
  );
}

/** Setting up is over: the retry hint first, the heartbeat, then the phase's own commands. */
function open(t: Transition): Transition {
  return go(t.state, [
    { type: "send", frame: { kind: "retry", ms: RETRY_MS } },
    { type: "start-heartbeat" },
    ...t.commands,
    { type: "started" },
  ]);
}

function end(s: InboxStreamState, reason: EndReason, error?: unknown): Transition {
  const held = HELD[s.phase];
  return go({ phase: "closed" }, [
    ...held.subscriptions.map((subscription) => ({ type: "release" as const, subscription })),
    ...(held.heartbeat ? [{ type: "stop-heartbeat" as const }] : []),
    error === undefined ? { type: "end", reason } : { type: "end", reason, error },
  ]);
}

function following(s: Following): Following {
  return { profileId: s.profileId, cursor: s.cursor, counts: s.counts };
}

function withPending(cursor: Cursor, seq: bigint): Cursor {
  return { ...cursor, pending: withSeq(cursor.pending, seq) };
}

function withSeq(seqs: readonly bigint[], seq: bigint): readonly bigint[] {
  return seqs.includes(seq) ? seqs : [...seqs, seq];
}

function ping(): InboxStreamCommand {
  return { type: "send", frame: { kind: "ping" } };
}

function go(state: InboxStreamState, commands: InboxStreamCommand[] = []): Transition {
  return { state, commands };
}
