import "server-only";
import { ApiError } from "@/lib/api/errors";
import { readPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getJourneyOrThrow } from "./get-journey-or-throw";
import type { ListRunsQuery, RunJson } from "./journey-schemas";
import { decodeRunCursor, encodeRunCursor } from "./run-cursor";
import { toRunJson } from "./run-json";

/** A journey's runs, newest entry first, without their traces (one page). */
export async function listJourneyRuns(input: {
  workspaceId: string;
  id: string;
  query: ListRunsQuery;
}): Promise<{ runs: RunJson[]; nextCursor: string | null }> {
  const { workspaceId, query } = input;
  const journey = await getJourneyOrThrow({ workspaceId, id: input.id });
  const where: Prisma.JourneyRunWhereInput = {
    workspaceId,
    journeyId: journey.id,
    ...(query.status && { status: query.status }),
  };
  if (query.cursor) {
    const cursor = decodeRunCursor(query.cursor);
    if (!cursor) throw new ApiError("bad_request", "The cursor is not valid.");
    where.OR = [
      { enteredAt: { lt: cursor.enteredAt } },
      { enteredAt: cursor.enteredAt, id: { lt: cursor.id } },
    ];
  }
  const rows = await readPrisma.journeyRun.findMany({
    where,
    orderBy: [{ enteredAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const versions = await readPrisma.journeyVersion.findMany({
    where: { journeyId: journey.id, workspaceId },
    select: { id: true, version: true },
  });
  const versionOf = new Map(versions.map((v) => [v.id, v.version]));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    runs: page.map((run) =>
      toRunJson(run, { journeyName: journey.name, version: versionOf.get(run.versionId) ?? null }),
    ),
    nextCursor: rows.length > query.limit && last ? encodeRunCursor(last) : null,
  };
}
