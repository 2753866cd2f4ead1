import { describe, expect, it } from "vitest";
import { emptyInboxCounts, type InboxCounts, readCounts } from "./inbox-counts-shape";
import type { InboxItemJson } from "./inbox-item-json";
import { startInboxStream, stepInboxStream } from "./inbox-stream-machine";
import {
  type Cursor,
  type InboxStreamCommand,
  type InboxStreamEvent,
  type InboxStreamState,
  READ_BATCH,
  RECENT_LIMIT,
  RETRY_MS,
  type StreamItem,
} from "./inbox-stream-types";

const P = "00000000-0000-4000-8000-000000000001";
const Q = "00000000-0000-4000-8000-000000000002";
const boom = new Error("boom");

const unread = (n: number): InboxCounts => readCounts({ card: { unread: n, unseen: n } });
const cursor = (lastSent: bigint, pending: bigint[] = [], recent: bigint[] = []): Cursor => ({
  lastSent,
  pending,
  recent,
});
const row = (seq: bigint): StreamItem => ({
  seq,
  item: { id: `item-${seq}`, seq: Number(seq), title: `Item ${seq}` } as InboxItemJson,
});

const following = { profileId: P, cursor: cursor(10n, [], [9n, 10n]), counts: unread(1) };
const idle: InboxStreamState = { phase: "idle", ...following };
const reading: InboxStreamState = { phase: "reading", ...following, late: [], again: false };
const awaiting: InboxStreamState = {
  phase: "awaiting-profile",
  lastSent: 0n,
  counts: emptyInboxCounts(),
  lookingUp: false,
};
const adopting: InboxStreamState = {
  phase: "adopting",
  profileId: P,
  cursor: cursor(0n),
  counts: emptyInboxCounts(),
};

const send = (frame: Extract<InboxStreamCommand, { type: "send" }>["frame"]) =>
  ({ type: "send", frame }) as const;
const readItems = (after: bigint, late: bigint[] = [], profileId = P) =>
  ({ type: "read-items", profileId, after, late, limit: READ_BATCH }) as const;
const ping = send({ kind: "ping" });
const opening = [send({ kind: "retry", ms: RETRY_MS }), { type: "start-heartbeat" }] as const;
const started = { type: "started" } as const;
const itemFrame = (seq: bigint) => send({ kind: "item", seq, item: row(seq).item });

interface Case {
  name: string;
  from: InboxStreamState;
  event: InboxStreamEvent;
  to: InboxStreamState;
  commands: InboxStreamCommand[];
}

