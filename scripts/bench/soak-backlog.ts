// bench:soak's view of the work waiting in its workspace, read from
// PostgreSQL as the /metrics gauges are (lib/metrics/collect-queue-gauges.ts),
// and the line it prints for each sample.
import { sql } from "@/lib/db/sql";
import type { SoakProcess } from "./soak-processes";

export interface Backlog {
  /** engine_queue rows (events accepted, not yet evaluated). */
  engine: number;
  /** Runs whose timer is due and not yet stepped. */
  dueRuns: number;
  /** Runs waiting on a timer, due or not. */
  waitingRuns: number;
  /** The soak journey's email messages by status. */
  email: Record<string, number>;
}

export async function readBacklog(workspaceId: string, journeyId: string): Promise<Backlog> {
  const [row] = await sql.$queryRaw<
    { engine: bigint; due: bigint; waiting: bigint; email: Record<string, number> | null }[]
  >`
    SELECT
      (SELECT count(*) FROM engine_queue WHERE "workspaceId" = ${workspaceId}) AS engine,
      (SELECT count(*) FROM journey_runs
        WHERE "workspaceId" = ${workspaceId} AND "wakeAt" <= now()) AS due,
      (SELECT count(*) FROM journey_runs
        WHERE "workspaceId" = ${workspaceId} AND "wakeAt" IS NOT NULL) AS waiting,
      (SELECT jsonb_object_agg(status, n) FROM (
         SELECT status::text AS status, count(*) AS n FROM messages
         WHERE "workspaceId" = ${workspaceId} AND "journeyId" = ${journeyId} AND channel = 'email'
         GROUP BY status) s) AS email`;
  return {
    engine: Number(row?.engine ?? 0),
    dueRuns: Number(row?.due ?? 0),
    waitingRuns: Number(row?.waiting ?? 0),
    email: row?.email ?? {},
  };
}

/** Nothing left to do: no queued event, no waiting run, no email queued or in flight. */
export function drained(backlog: Backlog, expectedEmails: number): boolean {
  const email = backlog.email;
  const total = Object.values(email).reduce((a, b) => a + b, 0);
  return (
    backlog.engine === 0 &&
    backlog.waitingRuns === 0 &&
    (email.queued ?? 0) === 0 &&
    (email.sending ?? 0) === 0 &&
    total >= expectedEmails
  );
}

const pad = (value: string, width: number) => value.padStart(width);

export function sampleHeader(processes: SoakProcess[]): string {
  const memory = processes.map((p) => pad(`${p.name} rss/heap MB`, 20)).join(" ");
  return `${pad("t s", 6)} ${pad("phase", 5)} ${pad("events/s", 8)} ${memory} ${pad("engine q", 8)} ${pad("due runs", 8)} ${pad("waiting", 7)}  email (queued/sending/sent/failed)  provider (200/429/5xx/reset/4xx)`;
}

export function sampleLine(input: {
  seconds: number;
  phase: string;
  eventsPerSecond: number;
  processes: SoakProcess[];
  backlog: Backlog;
  provider: { ok: number; limited: number; errors: number; resets: number; rejected: number };
}): string {
  const memory = input.processes
    .map((p) => {
      const s = p.samples.at(-1);
      return pad(s ? `${s.rssMb.toFixed(0)}/${s.heapUsedMb.toFixed(0)}` : "-", 20);
    })
    .join(" ");
  const e = input.backlog.email;
  const email = `${e.queued ?? 0}/${e.sending ?? 0}/${e.sent ?? 0}/${e.failed ?? 0}`;
  const p = input.provider;
  return `${pad(input.seconds.toFixed(0), 6)} ${pad(input.phase, 5)} ${pad(input.eventsPerSecond.toFixed(0), 8)} ${memory} ${pad(String(input.backlog.engine), 8)} ${pad(String(input.backlog.dueRuns), 8)} ${pad(String(input.backlog.waitingRuns), 7)}  ${email.padEnd(34)}  ${p.ok}/${p.limited}/${p.errors}/${p.resets}/${p.rejected}`;
}
