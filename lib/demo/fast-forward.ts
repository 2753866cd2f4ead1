import "server-only";
import { z } from "zod";
import { ApiError, notFound, parseOrThrow } from "@/lib/api/errors";
import { type RawDb, sqlTransaction } from "@/lib/db/sql";
import { ENGINE_TIMERS_TASK } from "@/lib/engine/process-due-runs";
import { getDemoWorkspaceId } from "@/lib/inbox/demo-inbox";
import { notifyWorkers } from "@/lib/worker/run-worker";

// "Skip the wait" for a demo user: every armed timer of the profile's waiting
// runs (a delay, a wait's timeout, a deferred send) that is due later than now
// comes due now, and the timer worker runs the next step within its allowed
// lateness. Demo workspace only: in a real workspace it would send messages
// before their time.
//
// Time stays honest: the step is decided at the fast-forward instant, which
// really happened, so the message, the budget and analytics all read real
// event time, and events the user sends afterwards are later than the step.
// The wait ends early (a wait's window closes now, not at its timeout), and
// the run's trace says so: a "fast_forwarded" row with the original due time.
// Processes coordinate through PostgreSQL only: the run rows change under
// their row locks and `NOTIFY cue_wake` wakes the timer workers.

export const FAST_FORWARDED = "fast_forwarded";

export interface FastForwardedRun {
  runId: string;
  journeyId: string;
  nodeId: string | null;
  /** When the timer was due before the fast-forward. */
  wasDueAt: string;
}

const fastForwardInputSchema = z.strictObject({
  profileId: z.uuid({ error: "must be a profile id (a UUID)" }),
  /** Only this journey's runs (default: every run of the profile). */
  journeyId: z.string().min(1).max(64).optional(),
});

/** The route's input: the profile from the path, an optional JSON body `{ journeyId }`. */
export async function readFastForwardInput(
  request: Request,
  profileId: string,
): Promise<z.output<typeof fastForwardInputSchema>> {
  const text = await request.text();
  let body: unknown = {};
  if (text.trim() !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError("invalid_json", "The request body is not valid JSON.");
    }
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ApiError("validation_failed", "The body must be a JSON object.");
  }
  return parseOrThrow(fastForwardInputSchema, { ...body, profileId });
}

export async function assertDemoWorkspace(workspaceId: string): Promise<void> {
  if ((await getDemoWorkspaceId()) !== workspaceId) {
    throw new ApiError(
      "forbidden",
      "Fast-forward is a demo-only action: it works in the demo workspace only.",
    );
  }
}

export async function fastForwardDemoProfile(input: {
  workspaceId: string;
  profileId: string;
  journeyId?: string;
  now?: Date;
}): Promise<{ runs: FastForwardedRun[] }> {
  await assertDemoWorkspace(input.workspaceId);
  const now = input.now ?? new Date();
  return sqlTransaction(async (tx) => {
    const [profile] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM profiles
      WHERE "workspaceId" = ${input.workspaceId} AND id = ${input.profileId}::uuid`;
    if (!profile) throw notFound("Profile");
    const runs = await fastForwardTimers(tx, { ...input, now });
    if (runs.length > 0) await notifyWorkers(tx, ENGINE_TIMERS_TASK);
    return { runs };
  });
}

/** Moves the profile's future timers to `now` and traces each; the caller notifies the workers. */
async function fastForwardTimers(
  tx: RawDb,
  input: { workspaceId: string; profileId: string; journeyId?: string; now: Date },
): Promise<FastForwardedRun[]> {
  const { workspaceId, profileId, now } = input;
  const at = now.toISOString();
  const journeyId = input.journeyId ?? null;
  const rows = await tx.$queryRaw<
    { runId: string; journeyId: string; nodeId: string | null; was: Date }[]
  >`
    WITH due AS (
      SELECT id, "wakeAt" AS was FROM journey_runs
      WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${profileId}::uuid
        AND status = 'waiting' AND "wakeAt" > ${at}::timestamp(3)
        AND (${journeyId}::text IS NULL OR "journeyId" = ${journeyId}::text)
      FOR UPDATE
    ), moved AS (
      UPDATE journey_runs r
      SET "wakeAt" = ${at}::timestamp(3),
          state = jsonb_set(r.state, '{wakeAt}', to_jsonb(${at}::text)),
          "updatedAt" = ${at}::timestamp(3)
      FROM due WHERE r.id = due.id AND r."wakeAt" > ${at}::timestamp(3)
      RETURNING r.id AS "runId", r."journeyId", r."nodeId", due.was
    ), traced AS (
      INSERT INTO run_traces ("workspaceId", "journeyId", "runId", "nodeId", decision, reason, data, at)
      SELECT ${workspaceId}, m."journeyId", m."runId", m."nodeId", ${FAST_FORWARDED},
             'Fast-forwarded by the demo: the timer due '
               || to_char(m.was, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || ' fires now instead',
             jsonb_build_object('wasDueAt', to_char(m.was, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'by', 'demo'),
             ${at}::timestamp(3)
      FROM moved m
    )
    SELECT "runId", "journeyId", "nodeId", was FROM moved ORDER BY was`;
  return rows.map((row) => ({
    runId: row.runId,
    journeyId: row.journeyId,
    nodeId: row.nodeId,
    wasDueAt: row.was.toISOString(),
  }));
}
