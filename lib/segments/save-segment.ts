import "server-only";
import { ApiError, notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { postgresErrorCode } from "@/lib/db/postgres-errors";
import { sql } from "@/lib/db/sql";
import { type Prisma, Prisma as PrismaNs } from "@/lib/generated/prisma/client";
import type { ConditionItem } from "@/lib/journey-core/definition";
import { segmentReads } from "@/lib/journey-core/segment-condition";
import { notifyWorkers } from "@/lib/worker/run-worker";
import type { SegmentInput, SegmentPatch } from "./segment-schemas";
import { SEGMENTS_COMPUTE_TASK } from "./segment-task-names";
import { type SegmentView, toSegmentView } from "./segment-view";

// Creating a segment, or changing its condition, stores what the condition
// reads (event names for ingestion's queue filter, whether it reads traits)
// and marks it `computing`: the worker's segments-compute task then computes
// its members over every profile and makes it live (status `ready`). Manual
// segments are ready at once and change only by import.

function conflictOnName(error: unknown): never {
  const unique =
    postgresErrorCode(error) === "23505" ||
    (error instanceof PrismaNs.PrismaClientKnownRequestError && error.code === "P2002");
  if (unique) {
    throw new ApiError("conflict", "A segment with this name already exists.", {
      details: [{ field: "name", message: "A segment with this name already exists." }],
    });
  }
  throw error;
}

async function writeEventNames(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  segmentId: string,
  eventNames: readonly string[],
): Promise<void> {
  await tx.segmentEventName.deleteMany({ where: { workspaceId, segmentId } });
  if (eventNames.length === 0) return;
  await tx.segmentEventName.createMany({
    data: eventNames.map((eventName) => ({ workspaceId, segmentId, eventName })),
    skipDuplicates: true,
  });
}

export async function createSegment(input: {
  workspaceId: string;
  segment: SegmentInput;
}): Promise<SegmentView> {
  const { workspaceId, segment } = input;
  const condition = segment.kind === "condition" ? (segment.condition as ConditionItem) : null;
  const reads = condition ? segmentReads(condition) : null;
  try {
    const row = await prisma.$transaction(async (tx) => {
      const created = await tx.segment.create({
        data: {
          workspaceId,
          name: segment.name,
          description: segment.description ?? "",
          kind: segment.kind,
          condition: condition ? (condition as Prisma.InputJsonValue) : PrismaNs.DbNull,
          eventNames: reads?.eventNames ?? [],
          readsTraits: reads?.readsTraits ?? false,
          status: condition ? "computing" : "ready",
          computedAt: condition ? null : new Date(),
        },
      });
      if (reads) await writeEventNames(tx, workspaceId, created.id, reads.eventNames);
      return created;
    });
    if (condition) await notifyWorkers(sql, SEGMENTS_COMPUTE_TASK);
    return toSegmentView(row, 0);
  } catch (error) {
    return conflictOnName(error);
  }
}

export async function getSegmentOrThrow(input: { workspaceId: string; segmentId: string }) {
  const row = await prisma.segment.findFirst({
    where: { id: input.segmentId, workspaceId: input.workspaceId },
  });
  if (!row) throw notFound("Segment");
  return row;
}

export async function updateSegment(input: {
  workspaceId: string;
  segmentId: string;
  patch: SegmentPatch;
}): Promise<SegmentView> {
  const { workspaceId, segmentId, patch } = input;
  const existing = await getSegmentOrThrow({ workspaceId, segmentId });
  if (patch.condition && existing.kind !== "condition") {
    throw new ApiError("validation_failed", "A manual segment has no condition.", {
      details: [{ field: "condition", message: "A manual segment changes only by import." }],
    });
  }
  const condition = patch.condition as ConditionItem | undefined;
  const reads = condition ? segmentReads(condition) : null;
  try {
    const row = await prisma.$transaction(async (tx) => {
      const updated = await tx.segment.update({
        where: { id: existing.id },
        data: {
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(condition && {
            condition: condition as Prisma.InputJsonValue,
            eventNames: reads?.eventNames ?? [],
            readsTraits: reads?.readsTraits ?? false,
            status: "computing",
            generation: { increment: 1 },
          }),
        },
      });
      if (reads) await writeEventNames(tx, workspaceId, segmentId, reads.eventNames);
      return updated;
    });
    if (condition) await notifyWorkers(sql, SEGMENTS_COMPUTE_TASK);
    const size = await prisma.segmentMembership.count({ where: { segmentId, workspaceId } });
    return toSegmentView(row, size);
  } catch (error) {
    return conflictOnName(error);
  }
}

export async function deleteSegment(input: {
  workspaceId: string;
  segmentId: string;
}): Promise<void> {
  const { workspaceId, segmentId } = input;
  await getSegmentOrThrow({ workspaceId, segmentId });
  await prisma.$transaction([
    prisma.segmentEventName.deleteMany({ where: { workspaceId, segmentId } }),
    prisma.segmentTimer.deleteMany({ where: { workspaceId, segmentId } }),
    prisma.segmentMembership.deleteMany({ where: { workspaceId, segmentId } }),
    prisma.segmentMembershipChange.deleteMany({ where: { workspaceId, segmentId } }),
    prisma.segment.deleteMany({ where: { workspaceId, id: segmentId } }),
  ]);
}
