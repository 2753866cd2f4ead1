import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

// The request id of the request being served, for every log line written
// while serving it (logger.ts adds it as `reqId`). The custom server
// (scripts/start.ts) runs each request inside one; a sane incoming
// `X-Request-Id` (a proxy's) is kept, else a new one is made, and the answer
// carries it back in `X-Request-Id`.

const KEY = Symbol.for("cue.request-context");
type Holder = { [KEY]?: AsyncLocalStorage<{ requestId: string }> };

function storage(): AsyncLocalStorage<{ requestId: string }> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new AsyncLocalStorage();
  return holder[KEY];
}

const SANE = /^[\w.:@-]{1,128}$/;

/** The incoming id when it is sane (letters, digits, `_.:@-`, up to 128), else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined | null): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SANE.test(value) ? value : randomUUID();
}

export function withRequestId<T>(requestId: string, work: () => T): T {
  return storage().run({ requestId }, work);
}

/** Runs `work` outside any request (process-wide work started by a request, e.g. a probe). */
export function outsideRequest<T>(work: () => T): T {
  return storage().exit(work);
}

export function currentRequestId(): string | undefined {
  return storage().getStore()?.requestId;
}
