import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";

// A local stand-in for the Resend API, so tests run the real SDK over real
// HTTP (point it here with RESEND_BASE_URL or the SDK's baseUrl option).
// POST /emails behaves like Resend where it matters to us:
// - the same Idempotency-Key with the same body returns the same id and is
//   NOT a second delivery; with a different body it is a 409;
// - errors come back as Resend's JSON { statusCode, name, message };
// - faults can be injected for the next N requests: an error status (429
//   with retry-after, 500, …) or a slow answer. A slow request IS accepted
//   (the email goes out) and only its answer is late — the case where a
//   client times out and must retry without sending twice;
// - a rate limit can be enforced as Resend does (a token bucket of `rate`
//   requests refilled at `rate` per second, across every key): a request
//   over it gets 429 rate_limit_exceeded with `retry-after` (whole seconds)
//   and the ratelimit-* headers, and sends nothing. Every answer carries
//   ratelimit-limit / -remaining / -reset while a limit is on;
// - a connection reset (the socket is destroyed, nothing sent) and a hang
//   (never answered, nothing sent) can be injected.
// POST /emails/batch behaves like Resend's batch endpoint with strict
// validation (the SDK's default): a JSON array of 1 to 100 emails (else
// 422); every email must be valid (from, to, subject, well-formed
// addresses, no attachments or scheduled_at) or the whole request is a 422
// and nothing is sent; the Idempotency-Key covers the whole request (the
// same key + body answers the same ids and sends nothing again, a different
// body is a 409); the answer is { data: [{ id }, …] } in request order. A
// batch is one request: one rate-limit token, one injected fault. Single
// sends check addresses the same way.

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  idempotencyKey: string | null;
  /** The JSON body (for POST /emails/batch, its array of emails: see `batchEmails`). */
  body: Record<string, unknown> | null;
  /** What the fake answered (status 0: still waiting when the client gave up, or reset). */
  status: number;
  /** When the request arrived and when it was answered (ms since epoch; 0: never). */
  at: number;
  answeredAt: number;
}

export interface Delivery {
  id: string;
  /** The request's Idempotency-Key (a batch's key for each of its emails). */
  idempotencyKey: string | null;
  /** The email's position in its batch (null: sent by POST /emails). */
  index: number | null;
  body: Record<string, unknown>;
}

/** The emails of a POST /emails/batch request, in order ([] for anything else). */
export function batchEmails(request: RecordedRequest): Record<string, unknown>[] {
  return request.path === "/emails/batch" && Array.isArray(request.body)
    ? (request.body as Record<string, unknown>[])
    : [];
}

/** What makes a delivery unique at Resend: its request's key, and its place in a batch. */
export function deliveryKey(delivery: Delivery): string | null {
  if (delivery.idempotencyKey === null) return null;
  return delivery.index === null
    ? delivery.idempotencyKey
    : `${delivery.idempotencyKey}[${delivery.index}]`;
}

