import { Prisma } from "@/lib/generated/prisma/client";
import type { JourneyDefinition } from "@/lib/journey-core/definition";
import { type RunState, runStateSchema } from "@/lib/journey-core/run-state";
import { listensUntil } from "@/lib/journey-core/step";

// RunState ↔ journey_runs rows. The state is stored whole as JSON; the
// columns the engine queries by (status, wakeAt, goalUntil, …) are copies.

export interface RunRow {
  id: string;
  workspaceId: string;
  journeyId: string;
  versionId: string;
  profileId: string;
  state: Prisma.JsonValue;
}

export function parseRunState(row: RunRow): RunState {
  return runStateSchema.parse(row.state);
}

export interface RunWrite {
  workspaceId: string;
  state: RunState;
  definition: JourneyDefinition;
  /** Whether the timer may fire: false holds a run of a paused journey (state.wakeAt is kept). */
  timerArmed: boolean;
}

function columns(write: RunWrite) {
  const { state } = write;
  return {
    status: state.status,
    nodeId: state.nodeId,
    state: state as unknown as Prisma.InputJsonObject,
    holdout: state.holdout,
    wakeAt: write.timerArmed ? state.wakeAt : null,
    enteredAt: state.enteredAt,
    endedAt: state.endedAt,
    convertedAt: state.convertedAt,
    // "Listens until" (the goal window, or a day of late events after a wait's timeout).
    goalUntil: listensUntil(write.definition, state),
  };
}

/** One INSERT for the whole batch (createMany compiles a query per row shape and is slower). */
export function insertRunsSql(writes: readonly RunWrite[], now: Date): Prisma.Sql | null {
  if (writes.length === 0) return null;
  const rows = JSON.stringify(
    writes.map((write) => ({
      id: write.state.runId,
      workspaceId: write.workspaceId,
      journeyId: write.state.journeyId,
      versionId: write.state.versionId,
      profileId: write.state.profileId,
      ...columns(write),
    })),
  );
  return Prisma.sql`
    INSERT INTO journey_runs (id, "workspaceId", "journeyId", "versionId", "profileId", status,
      "nodeId", state, holdout, "wakeAt", "enteredAt", "endedAt", "convertedAt", "goalUntil", "updatedAt")
    SELECT u.id, u."workspaceId", u."journeyId", u."versionId", u."profileId", u.status,
      u."nodeId", u.state, u.holdout, u."wakeAt", u."enteredAt", u."endedAt", u."convertedAt",
      u."goalUntil", ${now}::timestamp(3)
    FROM jsonb_to_recordset(${rows}::jsonb) AS u(
      id text, "workspaceId" text, "journeyId" text, "versionId" text, "profileId" uuid,
      status text, "nodeId" text, state jsonb, holdout boolean, "wakeAt" timestamp(3),
      "enteredAt" timestamp(3), "endedAt" timestamp(3), "convertedAt" timestamp(3),
      "goalUntil" timestamp(3))`;
}

export interface TraceRow {
  workspaceId: string;
  journeyId: string;
  runId: string;
  nodeId: string | null;
  decision: string;
  reason: string;
  data: Record<string, unknown> | null;
  at: Date;
}

export function insertTracesSql(traces: readonly TraceRow[]): Prisma.Sql | null {
  if (traces.length === 0) return null;
  const column = <K extends keyof TraceRow>(key: K) => traces.map((t) => t[key]);
  return Prisma.sql`
    INSERT INTO run_traces ("workspaceId", "journeyId", "runId", "nodeId", decision, reason, data, at)
    SELECT * FROM unnest(
      ${column("workspaceId")}::text[], ${column("journeyId")}::text[], ${column("runId")}::text[],
      ${column("nodeId")}::text[], ${column("decision")}::text[], ${column("reason")}::text[],
      ${traces.map((t) => (t.data ? JSON.stringify(t.data) : null))}::jsonb[],
      ${traces.map((t) => t.at.toISOString())}::timestamp(3)[])`;
}

/** One UPDATE for the whole batch (arrays: cheaper to bind and unpack than one JSON document). */
export function updateRunsSql(writes: readonly RunWrite[], now: Date): Prisma.Sql | null {
  if (writes.length === 0) return null;
  const rows = writes.map((write) => ({ id: write.state.runId, ...columns(write) }));
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return Prisma.sql`
    UPDATE journey_runs r SET
      status = u.status, "nodeId" = u."nodeId", state = u.state, holdout = u.holdout,
      "wakeAt" = u."wakeAt", "endedAt" = u."endedAt", "convertedAt" = u."convertedAt",
      "goalUntil" = u."goalUntil", "updatedAt" = ${now}::timestamp(3)
    FROM unnest(
      ${rows.map((r) => r.id)}::text[], ${writes.map((w) => w.workspaceId)}::text[],
      ${rows.map((r) => r.status)}::text[], ${rows.map((r) => r.nodeId)}::text[],
      ${rows.map((r) => JSON.stringify(r.state))}::jsonb[], ${rows.map((r) => r.holdout)}::boolean[],
      ${rows.map((r) => iso(r.wakeAt))}::timestamp(3)[], ${rows.map((r) => iso(r.endedAt))}::timestamp(3)[],
      ${rows.map((r) => iso(r.convertedAt))}::timestamp(3)[], ${rows.map((r) => iso(r.goalUntil))}::timestamp(3)[]
    ) AS u(id, "workspaceId", status, "nodeId", state, holdout, "wakeAt", "endedAt", "convertedAt", "goalUntil")
    WHERE r.id = u.id AND r."workspaceId" = u."workspaceId"`;
}
