// The live stream (GET /api/v1/inbox/stream, Server-Sent Events). It hands
// items and counts to whoever opened it and reconnects on its own.

import type { Counts, InboxItem } from "../types";
import type { Auth } from "./auth";

export interface StreamOptions {
  host: string;
  auth: Auth;
  /** The newest seq already held, read at every (re)connect: the stream resumes after it. */
  lastSeq(): number;
  onItem(item: InboxItem): void;
  onCounts(counts: Counts): void;
  onError(error: unknown): void;
}

export interface InboxStream {
  close(): void;
}

const CLOSED = 2; // EventSource.CLOSED
const FIRST_DELAY = 1000;
const MAX_DELAY = 30000;

export function openInboxStream(options: StreamOptions): InboxStream {
  let source: EventSource | null = null;
  let delay = FIRST_DELAY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  function listen<T>(es: EventSource, type: string, handle: (data: T) => void) {
    es.addEventListener(type, (event) => {
      try {
        handle(JSON.parse(event.data));
      } catch (e) {
        options.onError(e);
      }
    });
  }

  function connect() {
    if (closed || typeof EventSource === "undefined") return;
    const params = options.auth.params();
    const seq = options.lastSeq();
    if (seq) params.last_event_id = String(seq);
    const es = new EventSource(
      `${options.host}/api/v1/inbox/stream?${new URLSearchParams(params)}`,
    );
    source = es;
    listen(es, "item", options.onItem);
    listen(es, "counts", options.onCounts);
    es.onopen = () => {
      delay = FIRST_DELAY;
    };
    es.onerror = () => {
      // EventSource retries by itself unless the server refused (401, 403):
      // then reconnect with backoff, refreshing an expired token first.
      if (es.readyState !== CLOSED || source !== es) return;
      source = null;
      const wait = delay;
      delay = Math.min(delay * 2, MAX_DELAY);
      timer = setTimeout(() => {
        const auth = options.auth;
        (auth.usesRefreshedToken() ? auth.refresh() : Promise.resolve())
          .catch(options.onError)
          .then(connect);
      }, wait);
    };
  }

  connect();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      if (source) source.close();
      source = null;
    },
  };
}