const cases: Case[] = [
  // subscribing
  {
    name: "subscribing: subscribed without Last-Event-ID → reads the starting cursor",
    from: { phase: "subscribing", profileId: P, lastEventId: null, pending: [7n] },
    event: { type: "subscribed", to: "profile" },
    to: { phase: "reading-cursor", profileId: P, pending: [7n] },
    commands: [{ type: "read-cursor", profileId: P }],
  },
  {
    name: "subscribing: subscribed with Last-Event-ID → opens and reads after it",
    from: { phase: "subscribing", profileId: P, lastEventId: 7n, pending: [] },
    event: { type: "subscribed", to: "profile" },
    to: {
      phase: "reading",
      profileId: P,
      cursor: cursor(7n),
      counts: null,
      late: [],
      again: false,
    },
    commands: [...opening, readItems(7n), started],
  },
  {
    name: "subscribing: an item signal is noted, not read (the cursor is unknown)",
    from: { phase: "subscribing", profileId: P, lastEventId: null, pending: [] },
    event: { type: "item-signal", seq: 5n },
    to: { phase: "subscribing", profileId: P, lastEventId: null, pending: [5n] },
    commands: [],
  },
  {
    name: "subscribing: the subscription fails → the stream fails to start",
    from: { phase: "subscribing", profileId: P, lastEventId: null, pending: [] },
    event: { type: "subscribe-failed", to: "profile", error: boom },
    to: { phase: "closed" },
    commands: [{ type: "end", reason: "start-failed", error: boom }],
  },
  {
    name: "subscribing: client gone → closed, holding nothing yet",
    from: { phase: "subscribing", profileId: P, lastEventId: null, pending: [] },
    event: { type: "client-gone" },
    to: { phase: "closed" },
    commands: [{ type: "end", reason: "client-gone" }],
  },
  // reading-cursor
  {
    name: "reading-cursor: the newest visible seqs count as sent; a noted seq below them is late",
    from: { phase: "reading-cursor", profileId: P, pending: [11n, 8n] },
    event: { type: "cursor-read", newest: [12n, 11n, 9n] },
    to: {
      phase: "reading",
      profileId: P,
      cursor: cursor(12n, [8n], [9n, 11n, 12n]),
      counts: null,
      late: [8n],
      again: false,
    },
    commands: [...opening, readItems(12n, [8n]), started],
  },
  {
    name: "reading-cursor: an item signal is noted (its commit may be newer than the cursor read)",
    from: { phase: "reading-cursor", profileId: P, pending: [] },
    event: { type: "item-signal", seq: 8n },
    to: { phase: "reading-cursor", profileId: P, pending: [8n] },
    commands: [],
  },
  {
    name: "reading-cursor: an empty inbox starts at 0",
    from: { phase: "reading-cursor", profileId: P, pending: [] },
    event: { type: "cursor-read", newest: [] },
    to: {
      phase: "reading",
      profileId: P,
      cursor: cursor(0n),
      counts: null,
      late: [],
      again: false,
    },
    commands: [...opening, readItems(0n), started],
  },
  {
    name: "reading-cursor: the read fails → lets the subscription go, fails to start",
    from: { phase: "reading-cursor", profileId: P, pending: [] },
    event: { type: "cursor-read-failed", error: boom },
    to: { phase: "closed" },
    commands: [
      { type: "release", subscription: "profile" },
      { type: "end", reason: "start-failed", error: boom },
    ],
  },
  {
    name: "reading-cursor: client gone → lets the subscription go",
    from: { phase: "reading-cursor", profileId: P, pending: [] },
    event: { type: "client-gone" },
    to: { phase: "closed" },
    commands: [
      { type: "release", subscription: "profile" },
      { type: "end", reason: "client-gone" },
    ],
  },
  // registering
  {
    name: "registering: a profile found early is kept for later",
    from: { phase: "registering", lastSent: 0n, found: null },
    event: { type: "profile-found", profileId: P },
    to: { phase: "registering", lastSent: 0n, found: P },
    commands: [],
  },
  {
    name: "registering: the first profile found wins",
    from: { phase: "registering", lastSent: 0n, found: P },
    event: { type: "profile-found", profileId: Q },
    to: { phase: "registering", lastSent: 0n, found: P },
    commands: [],
  },
  {
    name: "registering: registered → open, empty counts, one look-up now",
    from: { phase: "registering", lastSent: 4n, found: null },
    event: { type: "subscribed", to: "waiter" },
    to: { phase: "awaiting-profile", lastSent: 4n, counts: emptyInboxCounts(), lookingUp: true },
    commands: [
      ...opening,
      send({ kind: "counts", counts: emptyInboxCounts() }),
      { type: "look-up-profile" },
      started,
    ],
  },
  {
    name: "registering: registered with a profile found early → open and adopt it",
    from: { phase: "registering", lastSent: 4n, found: P },
    event: { type: "subscribed", to: "waiter" },
    to: { phase: "adopting", profileId: P, cursor: cursor(4n), counts: null },
    commands: [...opening, { type: "subscribe-profile", profileId: P }, started],
  },
  {
    name: "registering: registration fails → the stream fails to start",
    from: { phase: "registering", lastSent: 0n, found: null },
    event: { type: "subscribe-failed", to: "waiter", error: boom },
    to: { phase: "closed" },
    commands: [{ type: "end", reason: "start-failed", error: boom }],
  },
  // awaiting-profile
  {
    name: "awaiting-profile: heartbeat → ping and look the profile up",
    from: awaiting,
    event: { type: "heartbeat" },
    to: { ...awaiting, lookingUp: true },
    commands: [ping, { type: "look-up-profile" }],
  },
  {
    name: "awaiting-profile: heartbeat while a look-up runs → ping only",
    from: { ...awaiting, lookingUp: true },
    event: { type: "heartbeat" },
    to: { ...awaiting, lookingUp: true },
    commands: [ping],
  },
  {
    name: "awaiting-profile: look-up found nothing → waits on",
    from: { ...awaiting, lookingUp: true },
    event: { type: "lookup-done", profileId: null },
    to: awaiting,
    commands: [],
  },
  {
    name: "awaiting-profile: look-up found the profile → adopts it",
    from: { ...awaiting, lookingUp: true },
    event: { type: "lookup-done", profileId: P },
    to: adopting,
    commands: [{ type: "subscribe-profile", profileId: P }],
  },
  {
    name: "awaiting-profile: the waiter found the profile → adopts it",
    from: { ...awaiting, lastSent: 3n },
    event: { type: "profile-found", profileId: P },
    to: { ...adopting, cursor: cursor(3n) },
    commands: [{ type: "subscribe-profile", profileId: P }],
  },
  {
    name: "awaiting-profile: client gone → lets the waiter go, stops the heartbeat",
    from: awaiting,
    event: { type: "client-gone" },
    to: { phase: "closed" },
    commands: [
      { type: "release", subscription: "waiter" },
      { type: "stop-heartbeat" },
      { type: "end", reason: "client-gone" },
    ],
  },
  // adopting
  {
    name: "adopting: subscribed → lets the waiter go, reads everything after the cursor",
    from: { ...adopting, cursor: cursor(0n, [3n]) },
    event: { type: "subscribed", to: "profile" },
    to: { ...adopting, phase: "reading", cursor: cursor(0n, [3n]), late: [], again: false },
    commands: [{ type: "release", subscription: "waiter" }, readItems(0n)],
  },
  {
    name: "adopting: an item signal is noted for the first read",
    from: adopting,
    event: { type: "item-signal", seq: 3n },
    to: { ...adopting, cursor: cursor(0n, [3n]) },
    commands: [],
  },
  {
    name: "adopting: a second profile found changes nothing",
    from: adopting,
    event: { type: "lookup-done", profileId: Q },
    to: adopting,
    commands: [],
  },
  {
    name: "adopting: the subscription fails → closes (the client reconnects)",
    from: adopting,
    event: { type: "subscribe-failed", to: "profile", error: boom },
    to: { phase: "closed" },
    commands: [
      { type: "release", subscription: "waiter" },
      { type: "stop-heartbeat" },
      { type: "end", reason: "follow-failed", error: boom },
    ],
  },
  // idle
  {
    name: "idle: an item signal → one read after the cursor",
    from: idle,
    event: { type: "item-signal", seq: 11n },
    to: { ...reading, cursor: cursor(10n, [11n], [9n, 10n]) },
    commands: [readItems(10n)],
  },
  {
    name: "idle: a signal below the cursor, never sent → asked for as late",
    from: idle,
    event: { type: "item-signal", seq: 8n },
    to: { ...reading, cursor: cursor(10n, [8n], [9n, 10n]), late: [8n] },
    commands: [readItems(10n, [8n])],
  },
  {
    name: "idle: a signal of an item already sent → forgotten, not asked for",
    from: idle,
    event: { type: "item-signal", seq: 9n },
    to: reading,
    commands: [readItems(10n)],
  },
  {
    name: "idle: a counts signal → a read (the counts come with it)",
    from: idle,
    event: { type: "counts-signal" },
    to: reading,
    commands: [readItems(10n)],
  },
  {
    name: "idle: resync after the hub reconnected → a read from the cursor",
    from: idle,
    event: { type: "resync" },
    to: reading,
    commands: [readItems(10n)],
  },
  {
    name: "idle: heartbeat → ping",
    from: idle,
    event: { type: "heartbeat" },
    to: idle,
    commands: [ping],
  },
  {
    name: "idle: client too slow → closes",
    from: idle,
    event: { type: "client-too-slow" },
    to: { phase: "closed" },
    commands: [
      { type: "release", subscription: "profile" },
      { type: "stop-heartbeat" },
      { type: "end", reason: "too-slow" },
    ],
  },
  // reading
  {
    name: "reading: an item signal → noted, one more read later (no second read now)",
    from: reading,
    event: { type: "item-signal", seq: 11n },
    to: { ...reading, cursor: cursor(10n, [11n], [9n, 10n]), again: true },
    commands: [],
  },
  {
    name: "reading: a counts signal → one more read later",
    from: reading,
    event: { type: "counts-signal" },
    to: { ...reading, again: true },
    commands: [],
  },
  {
    name: "reading: resync → one more read later",
    from: reading,
    event: { type: "resync" },
    to: { ...reading, again: true },
    commands: [],
  },
  {
    name: "reading: done → sends the items in order, then the changed counts; idle",
    from: { ...reading, cursor: cursor(10n, [11n, 12n], [9n, 10n]) },
    event: { type: "read-done", items: [row(11n), row(12n)], counts: unread(3) },
    to: { ...idle, cursor: cursor(12n, [], [9n, 10n, 11n, 12n]), counts: unread(3) },
    commands: [itemFrame(11n), itemFrame(12n), send({ kind: "counts", counts: unread(3) })],
  },
  {
    name: "reading: done with the same counts → no counts frame",
    from: reading,
    event: { type: "read-done", items: [], counts: unread(1) },
    to: idle,
    commands: [],
  },
  {
    name: "reading: the first read sends the counts even when empty",
    from: { ...reading, counts: null },
    event: { type: "read-done", items: [], counts: emptyInboxCounts() },
    to: { ...idle, counts: emptyInboxCounts() },
    commands: [send({ kind: "counts", counts: emptyInboxCounts() })],
  },
  {
    name: "reading: done after signals came meanwhile → exactly one more read",
    from: { ...reading, again: true, cursor: cursor(10n, [12n], [9n, 10n]) },
    event: { type: "read-done", items: [row(11n)], counts: unread(1) },
    to: { ...reading, cursor: cursor(11n, [12n], [9n, 10n, 11n]) },
    commands: [itemFrame(11n), readItems(11n)],
  },
  {
    name: "reading: a late seq asked for is forgotten even if not found (archived)",
    from: { ...reading, cursor: cursor(10n, [8n, 13n], [9n, 10n]), late: [8n] },
    event: { type: "read-done", items: [], counts: unread(1) },
    to: { ...idle, cursor: cursor(10n, [13n], [9n, 10n]) },
    commands: [],
  },
  {
    name: "reading: read fails → closes",
    from: reading,
    event: { type: "read-failed", error: boom },
    to: { phase: "closed" },
    commands: [
      { type: "release", subscription: "profile" },
      { type: "stop-heartbeat" },
      { type: "end", reason: "read-failed", error: boom },
    ],
  },
  {
    name: "reading: heartbeat → ping, the read goes on",
    from: reading,
    event: { type: "heartbeat" },
    to: reading,
    commands: [ping],
  },
  {
    name: "reading: client gone → closes; the read's answer will be ignored",
    from: reading,
    event: { type: "client-gone" },
    to: { phase: "closed" },
    commands: [
      { type: "release", subscription: "profile" },
      { type: "stop-heartbeat" },
      { type: "end", reason: "client-gone" },
    ],
  },
  // closed
  {
    name: "closed: a subscription completing late is let go at once",
    from: { phase: "closed" },
    event: { type: "subscribed", to: "profile" },
    to: { phase: "closed" },
    commands: [{ type: "release", subscription: "profile" }],
  },
  {
    name: "closed: a waiter registration completing late is let go at once",
    from: { phase: "closed" },
    event: { type: "subscribed", to: "waiter" },
    to: { phase: "closed" },
    commands: [{ type: "release", subscription: "waiter" }],
  },
];

