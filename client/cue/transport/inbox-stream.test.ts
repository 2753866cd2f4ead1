import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { InboxItem } from "../types";
import { createAuth } from "./auth";
import { openInboxStream, type StreamOptions } from "./inbox-stream";

type Listener = (event: { data: string }) => void;

class FakeEventSource {
  static opened: FakeEventSource[] = [];
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners: Record<string, Listener[]> = {};
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: Listener) {
    this.listeners[type] = (this.listeners[type] ?? []).concat(listener);
  }
  close() {
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  emit(type: string, data: string) {
    for (const listener of this.listeners[type] ?? []) listener({ data });
  }
  /** The server answered 401 or 403: the browser gives up on this source. */
  refuse() {
    this.readyState = 2;
    this.onerror?.();
  }
  /** The connection dropped: the browser reconnects this source by itself. */
  drop() {
    this.readyState = 0;
    this.onerror?.();
  }
}

const sources = () => FakeEventSource.opened;
const last = () => sources()[sources().length - 1] as FakeEventSource;
const query = (source: FakeEventSource) => Object.fromEntries(new URL(source.url).searchParams);

function open(overrides: Partial<StreamOptions> = {}) {
  const received = { items: [] as unknown[], counts: [] as unknown[], errors: [] as unknown[] };
  const stream = openInboxStream({
    host: "https://cue.test",
    auth: createAuth({ writeKey: "wk", userId: "ada", userHash: "abc" }),
    lastSeq: () => 0,
    onItem: (item) => received.items.push(item),
    onCounts: (counts) => received.counts.push(counts),
    onError: (error) => received.errors.push(error),
    ...overrides,
  });
  return { stream, received };
}

beforeEach(() => {
  FakeEventSource.opened = [];
  vi.stubGlobal("EventSource", FakeEventSource);
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("openInboxStream", () => {
  it("authenticates by query parameters and resumes after the newest seq held", () => {
    open({ lastSeq: () => 41 });
    expect(last().url.startsWith("https://cue.test/api/v1/inbox/stream?")).toBe(true);
    expect(query(last())).toEqual({
      write_key: "wk",
      user_id: "ada",
      user_hash: "abc",
      last_event_id: "41",
    });
  });

  it("sends no last_event_id before anything was received", () => {
    open();
    expect(query(last())).not.toHaveProperty("last_event_id");
  });

  it("hands over items and counts; a malformed event is reported and the stream goes on", () => {
    const { received } = open();
    const item = { id: "i1", seq: 3, kind: "card" } as InboxItem;
    last().emit("item", JSON.stringify(item));
    last().emit("item", "{not json");
    last().emit("counts", JSON.stringify({ unread: 1, unseen: 1 }));
    expect(received.items).toEqual([item]);
    expect(received.counts).toEqual([{ unread: 1, unseen: 1 }]);
    expect(received.errors).toHaveLength(1);
  });

  it("leaves a dropped connection to the browser's own retry", () => {
    open();
    last().drop();
    vi.advanceTimersByTime(60_000);
    expect(sources()).toHaveLength(1);
  });

  it("after a refusal reconnects with backoff (1 s, doubling, at most 30 s), from the seq held then", async () => {
    let seq = 5;
    open({ lastSeq: () => seq });
    const delays: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const before = sources().length;
      last().refuse();
      let waited = 0;
      while (sources().length === before) {
        await vi.advanceTimersByTimeAsync(500);
        waited += 500;
      }
      delays.push(waited);
      seq += 1;
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(query(last()).last_event_id).toBe("11");
  });

  it("a connection that opens resets the backoff", async () => {
    open();
    last().refuse();
    await vi.advanceTimersByTimeAsync(1000);
    last().refuse();
    await vi.advanceTimersByTimeAsync(2000);
    last().open();
    last().refuse();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sources()).toHaveLength(4);
  });

  it("with a token, fetches a fresh one before reconnecting; a failed refresh is reported and retried later", async () => {
    const tokens = ["t2", ""];
    const refreshToken = vi.fn(async () => tokens.shift());
    const { received } = open({ auth: createAuth({ writeKey: "wk", token: "t1", refreshToken }) });
    expect(query(last()).token).toBe("t1");
    last().refuse();
    await vi.advanceTimersByTimeAsync(1000);
    expect(query(last()).token).toBe("t2");
    last().refuse();
    await vi.advanceTimersByTimeAsync(2000);
    expect(received.errors).toEqual([new Error("refreshToken returned no token.")]);
    expect(sources()).toHaveLength(3);
    expect(refreshToken).toHaveBeenCalledTimes(2);
  });

  it("close() shuts the source and cancels a pending reconnect", async () => {
    const first = open();
    first.stream.close();
    expect(last().readyState).toBe(2);
    const second = open();
    last().refuse();
    second.stream.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sources()).toHaveLength(2);
  });
});
