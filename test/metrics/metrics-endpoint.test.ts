import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as batchRoute } from "@/app/api/v1/batch/route";
import { GET as metricsRoute } from "@/app/metrics/route";
import { deliverDueEmails } from "@/lib/channels/email/deliver-due-emails";
import { processDueRuns } from "@/lib/engine/process-due-runs";
import { processEvents } from "@/lib/engine/process-events";
import type { JourneyDefinitionInput } from "@/lib/journey-core/definition";
import { serveWorkerMetrics } from "@/lib/metrics/serve-metrics";
import { publishDefinition } from "@/test/engine/engine-fixtures";
import { fakeResendForFile } from "@/test/fakes/fake-resend";
import {
  createChannelWorkspace,
  createProfile,
  emailContent,
  enqueue,
} from "@/test/fixtures/channels";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";

// GET /metrics end to end: the token gate, the exposition format (parsed
// strictly here, line by line), and counters and gauges that move when real
// work happens (ingestion, the engine, email delivery to a fake Resend).

const TOKEN = "metrics-test-token";
const fake = fakeResendForFile();
let ws: TestWorkspace;
const savedKey = process.env.RESEND_API_KEY;

const listener = {
  version: 1,
  nodes: [
    { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Metered" } },
    { id: "end", type: "exit" },
  ],
  edges: [{ from: "trigger", to: "end" }],
  settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
} satisfies JourneyDefinitionInput;

const delayed = {
  version: 1,
  nodes: [
    { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Delayed" } },
    {
      id: "wait",
      type: "delay",
      delay: { kind: "duration", duration: { amount: 1, unit: "hours" } },
    },
    { id: "end", type: "exit" },
  ],
  edges: [
    { from: "trigger", to: "wait" },
    { from: "wait", to: "end" },
  ],
  settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
} satisfies JourneyDefinitionInput;

beforeAll(async () => {
  delete process.env.RESEND_API_KEY;
  ws = await createTestWorkspace("Metrics");
  await publishDefinition(ws.workspaceId, "Listens to Metered", listener);
  await publishDefinition(ws.workspaceId, "Waits an hour", delayed);
});

async function drain(): Promise<number> {
  let evaluated = 0;
  for (;;) {
    const { events } = await processEvents({ log: () => {} });
    if (events === 0) return evaluated;
    evaluated += events;
  }
}
afterAll(() => {
  if (savedKey !== undefined) process.env.RESEND_API_KEY = savedKey;
});
afterEach(() => {
  vi.unstubAllEnvs();
});

function scrape(authorization: string | null = `Bearer ${TOKEN}`): Promise<Response> {
  const headers = authorization ? { authorization } : undefined;
  return metricsRoute(new Request("http://cue.test/metrics", { headers }));
}

type Samples = Map<string, number>;

const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const LABEL = `[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"`;
// NaN in any case: prom-client writes `Nan` for a gauge never sampled, which
// Prometheus reads (Go's ParseFloat ignores case there).
const VALUE = "(?:[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?|[nN][aA][nN]|[-+]Inf)";
const SAMPLE = new RegExp(
  `^(${NAME})(?:\\{((?:${LABEL})(?:,${LABEL})*)?,?\\})? (${VALUE})(?: -?\\d+)?$`,
);
const HELP = new RegExp(`^# HELP (${NAME}) .*$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);

/**
 * Parses Prometheus text exposition format 0.0.4 strictly: every line is a
 * HELP, a TYPE or a sample; every sample belongs to a family whose TYPE came
 * before it (histograms: _bucket, _sum, _count); no family is declared
 * twice; histogram buckets are cumulative and end at +Inf = _count.
 */
function parseExposition(text: string): Samples {
  expect(text.endsWith("\n"), "the exposition ends with a newline").toBe(true);
  const types = new Map<string, string>();
  const samples: Samples = new Map();
  for (const line of text.slice(0, -1).split("\n")) {
    if (line === "") continue;
    const type = TYPE.exec(line);
    if (type) {
      const [, name = "", kind = ""] = type;
      expect(types.has(name), `${name} declared twice`).toBe(false);
      types.set(name, kind);
      continue;
    }
    if (HELP.test(line)) continue;
    const sample = SAMPLE.exec(line);
    expect(sample, `not a valid exposition line: ${line}`).not.toBeNull();
    const [, name = "", labels = "", value = ""] = sample ?? [];
    const family = types.has(name) ? name : name.replace(/_(bucket|sum|count)$/, "");
    expect(types.has(family), `sample ${name} before its TYPE`).toBe(true);
    if (family !== name) expect(types.get(family)).toMatch(/histogram|summary/);
    const key = labels ? `${name}{${labels.replace(/,$/, "")}}` : name;
    expect(samples.has(key), `sample ${key} repeated`).toBe(false);
    samples.set(key, value === "+Inf" ? Infinity : value === "-Inf" ? -Infinity : Number(value));
  }
  checkHistograms(samples, types);
  return samples;
}

function checkHistograms(samples: Samples, types: Map<string, string>): void {
  for (const [family, kind] of types) {
    if (kind !== "histogram") continue;
    const series = new Map<string, [number, number][]>();
    for (const [key, value] of samples) {
      if (!key.startsWith(`${family}_bucket{`)) continue;
      const inside = key.slice(`${family}_bucket{`.length, -1).split(",");
      const le = inside.find((l) => l.startsWith("le="))?.slice(4, -1) ?? "";
      const others = inside.filter((l) => !l.startsWith("le="));
      const rest = others.length > 0 ? `{${others.join(",")}}` : "";
      const list = series.get(rest) ?? [];
      list.push([le === "+Inf" ? Infinity : Number(le), value]);
      series.set(rest, list);
    }
    for (const [labels, buckets] of series) {
      buckets.sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < buckets.length; i++) {
        expect(buckets[i]?.[1]).toBeGreaterThanOrEqual(buckets[i - 1]?.[1] ?? 0);
      }
      expect(buckets.at(-1)?.[0]).toBe(Infinity);
      const count = samples.get(`${family}_count${labels}`);
      expect(buckets.at(-1)?.[1]).toBe(count);
    }
  }
}

async function read(): Promise<Samples> {
  vi.stubEnv("METRICS_TOKEN", TOKEN);
  const response = await scrape();
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await response.text());
}

const get = (samples: Samples, key: string) => samples.get(key) ?? 0;

function batch(items: Record<string, unknown>[], key = ws.writeKey): Promise<Response> {
  return batchRoute(
    new Request("http://cue.test/api/v1/batch", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}`,
      },
      body: JSON.stringify({ batch: items }),
    }),
  );
}