/** The cue_message_id tag of a delivered email. */
export function deliveredMessageId(delivery: Delivery): string | null {
  const tags = delivery.body.tags as { name: string; value: string }[] | undefined;
  return tags?.find((t) => t.name === "cue_message_id")?.value ?? null;
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
/** `a@b.c` or `Name <a@b.c>`, as Resend accepts them. */
function validAddress(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const named = /^[^<>]*<([^<>]+)>$/.exec(value.trim());
  return ADDRESS.test(named ? (named[1] as string) : value.trim());
}

/** Resend's strict validation of one email: null when it is valid. */
function invalidEmail(email: unknown, inBatch: boolean): string | null {
  if (!email || typeof email !== "object" || Array.isArray(email)) return "Invalid email object.";
  const body = email as Record<string, unknown>;
  if (!body.from || !body.to || !body.subject) return "Missing `from`, `to` or `subject`.";
  if (!validAddress(body.from)) {
    return "Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.";
  }
  const to = Array.isArray(body.to) ? body.to : [body.to];
  if (to.length === 0 || !to.every(validAddress)) {
    return "Invalid `to` field. The email address needs to follow the `email@example.com` format.";
  }
  if (inBatch && body.attachments !== undefined) return "Attachments are not supported in batch.";
  if (inBatch && body.scheduled_at !== undefined)
    return "`scheduled_at` is not supported in batch.";
  return null;
}

/** Resend's batch limit. */
export const FAKE_BATCH_LIMIT = 100;

type Fault =
  | { kind: "error"; status: number; retryAfter?: string; name: string; message: string }
  | { kind: "slow"; delayMs: number }
  | { kind: "reset" }
  | { kind: "hang" };

export interface FakeResend {
  url: string;
  /** Every request to POST /emails and /emails/batch, in order, including failed and duplicate ones. */
  requests: RecordedRequest[];
  /** Each email actually accepted once (duplicates by Idempotency-Key are not repeated). */
  deliveries: Delivery[];
  /** The next `count` requests fail with `status` (nothing is sent). */
  failNext(
    count: number,
    status: number,
    options?: { retryAfter?: string; message?: string; name?: string },
  ): void;
  /** The next `count` requests are accepted but answered after `delayMs`. */
  slowNext(count: number, delayMs: number): void;
  /** The next `count` requests get their connection reset (nothing is sent). */
  resetNext(count: number): void;
  /** The next `count` requests are never answered (nothing is sent). */
  hangNext(count: number): void;
  /** Enforce Resend's rate limit: `perSecond` requests per second (null: no limit). */
  setRateLimit(perSecond: number | null): void;
  /** How many requests were refused with 429 by the enforced limit. */
  readonly rateLimitedCount: number;
  /** The most requests open at the same time (arrived and not yet answered, reset or given up). */
  readonly maxInFlight: number;
  /** The most requests that passed the limit within any `windowMs` (arrival times). */
  maxPassedInWindow(windowMs: number): number;
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_NAMES: Record<number, string> = {
  400: "validation_error",
  401: "missing_api_key",
  403: "invalid_access",
  409: "invalid_idempotent_request",
  422: "validation_error",
  429: "rate_limit_exceeded",
  500: "internal_server_error",
};

export async function startFakeResend(): Promise<FakeResend> {
  const requests: RecordedRequest[] = [];
  const deliveries: Delivery[] = [];
  const faults: Fault[] = [];
  const byKey = new Map<string, { ids: string[]; hash: string }>();
  const hung = new Set<ServerResponse>();
  const passed: number[] = [];
  let counter = 0;
  let limit: { rate: number; tokens: number; refilledAt: number } | null = null;
  let rateLimitedCount = 0;
  let inFlight = 0;
  let maxInFlight = 0;

  /** Takes a token, or says how long until one is back (ms). */
  const takeToken = (now: number): { ok: true } | { ok: false; waitMs: number } => {
    if (!limit) return { ok: true };
    limit.tokens = Math.min(
      limit.rate,
      limit.tokens + ((now - limit.refilledAt) / 1000) * limit.rate,
    );
    limit.refilledAt = now;
    if (limit.tokens >= 1) {
      limit.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, waitMs: ((1 - limit.tokens) / limit.rate) * 1000 };
  };
  const limitHeaders = (): Record<string, string> =>
    limit
      ? {
          "ratelimit-limit": String(limit.rate),
          "ratelimit-remaining": String(Math.max(0, Math.floor(limit.tokens))),
          "ratelimit-reset": "1",
        }
      : {};

  const server = createServer(async (req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once("close", () => inFlight--);
    const raw = await readBody(req);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
    );
    const idempotencyKey = headers["idempotency-key"] || null;
    let body: Record<string, unknown> | null = null;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null; // an array for a batch
    } catch {
      body = null;
    }
    const entry: RecordedRequest = {
      method: req.method ?? "",
      path,
      headers,
      idempotencyKey,
      body,
      status: 0,
      at: Date.now(),
      answeredAt: 0,
    };

    if (req.method !== "POST" || (path !== "/emails" && path !== "/emails/batch")) {
      return send(res, entry, 404, { statusCode: 404, name: "not_found", message: "Not found" });
    }
    requests.push(entry);
    if (!/^Bearer\s+\S+/.test(headers.authorization ?? "")) {
      return send(res, entry, 401, {
        statusCode: 401,
        name: "missing_api_key",
        message: "Missing API key in the authorization header.",
      });
    }
    const token = takeToken(entry.at);
    if (!token.ok && limit) {
      rateLimitedCount++;
      return send(
        res,
        entry,
        429,
        {
          statusCode: 429,
          name: "rate_limit_exceeded",
          message: `Too many requests. You can only make ${limit.rate} requests per second. See rate limit response headers for more information. Or contact support to increase rate limit.`,
        },
        { ...limitHeaders(), "retry-after": String(Math.max(1, Math.ceil(token.waitMs / 1000))) },
      );
    }
    passed.push(entry.at);
    const fault = faults.shift();
    if (fault?.kind === "reset") {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "hang") {
      hung.add(res);
      return;
    }
    if (fault?.kind === "error") {
      const extra: Record<string, string> = fault.retryAfter
        ? { "retry-after": fault.retryAfter }
        : {};
      return send(
        res,
        entry,
        fault.status,
        { statusCode: fault.status, name: fault.name, message: fault.message },
        { ...limitHeaders(), ...extra },
      );
    }
    const batch = path === "/emails/batch";
    const emails: unknown[] = batch ? (Array.isArray(body) ? body : []) : [body];
    let invalid: string | null = null;
    if (batch && (!Array.isArray(body) || emails.length === 0)) {
      invalid = "The batch must be an array of 1 to 100 emails.";
    } else if (emails.length > FAKE_BATCH_LIMIT) {
      invalid = `Too many emails in the batch: ${emails.length}, the maximum is ${FAKE_BATCH_LIMIT}.`;
    } else {
      for (const [i, email] of emails.entries()) {
        const reason = invalidEmail(email, batch);
        if (reason) {
          invalid = batch ? `emails[${i}]: ${reason}` : reason;
          break;
        }
      }
    }
    if (invalid) {
      return send(res, entry, 422, { statusCode: 422, name: "validation_error", message: invalid });
    }

    const hash = createHash("sha256").update(raw).digest("hex");
    let ids: string[];
    const keyed = idempotencyKey ? `${path} ${idempotencyKey}` : null;
    const seen = keyed ? byKey.get(keyed) : undefined;
    if (seen) {
      if (seen.hash !== hash) {
        return send(res, entry, 409, {
          statusCode: 409,
          name: "invalid_idempotent_request",
          message: "Same idempotency key used with a different request payload.",
        });
      }
      ids = seen.ids;
    } else {
      ids = emails.map(() => `fake_${++counter}_${hash.slice(0, 8)}`);
      if (keyed) byKey.set(keyed, { ids, hash });
      for (const [i, email] of emails.entries()) {
        deliveries.push({
          id: ids[i] as string,
          idempotencyKey,
          index: batch ? i : null,
          body: email as Record<string, unknown>,
        });
      }
    }
    if (fault?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    const answer = batch ? { data: ids.map((id) => ({ id })) } : { id: ids[0] };
    return send(res, entry, 200, answer, limitHeaders());
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    deliveries,
    failNext(count, status, options = {}) {
      for (let i = 0; i < count; i++) {
        faults.push({
          kind: "error",
          status,
          retryAfter: options.retryAfter,
          name: options.name ?? DEFAULT_NAMES[status] ?? "application_error",
          message: options.message ?? `Injected ${status}`,
        });
      }
    },
    slowNext(count, delayMs) {
      for (let i = 0; i < count; i++) faults.push({ kind: "slow", delayMs });
    },
    resetNext(count) {
      for (let i = 0; i < count; i++) faults.push({ kind: "reset" });
    },
    hangNext(count) {
      for (let i = 0; i < count; i++) faults.push({ kind: "hang" });
    },
    setRateLimit(perSecond) {
      limit = perSecond ? { rate: perSecond, tokens: perSecond, refilledAt: Date.now() } : null;
    },
    get rateLimitedCount() {
      return rateLimitedCount;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    maxPassedInWindow(windowMs) {
      const times = [...passed].sort((a, b) => a - b);
      let most = 0;
      let start = 0;
      for (let end = 0; end < times.length; end++) {
        while ((times[end] as number) - (times[start] as number) >= windowMs) start++;
        most = Math.max(most, end - start + 1);
      }
      return most;
    },
    reset() {
      requests.length = 0;
      deliveries.length = 0;
      faults.length = 0;
      passed.length = 0;
      byKey.clear();
      for (const res of hung) res.destroy();
      hung.clear();
      limit = null;
      rateLimitedCount = 0;
      maxInFlight = inFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hung) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(
  res: ServerResponse,
  entry: RecordedRequest,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.socket?.destroyed !== false) return; // the client gave up and left
  entry.status = status;
  entry.answeredAt = Date.now();
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A fake Resend for the whole test file: started before its other beforeAll
 * hooks (call this first), with RESEND_BASE_URL pointing at it, and stopped
 * afterwards. The returned object stands for the running fake.
 */
export function fakeResendForFile(): FakeResend {
  let current: FakeResend | null = null;
  const saved = process.env.RESEND_BASE_URL;
  beforeAll(async () => {
    current = await startFakeResend();
    process.env.RESEND_BASE_URL = current.url;
  });
  afterAll(async () => {
    await current?.close();
    if (saved === undefined) delete process.env.RESEND_BASE_URL;
    else process.env.RESEND_BASE_URL = saved;
  });
  return new Proxy({} as FakeResend, {
    get(_target, property) {
      if (!current) throw new Error("The fake Resend starts in beforeAll; use it inside tests.");
      const value = Reflect.get(current, property, current);
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}
