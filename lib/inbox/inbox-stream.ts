import "server-only";
import { type ListenSubscription, listen } from "@/lib/db/listen";
import { INBOX_CHANNEL, type InboxSignal, parseInboxSignal } from "./inbox-signal";

// The per-process inbox hub. It LISTENs on cue_inbox (on the process's shared
// LISTEN connection, lib/db/listen.ts) and fans each notification out to this
// process's SSE streams, keyed by `${workspaceId}:${profileId}`. A workspace
// key (`${workspaceId}:*`) hears every profile of it: streams of users who
// have no profile yet wait there for theirs to appear.
//
// Notifications sent while the connection is down are lost, so after a
// reconnect every subscriber gets a `resync` and re-reads from its last seq.

export type HubSignal = { type: "item"; seq: bigint } | { type: "counts" } | { type: "resync" };
export type HubListener = (signal: HubSignal, from: InboxSignal | null) => void;

// With no subscribers the channel stays listened to a while, so a page
// reload does not cost a LISTEN (or, in a web process without the worker, a
// new connection), then goes.
const IDLE_CLOSE_MS = 30_000;

class InboxHub {
  private subscription: ListenSubscription | null = null;
  private readonly listeners = new Map<string, Set<HubListener>>();
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly closeHandlers = new Set<() => void>();

  /** Resolves once LISTEN is active, so nothing committed after it is missed. */
  async subscribe(key: string, listener: HubListener): Promise<() => void> {
    const set = this.listeners.get(key) ?? new Set<HubListener>();
    this.listeners.set(key, set);
    set.add(listener);
    this.clearIdleTimer();
    const unsubscribe = () => this.remove(key, listener);
    try {
      await this.listen();
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return unsubscribe;
  }

  /** Called when close() drops every subscriber (registries built on the hub reset with it). */
  onClose(handler: () => void): void {
    this.closeHandlers.add(handler);
  }

  get subscriberCount(): number {
    let total = 0;
    for (const set of this.listeners.values()) total += set.size;
    return total;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    for (const handler of this.closeHandlers) safely(handler);
    this.clearIdleTimer();
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.close();
  }

  private listen(): Promise<void> {
    this.subscription ??= listen(INBOX_CHANNEL, {
      notify: (payload) => this.dispatch(payload),
      resync: () => this.broadcast({ type: "resync" }),
    });
    return this.subscription.listening();
  }

  private remove(key: string, listener: HubListener): void {
    const set = this.listeners.get(key);
    if (!set) return;
    set.delete(listener);
    if (set.size === 0) this.listeners.delete(key);
    if (this.listeners.size === 0 && !this.idleTimer) {
      this.idleTimer = setTimeout(() => {
        this.idleTimer = null;
        if (this.listeners.size === 0) void this.close();
      }, IDLE_CLOSE_MS);
      this.idleTimer.unref();
    }
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private dispatch(payload: string): void {
    const signal = parseInboxSignal(payload);
    if (!signal) return;
    const hubSignal: HubSignal =
      signal.seq === null ? { type: "counts" } : { type: "item", seq: signal.seq };
    for (const key of [`${signal.workspaceId}:${signal.profileId}`, `${signal.workspaceId}:*`]) {
      const set = this.listeners.get(key);
      if (!set) continue;
      for (const listener of [...set]) safely(() => listener(hubSignal, signal));
    }
  }

  private broadcast(signal: HubSignal): void {
    for (const set of this.listeners.values()) {
      for (const listener of [...set]) safely(() => listener(signal, null));
    }
  }
}

function safely(work: () => void): void {
  try {
    work();
  } catch (error) {
    console.error("[cue] inbox stream listener failed", error);
  }
}

// One hub per process, even if the bundler instantiates this module once per
// route chunk.
const HUB = Symbol.for("cue.inboxHub");
type Holder = { [HUB]?: InboxHub };

export function getInboxHub(): InboxHub {
  const holder = globalThis as Holder;
  holder[HUB] ??= new InboxHub();
  return holder[HUB];
}

export function subscribeInbox(key: string, listener: HubListener): Promise<() => void> {
  return getInboxHub().subscribe(key, listener);
}

/** Tests and shutdown: drop every subscriber and the hub's LISTEN subscription. */
export async function closeInboxHub(): Promise<void> {
  await getInboxHub().close();
}
