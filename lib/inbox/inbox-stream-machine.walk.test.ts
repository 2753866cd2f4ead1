import { describe, expect, it } from "vitest";
import { readCounts } from "./inbox-counts-shape";
import type { InboxItemJson } from "./inbox-item-json";
import { startInboxStream, stepInboxStream } from "./inbox-stream-machine";
import {
  type InboxStreamCommand,
  type InboxStreamEvent,
  type InboxStreamState,
  RECENT_LIMIT,
  type Subscription,
} from "./inbox-stream-types";

// Random walks of the machine against a small model of its world: a user's
// items (transactions take a seq, then commit, possibly out of order), the
// NOTIFYs on their way (sometimes repeated, sometimes lost with the LISTEN
// connection), the hub and the profile waiters, the reads (answered from the
// items committed when they complete) and the client. Every command is
// checked as it comes, and at the end the client must have every item it did
// not have, each exactly once, and nothing may be left held.

const PROFILE = "00000000-0000-4000-8000-000000000001";

type Mode = "fresh" | "resumed" | "newcomer";
type ReadItems = Extract<InboxStreamCommand, { type: "read-items" }>;

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** mulberry32: small, seeded, good enough to pick steps. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class World {
  readonly committed = new Set<bigint>();
  reserved: bigint[] = [];
  nextSeq = 1n;
  /** Events on their way to the stream: NOTIFYs, and the waiter's finding. */
  signals: InboxStreamEvent[] = [];
  state: InboxStreamState;
  readonly subscribing = new Set<Subscription>();
  readonly held = new Set<Subscription>();
  /** The read running, with the items it sees: its snapshot is taken as it starts. */
  read: { command: ReadItems; snapshot: bigint[] } | null = null;
  cursorRead: bigint[] | null = null;
  lookups = 0;
  heartbeat = false;
  started = 0;
  ended: string[] = [];
  readonly sent: bigint[] = [];
  /** What the client has, or counts as having, when it connects. */
  known = new Set<bigint>();
  waiterFired = false;
  /** Commits below an item already committed: their NOTIFY is their only herald. */
  readonly lateCommits = new Set<bigint>();
  newest = 0n;
  /** Late commits whose NOTIFY was lost with the connection: a resync cannot find them. */
  readonly excused = new Set<bigint>();

  constructor(
    readonly mode: Mode,
    readonly pick: () => number,
  ) {
    let lastEventId: bigint | null = null;
    if (mode !== "newcomer") {
      // Items 1..5, of which 2 is still uncommitted (its transaction took the seq first).
      this.nextSeq = 6n;
      for (const seq of [1n, 3n, 4n, 5n]) this.committed.add(seq);
      this.newest = 5n;
      this.reserved = [2n];
      if (mode === "resumed") {
        lastEventId = 3n;
        this.known = new Set([1n, 3n]);
      }
    }
    const first = startInboxStream({
      profileId: mode === "newcomer" ? null : PROFILE,
      lastEventId,
    });
    this.state = first.state;
    this.run(first.commands);
  }

  get profileExists(): boolean {
    return this.mode !== "newcomer" || this.committed.size > 0;
  }

  private listening(to: Subscription): boolean {
    return this.held.has(to) || this.subscribing.has(to);
  }

  dispatch(event: InboxStreamEvent): void {
    const next = stepInboxStream(this.state, event);
    this.state = next.state;
    this.run(next.commands);
    this.check();
  }

  private run(commands: InboxStreamCommand[]): void {
    for (const c of commands) {
      assert(this.ended.length === 0 || c.type === "release", `${c.type} after the end`);
      switch (c.type) {
        case "subscribe-profile":
        case "wait-for-profile": {
          const to = c.type === "subscribe-profile" ? "profile" : "waiter";
          assert(!this.listening(to), `a second ${to} subscription`);
          this.subscribing.add(to);
          break;
        }
        case "release":
          assert(this.held.delete(c.subscription), `release of ${c.subscription}, not held`);
          break;
        case "read-cursor":
          assert(this.cursorRead === null, "a second cursor read");
          this.cursorRead = [...this.committed];
          break;
        case "read-items":
          assert(this.read === null, "a second read while one runs");
          this.read = { command: c, snapshot: [...this.committed] };
          break;
        case "look-up-profile":
          assert(this.lookups === 0, "a second look-up while one runs");
          this.lookups += 1;
          break;
        case "send":
          if (c.frame.kind === "item") {
            const { seq } = c.frame;
            assert(!this.sent.includes(seq), `item ${seq} sent twice`);
            assert(!this.known.has(seq), `item ${seq} sent, which the client had`);
            assert(this.committed.has(seq), `item ${seq} sent, not committed`);
            this.sent.push(seq);
          }
          break;
        case "start-heartbeat":
          assert(!this.heartbeat, "a second heartbeat");
          this.heartbeat = true;
          break;
        case "stop-heartbeat":
          assert(this.heartbeat, "stopping a heartbeat that does not run");
          this.heartbeat = false;
          break;
        case "started":
          this.started += 1;
          break;
        case "end":
          assert(
            c.reason !== "start-failed" || this.started === 0,
            "failed to start after starting",
          );
          this.ended.push(c.reason);
          break;
      }
    }
  }

  private check(): void {
    const phase = this.state.phase;
    assert(this.started <= 1, "started twice");
    assert(this.ended.length <= 1, "ended twice");
    assert((this.ended.length === 1) === (phase === "closed"), "closed without an end");
    // One read at a time, and a read runs exactly while the phase says so.
    if (phase !== "closed")
      assert((this.read !== null) === (phase === "reading"), `read in ${phase}`);
    if (phase === "closed" && this.subscribing.size === 0) {
      assert(this.held.size === 0, `${[...this.held]} held after the end`);
      assert(!this.heartbeat, "heartbeat after the end");
    }
  }

  // What the world can do next ------------------------------------------

  commit(seq: bigint): void {
    if (seq < this.newest) this.lateCommits.add(seq);
    else this.newest = seq;
    this.committed.add(seq);
    if (this.listening("profile")) this.signals.push({ type: "item-signal", seq });
    if (this.mode === "newcomer" && this.listening("waiter") && !this.waiterFired) {
      this.waiterFired = true;
      this.signals.push({ type: "profile-found", profileId: PROFILE });
    }
  }

  /** The LISTEN connection drops: NOTIFYs on their way are lost; the hub resyncs. */
  outage(): void {
    for (const lost of this.signals) {
      if (lost.type === "item-signal" && this.lateCommits.has(lost.seq)) this.excused.add(lost.seq);
    }
    this.signals = [];
    if (this.held.has("profile")) this.signals.push({ type: "resync" });
    if (this.held.has("waiter") && this.profileExists && !this.waiterFired) {
      this.waiterFired = true;
      this.signals.push({ type: "profile-found", profileId: PROFILE });
    }
  }

  completeSubscription(fail: boolean): void {
    const to = [...this.subscribing][0] as Subscription;
    this.subscribing.delete(to);
    if (fail) {
      this.dispatch({ type: "subscribe-failed", to, error: new Error("down") });
      return;
    }
    this.held.add(to);
    this.dispatch({ type: "subscribed", to });
  }

  completeCursorRead(fail: boolean): void {
    const snapshot = this.cursorRead as bigint[];
    this.cursorRead = null;
    if (fail) {
      this.dispatch({ type: "cursor-read-failed", error: new Error("down") });
      return;
    }
    const newest = snapshot.sort((a, b) => (a < b ? 1 : -1)).slice(0, RECENT_LIMIT);
    // What the read saw counts as sent (the model stays below RECENT_LIMIT items before).
    this.known = new Set(snapshot);
    this.dispatch({ type: "cursor-read", newest });
  }

  completeLookup(): void {
    this.lookups -= 1;
    this.dispatch({ type: "lookup-done", profileId: this.profileExists ? PROFILE : null });
  }

  completeRead(fail: boolean): void {
    const { command: read, snapshot } = this.read as NonNullable<World["read"]>;
    this.read = null;
    if (fail) {
      this.dispatch({ type: "read-failed", error: new Error("down") });
      return;
    }
    const seqs = snapshot
      .filter((seq) => seq > read.after || read.late.includes(seq))
      .sort((a, b) => (a < b ? -1 : 1))
      .slice(0, read.limit);
    const items = seqs.map((seq) => ({ seq, item: { seq: Number(seq) } as InboxItemJson }));
    const counts = readCounts({ card: { unread: snapshot.length, unseen: 0 } });
    this.dispatch({ type: "read-done", items, counts });
  }

  /** One random step; false when the walk has nothing left to do. */
  step(): boolean {
    const r = this.pick;
    const open = this.state.phase !== "closed";
    const actions: [number, () => void][] = [
      [2, () => this.reserved.push(this.nextSeq++)],
      [4, () => this.commit(this.nextSeq++)],
      [this.reserved.length > 0 ? 3 : 0, () => this.commitReserved()],
      [
        this.signals.length > 0 ? 6 : 0,
        () => this.dispatch(this.signals.shift() as InboxStreamEvent),
      ],
      [this.sent.length > 0 && this.held.has("profile") ? 1 : 0, () => this.repeatSignal()],
      [this.subscribing.size > 0 ? 4 : 0, () => this.completeSubscription(r() < 0.01)],
      [this.cursorRead ? 4 : 0, () => this.completeCursorRead(r() < 0.01)],
      [this.lookups > 0 ? 3 : 0, () => this.completeLookup()],
      [this.read ? 5 : 0, () => this.completeRead(r() < 0.002)],
      [this.heartbeat ? 1 : 0, () => this.dispatch({ type: "heartbeat" })],
      [0.05, () => this.outage()],
      [open ? 0.02 : 0, () => this.dispatch({ type: "client-gone" })],
      [this.heartbeat ? 0.01 : 0, () => this.dispatch({ type: "client-too-slow" })],
    ];
    const total = actions.reduce((sum, [weight]) => sum + weight, 0);
    let at = r() * total;
    for (const [weight, act] of actions) {
      at -= weight;
      if (weight > 0 && at < 0) {
        act();
        return true;
      }
    }
    return false;
  }

  private commitReserved(): void {
    const index = Math.floor(this.pick() * this.reserved.length);
    const [seq] = this.reserved.splice(index, 1);
    if (seq !== undefined) this.commit(seq);
  }

  /** A NOTIFY for an item the stream already sent (its read covered two commits). */
  private repeatSignal(): void {
    const seq = this.sent[Math.floor(this.pick() * this.sent.length)] as bigint;
    this.signals.push({ type: "item-signal", seq });
  }

  /** Commits what is open and lets every piece of work finish, with no failures. */
  settle(): void {
    for (const seq of this.reserved.splice(0)) this.commit(seq);
    if (this.mode === "newcomer" && this.committed.size === 0) this.commit(this.nextSeq++);
    for (let guard = 0; guard < 10_000; guard++) {
      if (this.subscribing.size > 0) this.completeSubscription(false);
      else if (this.cursorRead) this.completeCursorRead(false);
      else if (this.signals.length > 0) this.dispatch(this.signals.shift() as InboxStreamEvent);
      else if (this.read) this.completeRead(false);
      else if (this.lookups > 0) this.completeLookup();
      else if (this.state.phase === "awaiting-profile") this.dispatch({ type: "heartbeat" });
      else return;
    }
    throw new Error("the stream never settled");
  }
}

