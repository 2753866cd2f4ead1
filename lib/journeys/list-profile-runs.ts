import "server-only";
import { ApiError, notFound } from "@/lib/api/errors";
import { readPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { stepName } from "@/lib/journey-core/describe-step";
import type { RunJson } from "./journey-schemas";
import { decodeRunCursor, encodeRunCursor } from "./run-cursor";
import { toRunJson } from "./run-json";

/** Each node's name as the builder shows it, read loosely (any stored definition). */
function stepNames(definition: unknown): Map<string, string> {
  const nodes = (definition as { nodes?: unknown } | null)?.nodes;
  const names = new Map<string, string>();
  if (!Array.isArray(nodes)) return names;
  for (const node of nodes) {
    const id = (node as { id?: unknown } | null)?.id;
    if (typeof id === "string") names.set(id, stepName(node, nodes));
  }
  return names;
}

export { profileRunsQuerySchema } from "./journey-schemas";

// The profile page's Journeys tab: each run of the profile, newest first,
// with its whole trace (every decision with its reason) and the messages it
// sent, so "why did / didn't this user get it" is answered from one call.

const MAX_TRACES_PER_RUN = 500;

export async function listProfileRuns(input: {
  workspaceId: string;
  profileId: string;
  limit?: number;
  cursor?: string;
}): Promise<{ runs: RunJson[]; nextCursor: string | null }> {
  const { workspaceId, profileId } = input;
  const limit = input.limit ?? 20;
  const profile = await readPrisma.profile.findFirst({
    where: { id: profileId, workspaceId },
    select: { id: true },
  });
  if (!profile) throw notFound("Profile");
  const where: Prisma.JourneyRunWhereInput = { workspaceId, profileId };
  if (input.cursor) {
    const cursor = decodeRunCursor(input.cursor);
    if (!cursor) throw new ApiError("bad_request", "The cursor is not valid.");
    where.OR = [
      { enteredAt: { lt: cursor.enteredAt } },
      { enteredAt: cursor.enteredAt, id: { lt: cursor.id } },
    ];
  }
  const rows = await readPrisma.journeyRun.findMany({
    where,
    orderBy: [{ enteredAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const runIds = page.map((r) => r.id);
  const [journeys, versions, traces, messages] = await Promise.all([
    readPrisma.journey.findMany({
      where: { workspaceId, id: { in: [...new Set(page.map((r) => r.journeyId))] } },
      select: { id: true, name: true },
    }),
    readPrisma.journeyVersion.findMany({
      where: { workspaceId, id: { in: [...new Set(page.map((r) => r.versionId))] } },
      select: { id: true, version: true, definition: true },
    }),
    readPrisma.runTrace.findMany({
      where: { workspaceId, runId: { in: runIds } },
      orderBy: [{ runId: "asc" }, { id: "asc" }],
    }),
    readPrisma.message.findMany({
      where: { workspaceId, profileId, runId: { in: runIds } },
      select: {
        id: true,
        runId: true,
        nodeId: true,
        channel: true,
        status: true,
        subject: true,
        error: true,
        createdAt: true,
      },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const nameOf = new Map(journeys.map((j) => [j.id, j.name]));
  const versionOf = new Map(versions.map((v) => [v.id, v.version]));
  const stepNamesOf = new Map(versions.map((v) => [v.id, stepNames(v.definition)]));
  const last = page.at(-1);
  return {
    runs: page.map((run) =>
      toRunJson(run, {
        journeyName: nameOf.get(run.journeyId) ?? "(deleted journey)",
        version: versionOf.get(run.versionId) ?? null,
        traces: traces.filter((t) => t.runId === run.id).slice(0, MAX_TRACES_PER_RUN),
        stepNames: stepNamesOf.get(run.versionId),
        messages: messages.filter((m) => m.runId === run.id),
      }),
    ),
    nextCursor: rows.length > limit && last ? encodeRunCursor(last) : null,
  };
}
