import "server-only";
import pg from "pg";
import { INBOX_CHANNEL, type InboxSignal, parseInboxSignal } from "./inbox-signal";

// The per-process LISTEN hub. One dedicated connection (outside Prisma's
// pool) LISTENs on cue_inbox and fans each notification out to this
// process's SSE streams, keyed by `${workspaceId}:${profileId}`. A workspace
// key (`${workspaceId}:*`) hears every profile of it: streams of users who
// have no profile yet wait there for theirs to appear.
//
// Notifications sent while the connection is down are lost, so after a
// reconnect every subscriber gets a `resync` and re-reads from its last seq.

export type HubSignal = { type: "item"; seq: bigint } | { type: "counts" } | { type: "resync" };
export type HubListener = (signal: HubSignal, from: InboxSignal | null) => void;

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;
// With no subscribers the connection lingers a while, so a page reload does
// not cost a reconnect, then closes.
const IDLE_CLOSE_MS = 30_000;

class InboxHub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly listeners = new Map<string, Set<HubListener>>();
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private hadConnection = false;
  // Bumped by close(), so a connection that finishes opening afterwards is dropped.
  private generation = 0;
  private readonly closeHandlers = new Set<() => void>();

  /** Resolves once LISTEN is active, so nothing committed after it is missed. */
  async subscribe(key: string, listener: HubListener): Promise<() => void> {
    const set = this.listeners.get(key) ?? new Set<HubListener>();
    this.listeners.set(key, set);
    set.add(listener);
    this.clearIdleTimer();
    const unsubscribe = () => this.remove(key, listener);
    try {
      await this.connect();
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
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const client = this.client;
    this.client = null;
    this.connecting = null;
    this.hadConnection = false;
    this.generation += 1;
    await client?.end().catch(() => {});
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

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set.");
    const generation = this.generation;
    const client = new pg.Client({ connectionString, keepAlive: true });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, null));
    client.on("notification", (message) => {
      if (message.channel === INBOX_CHANNEL && message.payload) this.dispatch(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${INBOX_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (generation !== this.generation) {
      await client.end().catch(() => {});
      throw new Error("The inbox hub was closed while connecting.");
    }
    this.client = client;
    this.reconnectDelay = RECONNECT_MIN_MS;
    if (this.hadConnection) this.broadcast({ type: "resync" });
    this.hadConnection = true;
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

  private lost(client: pg.Client, error: Error | null): void {
    if (this.client !== client && this.client !== null) return;
    if (this.client === client) this.client = null;
    client.end().catch(() => {});
    if (this.listeners.size === 0 || this.reconnectTimer) return;
    if (error) console.error("[cue] inbox LISTEN connection lost; reconnecting", error.message);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.listeners.size === 0) return;
      this.connect().catch(() => this.lost(client, null));
    }, this.reconnectDelay);
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
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

/** Tests and shutdown: drop every subscriber and the LISTEN connection. */
export async function closeInboxHub(): Promise<void> {
  await getInboxHub().close();
}