/** One walk: random steps, then everything settles; the items the client missed. */
function walk(mode: Mode, seed: number): { missed: bigint[]; excused: number } | "closed" {
  const world = new World(mode, random(seed));
  for (let i = 0; i < 200 && world.step(); i++);
  world.settle();
  const closedEarly = world.state.phase === "closed";
  const missed = [...world.committed].filter(
    (seq) => !world.known.has(seq) && !world.sent.includes(seq) && !world.excused.has(seq),
  );
  if (!closedEarly) world.dispatch({ type: "client-gone" });
  world.settle();
  assert(world.held.size === 0 && !world.heartbeat, "held after the end");
  return closedEarly ? "closed" : { missed, excused: world.excused.size };
}

describe("inbox stream random walks", () => {
  const seeds = Array.from({ length: 200 }, (_, i) => i + 1);

  it.each(["fresh", "resumed", "newcomer"] as const)(
    "%s client: one read at a time, every new item once, nothing held after the end",
    (mode) => {
      let completed = 0;
      for (const seed of seeds) {
        let result: ReturnType<typeof walk>;
        try {
          result = walk(mode, seed);
        } catch (error) {
          throw new Error(`seed ${seed}: ${(error as Error).message}`);
        }
        if (result === "closed") continue;
        completed += 1;
        expect(result.missed, `seed ${seed}: the client missed items`).toEqual([]);
      }
      // Most walks must reach the end open, or they test little.
      expect(completed).toBeGreaterThan(seeds.length / 2);
    },
  );
});