const metered = (userId: string) => ({
  type: "track",
  event: "Metered",
  userId,
  messageId: randomUUID(),
});

describe("GET /metrics", () => {
  it("is off (404) without METRICS_TOKEN, and asks for the bearer token when on", async () => {
    vi.stubEnv("METRICS_TOKEN", "");
    expect((await scrape()).status).toBe(404);

    vi.stubEnv("METRICS_TOKEN", TOKEN);
    for (const header of [null, "Bearer wrong-token", `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const response = await scrape(header);
      expect(response.status, String(header)).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        "unauthorized",
      );
    }
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(200);
  });

  it("parses as Prometheus text and has every documented family", async () => {
    const samples = await read();
    for (const key of [
      "cue_database_up",
      "cue_engine_queue_depth",
      "cue_engine_queue_oldest_age_seconds",
      "cue_due_runs",
      "cue_due_runs_oldest_age_seconds",
      'cue_email_queue_messages{status="queued"}',
      'cue_email_queue_messages{status="sending"}',
      'cue_email_queue_messages{status="failed"}',
      "cue_email_oldest_due_age_seconds",
      "cue_webhooks_pending",
      "cue_webhooks_oldest_due_age_seconds",
      'cue_db_pool_connections{pool="default",state="total"}',
      'cue_db_pool_connections{pool="generic",state="waiting"}',
      "process_resident_memory_bytes",
    ]) {
      expect(samples.has(key), key).toBe(true);
    }
    expect(get(samples, "cue_database_up")).toBe(1);
    expect(get(samples, 'cue_db_pool_connections{pool="default",state="total"}')).toBeGreaterThan(
      0,
    );
  });

  it("counts ingestion and the engine: requests, events by outcome, queue depth, lag", async () => {
    const before = await read();
    const response = await batch([
      metered("u1"),
      metered("u2"),
      metered("u3"),
      { type: "track", userId: "u4" }, // no event name: rejected
    ]);
    expect(response.status).toBe(200);
    expect((await batch([metered("u5")], "wk_nobody")).status).toBe(401);

    const queued = await read();
    const delta = (key: string) => get(queued, key) - get(before, key);
    expect(delta('cue_ingest_requests_total{status="200"}')).toBe(1);
    expect(delta('cue_ingest_requests_total{status="401"}')).toBe(1);
    expect(delta('cue_ingest_events_total{outcome="accepted"}')).toBe(3);
    expect(delta('cue_ingest_events_total{outcome="rejected"}')).toBe(1);
    expect(get(queued, "cue_engine_queue_depth")).toBe(3);
    expect(get(queued, "cue_engine_queue_oldest_age_seconds")).toBeGreaterThanOrEqual(0);

    expect(await drain()).toBe(3);
    const after = await read();
    expect(get(after, "cue_engine_queue_depth")).toBe(0);
    expect(get(after, "cue_engine_queue_oldest_age_seconds")).toBe(0);
    expect(
      get(after, "cue_engine_events_evaluated_total") -
        get(queued, "cue_engine_events_evaluated_total"),
    ).toBe(3);
    expect(
      get(after, "cue_engine_event_lag_seconds_count") -
        get(queued, "cue_engine_event_lag_seconds_count"),
    ).toBe(3);
    expect(get(after, "cue_engine_event_lag_seconds_sum")).toBeGreaterThan(
      get(queued, "cue_engine_event_lag_seconds_sum"),
    );
  });

  it("shows overdue run timers: how many and how late", async () => {
    // Entered two hours ago (event time) with a one-hour wait: due an hour ago.
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const item = { ...metered("late-1"), event: "Delayed", timestamp: twoHoursAgo };
    expect((await batch([item])).status).toBe(200);
    await drain();
    const due = await read();
    expect(get(due, "cue_due_runs")).toBe(1);
    expect(get(due, "cue_due_runs_oldest_age_seconds")).toBeGreaterThan(3_500);
    expect(get(due, "cue_due_runs_oldest_age_seconds")).toBeLessThan(3_700);

    await processDueRuns({ log: () => {}, allowedLatenessMs: 0 });
    const done = await read();
    expect(get(done, "cue_due_runs")).toBe(0);
    expect(get(done, "cue_due_runs_oldest_age_seconds")).toBe(0);
  });

  it("counts email: queue depth by status, provider answers by status code, retries", async () => {
    const channel = await createChannelWorkspace({ name: "Metrics email" });
    const profile = await createProfile(channel.workspaceId, { traits: { name: "Ann" } });
    const queue = (n: number) =>
      enqueue({
        workspaceId: channel.workspaceId,
        profileId: profile.id,
        content: emailContent({ subject: `Hello ${n}` }),
      });
    await queue(1);
    await queue(2);
    const before = await read();
    expect(get(before, 'cue_email_queue_messages{status="queued"}')).toBeGreaterThanOrEqual(2);
    expect(get(before, "cue_email_oldest_due_age_seconds")).toBeGreaterThanOrEqual(0);

    fake.reset();
    fake.failNext(1, 500);
    // The two leave as one batch request: a 500 retries both.
    expect(await deliverDueEmails()).toMatchObject({ batches: 1, retried: 2 });
    const retrying = await read();
    const delta = (key: string, from = before, to = retrying) => get(to, key) - get(from, key);
    expect(delta('cue_email_deliveries_total{result="retried"}')).toBe(2);
    expect(delta('cue_email_provider_request_duration_seconds_count{status="500"}')).toBe(1);
    // Both are back in the queue for their retry.
    expect(delta('cue_email_queue_messages{status="queued"}')).toBe(0);

    const later = new Date(Date.now() + 3_600_000);
    expect(await deliverDueEmails({ now: later })).toMatchObject({ batches: 1, sent: 2 });
    const after = await read();
    expect(delta('cue_email_deliveries_total{result="sent"}', retrying, after)).toBe(2);
    expect(
      delta('cue_email_provider_request_duration_seconds_count{status="200"}', retrying, after),
    ).toBe(1);
    expect(delta('cue_email_queue_messages{status="queued"}', before, after)).toBe(-2);
  });
});

describe("a standalone worker's /metrics (METRICS_PORT)", () => {
  it("serves the same exposition under the same token rule", async () => {
    vi.stubEnv("METRICS_TOKEN", TOKEN);
    const server = await serveWorkerMetrics(0, "127.0.0.1");
    try {
      const { port } = server.address() as { port: number };
      const url = `http://127.0.0.1:${port}`;
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      expect((await fetch(`${url}/other`)).status).toBe(404);
      const response = await fetch(`${url}/metrics`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(response.status).toBe(200);
      const samples = parseExposition(await response.text());
      expect(samples.has("cue_engine_events_evaluated_total")).toBe(true);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
