import pg from "pg";
import { errorText } from "@/lib/log/error-text";
import { logger } from "@/lib/log/logger";

// LISTEN for every listener of the process on one connection: the worker
// (`cue_wake`), the engine (`cue_events`) and the inbox hub (`cue_inbox`)
// each subscribe to a channel, and one pg.Client outside the query pools
// carries them all.
//
// - A lost connection is reopened with exponential backoff (250 ms doubling
//   to 5 s). Notifications sent while it was down are gone, so once LISTEN is
//   back every subscriber's `resync` runs: it re-reads what it may have missed
//   (the worker runs a round, the engine a pass, the hub tells its streams).
// - `ready` resolves once LISTEN on the channel is active, so anything
//   committed after it is heard; it rejects when the first connection attempt
//   fails (retries go on, and `resync` follows the one that succeeds).
// - A channel is UNLISTENed when its last subscriber leaves, and the
//   connection is closed when no channel is left. Lingering is the
//   subscriber's choice (the inbox hub keeps its channel 30 s after its last
//   stream, so a page reload costs nothing).
// - One log line per change of state (lost, restored, cannot connect), never
//   one per retry.

export interface ListenHandlers {
  /** A notification on the channel (payload "" when it had none). */
  notify(payload: string): void;
  /** LISTEN is active again after a gap: notifications may have been missed. */
  resync?(): void;
}

export interface ListenSubscription {
  /** Resolves once LISTEN on the channel is active; rejects if the first attempt fails. */
  readonly ready: Promise<void>;
  /**
   * Resolves when the channel is being listened to: at once if it is, else
   * after the next connection attempt (started now if none is under way),
   * and rejects if that attempt fails.
   */
  listening(): Promise<void>;
  /** Stops this subscription (pending waits reject); the last one closes the connection. */
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Defaults to DATABASE_URL. */
  databaseUrl?: string;
}

export const LISTEN_APPLICATION_NAME = "cue-listen";
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;
const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;

interface Waiter {
  resolve(): void;
  reject(error: Error): void;
}

interface Subscriber {
  handlers: ListenHandlers;
  waiters: Set<Waiter>;
}

interface Channel {
  subscribers: Set<Subscriber>;
  /** LISTEN done on the current connection. */
  active: boolean;
}

type State = "idle" | "up" | "down";

class SharedListener {
  private client: pg.Client | null = null;
  private attempt: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private delay = RECONNECT_MIN_MS;
  private readonly channels = new Map<string, Channel>();
  private state: State = "idle";
  /** Set while notifications may have been lost, so the next connection resyncs. */
  private missed = false;
  private downSince = 0;
  // Bumped by close(): a connection that finishes opening afterwards is dropped.
  private generation = 0;

  constructor(
    private readonly url: string,
    private readonly onEmpty: () => void,
  ) {}