describe("stepInboxStream", () => {
  it.each(cases)("$name", ({ from, event, to, commands }) => {
    const next = stepInboxStream(from, event);
    expect(next.state).toEqual(to);
    expect(next.commands).toEqual(commands);
  });

  it("starts by subscribing to the profile, or by registering a waiter without one", () => {
    expect(startInboxStream({ profileId: P, lastEventId: null })).toEqual({
      state: { phase: "subscribing", profileId: P, lastEventId: null, pending: [] },
      commands: [{ type: "subscribe-profile", profileId: P }],
    });
    expect(startInboxStream({ profileId: null, lastEventId: 5n })).toEqual({
      state: { phase: "registering", lastSent: 5n, found: null },
      commands: [{ type: "wait-for-profile" }],
    });
  });

  it("a full batch is followed at once by the next read, counts only after the last", () => {
    const batch = Array.from({ length: READ_BATCH }, (_, i) => row(11n + BigInt(i)));
    const next = stepInboxStream(
      { ...reading, again: true },
      { type: "read-done", items: batch, counts: unread(9) },
    );
    const lastSeq = 10n + BigInt(READ_BATCH);
    expect(next.state).toMatchObject({ phase: "reading", again: true });
    expect(next.commands).toEqual([...batch.map((r) => itemFrame(r.seq)), readItems(lastSeq)]);
  });

  it("remembers at most RECENT_LIMIT sent seqs, the newest", () => {
    let state: InboxStreamState = reading;
    for (let batch = 0n; batch < 3n; batch++) {
      const items = Array.from({ length: READ_BATCH }, (_, i) =>
        row(11n + batch * BigInt(READ_BATCH) + BigInt(i)),
      );
      state = stepInboxStream(state, { type: "read-done", items, counts: unread(1) }).state;
    }
    const recent = state.phase === "reading" ? state.cursor.recent : [];
    expect(recent).toHaveLength(RECENT_LIMIT);
    expect(recent.at(-1)).toBe(10n + 3n * BigInt(READ_BATCH));
  });

  const allEvents: InboxStreamEvent[] = [
    { type: "subscribed", to: "profile" },
    { type: "subscribe-failed", to: "profile", error: boom },
    { type: "cursor-read", newest: [1n] },
    { type: "cursor-read-failed", error: boom },
    { type: "item-signal", seq: 1n },
    { type: "counts-signal" },
    { type: "resync" },
    { type: "profile-found", profileId: P },
    { type: "lookup-done", profileId: P },
    { type: "heartbeat" },
    { type: "read-done", items: [row(1n)], counts: unread(1) },
    { type: "read-failed", error: boom },
    { type: "client-gone" },
    { type: "client-too-slow" },
  ];

  it.each(allEvents.filter((e) => e.type !== "subscribed"))(
    "closed stays closed and does nothing on $type",
    (event) => {
      expect(stepInboxStream({ phase: "closed" }, event)).toEqual({
        state: { phase: "closed" },
        commands: [],
      });
    },
  );

  it("never sends twice an item whose signal came after it was sent, however long the stream runs", () => {
    // Items 11 and 12 are read together on 11's signal; 12's own signal comes later.
    let state: InboxStreamState = idle;
    const reads: Extract<InboxStreamCommand, { type: "read-items" }>[] = [];
    const step = (event: InboxStreamEvent) => {
      const next = stepInboxStream(state, event);
      state = next.state;
      for (const c of next.commands) if (c.type === "read-items") reads.push(c);
    };
    step({ type: "item-signal", seq: 11n });
    step({ type: "read-done", items: [row(11n), row(12n)], counts: unread(1) });
    step({ type: "item-signal", seq: 12n });
    step({ type: "read-done", items: [], counts: unread(1) });
    // Long after, 12 has left the recent seqs: it must not come back as "late".
    for (let seq = 13n; seq < 13n + BigInt(RECENT_LIMIT) + 10n; seq++) {
      step({ type: "item-signal", seq });
      step({ type: "read-done", items: [row(seq)], counts: unread(1) });
    }
    expect(reads.flatMap((r) => r.late)).toEqual([]);
    expect(state.phase === "idle" && state.cursor.pending).toEqual([]);
  });
});
