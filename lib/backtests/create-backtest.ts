import "server-only";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import { journeyDefinitionSchema } from "@/lib/journey-core/definition";
import { getJourneyOrThrow } from "@/lib/journeys/get-journey-or-throw";
import { notifyWorkers } from "@/lib/worker/run-worker";
import { type BacktestJson, toBacktestJson } from "./backtest-json";
import { planBacktest } from "./backtest-plan";
import { type CreateBacktestInput, MAX_WINDOW_DAYS, windowOf } from "./backtest-schemas";
import { BACKTEST_TASK } from "./backtest-task-name";

// POST /api/w/:workspaceId/journeys/:journeyId/backtests: freezes the chosen
// definition (the draft as saved now, or a published version) into a queued
// backtest and wakes the workers. Everything that can be checked up front is,
// so a backtest fails at run time only on a database error.

/** Queued or running backtests a workspace may have at once. */
export const MAX_ACTIVE_PER_WORKSPACE = 3;

function invalid(field: string, message: string): ApiError {
  return new ApiError("validation_failed", `${field}: ${message}`, {
    details: { issues: [{ field, message }] },
  });
}

export async function createBacktest(input: {
  workspaceId: string;
  journeyId: string;
  memberId: string | null;
  request: CreateBacktestInput;
  now?: Date;
}): Promise<BacktestJson> {
  const now = input.now ?? new Date();
  const { request, workspaceId } = input;
  const window = windowOf(request);
  // A window reaching into the future ends now: there is nothing stored after it.
  if (window.to > now) window.to = now;
  if (window.from >= window.to)
    throw invalid("from", "The window must start before it ends (and before now)");
  if (window.to.getTime() - window.from.getTime() > MAX_WINDOW_DAYS * 86_400_000) {
    throw invalid("to", `A backtest window is at most ${MAX_WINDOW_DAYS} days`);
  }
  const journey = await getJourneyOrThrow({ workspaceId, id: input.journeyId });
  const source = await resolveSource(journey, request);
  const parsed = journeyDefinitionSchema.safeParse(source.definition);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(
      "source",
      `The ${source.label} is not a complete journey yet (${issue?.path.join(".") || "definition"}: ${issue?.message}). Fix it in the editor first.`,
    );
  }
  const planned = planBacktest(parsed.data);
  if ("problem" in planned) throw invalid("source", planned.problem);

  const row = await prisma.$transaction(async (tx) => {
    const active = await tx.backtest.count({
      where: { workspaceId, status: { in: ["queued", "running"] } },
    });
    if (active >= MAX_ACTIVE_PER_WORKSPACE) {
      throw new ApiError(
        "conflict",
        `${active} backtests are already queued or running in this workspace; wait for one to finish or cancel it.`,
      );
    }
    const created = await tx.backtest.create({
      data: {
        workspaceId,
        journeyId: journey.id,
        source: source.kind,
        versionId: source.versionId,
        version: source.version,
        draftRevision: source.draftRevision,
        definition: parsed.data as unknown as Prisma.InputJsonValue,
        windowFrom: window.from,
        windowTo: window.to,
        createdById: input.memberId,
      },
    });
    return created;
  });
  // After the commit, so a worker woken by it finds the row (a lost wake-up
  // only waits for the worker's next poll).
  await notifyWorkers(sql, BACKTEST_TASK);
  return toBacktestJson(row);
}

interface Source {
  kind: "draft" | "version";
  label: string;
  definition: unknown;
  versionId: string | null;
  version: number | null;
  draftRevision: number | null;
}

async function resolveSource(
  journey: Awaited<ReturnType<typeof getJourneyOrThrow>>,
  request: CreateBacktestInput,
): Promise<Source> {
  if (request.source === "draft") {
    return {
      kind: "draft",
      label: "draft",
      definition: journey.draft,
      versionId: null,
      version: null,
      draftRevision: journey.draftRevision,
    };
  }
  const where =
    request.source === "live"
      ? journey.currentVersionId
        ? { id: journey.currentVersionId }
        : null
      : { version: request.version };
  if (!where) throw invalid("source", "This journey has never been published; backtest its draft");
  const version = await prisma.journeyVersion.findFirst({
    where: { ...where, journeyId: journey.id, workspaceId: journey.workspaceId },
  });
  if (!version) {
    throw invalid(
      request.source === "live" ? "source" : "version",
      "No such version of this journey",
    );
  }
  return {
    kind: "version",
    label: `version ${version.version}`,
    definition: version.definition,
    versionId: version.id,
    version: version.version,
    draftRevision: null,
  };
}