  subscribe(channel: string, handlers: ListenHandlers): ListenSubscription {
    const subscriber: Subscriber = { handlers, waiters: new Set() };
    let entry = this.channels.get(channel);
    if (!entry) {
      entry = { subscribers: new Set(), active: false };
      this.channels.set(channel, entry);
      if (this.client) void this.listenOn(this.client, channel, entry);
    }
    entry.subscribers.add(subscriber);
    let closed = false;
    const listening = (): Promise<void> => {
      if (closed) return Promise.reject(new Error(`LISTEN ${channel} was closed.`));
      const current = this.channels.get(channel);
      if (current?.active) return Promise.resolve();
      const wait = new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          resolve: () => {
            subscriber.waiters.delete(waiter);
            resolve();
          },
          reject: (error) => {
            subscriber.waiters.delete(waiter);
            reject(error);
          },
        };
        subscriber.waiters.add(waiter);
      });
      if (!this.client) this.connectNow();
      return wait;
    };
    const ready = listening();
    ready.catch(() => {}); // a caller that never awaits it must not see an unhandled rejection
    return {
      ready,
      listening,
      close: async () => {
        if (closed) return;
        closed = true;
        await this.unsubscribe(channel, subscriber);
      },
    };
  }

  /** Ends the connection and every subscription (tests, shutdown). */
  async close(): Promise<void> {
    this.generation += 1;
    const error = new Error("LISTEN was closed.");
    for (const entry of this.channels.values()) {
      for (const subscriber of entry.subscribers) rejectAll(subscriber, error);
    }
    this.channels.clear();
    await this.shutDown();
  }

  private async unsubscribe(channel: string, subscriber: Subscriber): Promise<void> {
    rejectAll(subscriber, new Error(`LISTEN ${channel} was closed.`));
    const entry = this.channels.get(channel);
    if (!entry?.subscribers.delete(subscriber) || entry.subscribers.size > 0) return;
    this.channels.delete(channel);
    if (this.channels.size === 0) {
      await this.shutDown();
      return;
    }
    const client = this.client;
    if (client && entry.active) await client.query(`UNLISTEN ${channel}`).catch(() => {});
  }

  private async shutDown(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.delay = RECONNECT_MIN_MS;
    this.missed = false;
    this.state = "idle";
    const client = this.client;
    this.client = null;
    this.onEmpty();
    await client?.end().catch(() => {});
  }

  private connectNow(): void {
    if (this.attempt) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.attempt = this.open().finally(() => {
      this.attempt = null;
    });
  }

  private async open(): Promise<void> {
    const generation = this.generation;
    const client = new pg.Client({
      connectionString: this.url,
      keepAlive: true,
      application_name: LISTEN_APPLICATION_NAME,
    });
    client.on("notification", (message) => this.dispatch(message.channel, message.payload ?? ""));
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, null));
    const listened: [string, Channel][] = [];
    try {
      await client.connect();
      for (const [name, entry] of [...this.channels]) {
        await client.query(`LISTEN ${name}`);
        listened.push([name, entry]);
      }
    } catch (error) {
      await client.end().catch(() => {});
      if (generation !== this.generation || this.channels.size === 0) return;
      this.failed(error);
      return;
    }
    if (generation !== this.generation || this.channels.size === 0) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.delay = RECONNECT_MIN_MS;
    if (this.state === "down") {
      const seconds = ((Date.now() - this.downSince) / 1000).toFixed(1);
      logger().info(`LISTEN connection restored after ${seconds} s`);
    }
    this.state = "up";
    for (const [name, entry] of listened) {
      if (this.channels.get(name) === entry) this.activate(entry);
      else if (!this.channels.has(name)) void client.query(`UNLISTEN ${name}`).catch(() => {});
    }
    // Channels subscribed while the connection was opening.
    for (const [name, entry] of this.channels) {
      if (!entry.active && !listened.some(([, e]) => e === entry))
        void this.listenOn(client, name, entry);
    }
    if (this.missed) {
      this.missed = false;
      for (const entry of this.channels.values()) {
        for (const subscriber of [...entry.subscribers]) {
          if (subscriber.handlers.resync) safely(subscriber.handlers.resync);
        }
      }
    }
  }

  private async listenOn(client: pg.Client, name: string, entry: Channel): Promise<void> {
    try {
      await client.query(`LISTEN ${name}`);
    } catch {
      return; // the connection went; its reconnect listens again
    }
    if (this.client === client && this.channels.get(name) === entry) this.activate(entry);
  }

  private activate(entry: Channel): void {
    entry.active = true;
    for (const subscriber of entry.subscribers) {
      for (const waiter of [...subscriber.waiters]) waiter.resolve();
    }
  }

  private failed(error: unknown): void {
    const cause = error instanceof Error ? error : new Error(errorText(error));
    for (const entry of this.channels.values()) {
      for (const subscriber of entry.subscribers) rejectAll(subscriber, cause);
    }
    if (this.state !== "down") {
      logger().warn(`cannot LISTEN (${errorText(error)}); retrying`);
      this.state = "down";
      this.downSince = Date.now();
    }
    this.missed = true;
    this.schedule();
  }

  private lost(client: pg.Client, error: Error | null): void {
    if (this.client !== client) return; // an attempt in progress handles its own failure
    this.client = null;
    for (const entry of this.channels.values()) entry.active = false;
    client.end().catch(() => {});
    if (this.channels.size === 0) return;
    this.missed = true;
    if (this.state !== "down") {
      const reason = error ? errorText(error) : "closed by the server";
      logger().warn(`LISTEN connection lost (${reason}); reconnecting`);
      this.state = "down";
      this.downSince = Date.now();
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.retryTimer || this.channels.size === 0) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.channels.size > 0 && !this.client) this.connectNow();
    }, this.delay);
    this.retryTimer.unref();
    this.delay = Math.min(this.delay * 2, RECONNECT_MAX_MS);
  }

  private dispatch(channel: string, payload: string): void {
    const entry = this.channels.get(channel);
    if (!entry) return;
    for (const subscriber of [...entry.subscribers]) {
      safely(() => subscriber.handlers.notify(payload));
    }
  }
}

function rejectAll(subscriber: Subscriber, error: Error): void {
  for (const waiter of [...subscriber.waiters]) waiter.reject(error);
}

function safely(work: () => void): void {
  try {
    work();
  } catch (error) {
    logger().error({ err: error }, "LISTEN subscriber failed");
  }
}

// One connection per database per process, even if the bundler loads this
// module once per route chunk.
const LISTENERS = Symbol.for("cue.listeners");
type Holder = { [LISTENERS]?: Map<string, SharedListener> };

function listeners(): Map<string, SharedListener> {
  const holder = globalThis as Holder;
  holder[LISTENERS] ??= new Map();
  return holder[LISTENERS];
}

/** Subscribes to a channel on the process's shared LISTEN connection. */
export function listen(
  channel: string,
  handlers: ListenHandlers,
  options: ListenOptions = {},
): ListenSubscription {
  if (!CHANNEL_NAME.test(channel)) throw new Error(`Invalid LISTEN channel name: ${channel}`);
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set; start Cue with `npm start` or set it explicitly.");
  const all = listeners();
  let listener = all.get(url);
  if (!listener) {
    const created: SharedListener = new SharedListener(url, () => {
      if (all.get(url) === created) all.delete(url);
    });
    all.set(url, created);
    listener = created;
  }
  return listener.subscribe(channel, handlers);
}

/** Closes every LISTEN connection and subscription of the process (tests, shutdown). */
export async function closeListeners(): Promise<void> {
  const all = [...listeners().values()];
  listeners().clear();
  await Promise.all(all.map((listener) => listener.close()));
}
