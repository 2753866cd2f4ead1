import "server-only";
import { parseOrThrow, readJson } from "@/lib/api/errors";
import { explainMembership } from "./explain-membership";
import { importMembers } from "./import-members";
import {
  exportMembersCsv,
  getSegmentView,
  listMembers,
  listSegments,
  segmentSizeHistory,
} from "./list-segments";
import { createSegment, deleteSegment, updateSegment } from "./save-segment";
import {
  explainMembershipQuerySchema,
  importMembersSchema,
  membersQuerySchema,
  segmentInputSchema,
  segmentPatchSchema,
  sizeHistoryQuerySchema,
} from "./segment-schemas";

// The segments API behind both doors: /api/v1/segments (secret key) and
// /api/w/:workspaceId/segments (session, the Segments page). Each route
// authenticates, then calls one of these with its workspace.

const query = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

export async function listSegmentsResponse(workspaceId: string): Promise<Response> {
  return Response.json({ segments: await listSegments({ workspaceId }) });
}

export async function createSegmentResponse(
  workspaceId: string,
  request: Request,
): Promise<Response> {
  const segment = parseOrThrow(segmentInputSchema, await readJson(request));
  return Response.json({ segment: await createSegment({ workspaceId, segment }) }, { status: 201 });
}

export async function getSegmentResponse(workspaceId: string, segmentId: string) {
  return Response.json({ segment: await getSegmentView({ workspaceId, segmentId }) });
}

export async function updateSegmentResponse(
  workspaceId: string,
  segmentId: string,
  request: Request,
): Promise<Response> {
  const patch = parseOrThrow(segmentPatchSchema, await readJson(request));
  return Response.json({ segment: await updateSegment({ workspaceId, segmentId, patch }) });
}

export async function deleteSegmentResponse(workspaceId: string, segmentId: string) {
  await deleteSegment({ workspaceId, segmentId });
  return new Response(null, { status: 204 });
}

export async function listMembersResponse(
  workspaceId: string,
  segmentId: string,
  request: Request,
): Promise<Response> {
  const parsed = parseOrThrow(membersQuerySchema, query(request));
  return Response.json(await listMembers({ workspaceId, segmentId, query: parsed }));
}

export async function exportMembersResponse(workspaceId: string, segmentId: string) {
  const csv = await exportMembersCsv({ workspaceId, segmentId });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="segment-${segmentId}.csv"`,
    },
  });
}

export async function sizeHistoryResponse(
  workspaceId: string,
  segmentId: string,
  request: Request,
): Promise<Response> {
  const { days } = parseOrThrow(sizeHistoryQuerySchema, query(request));
  const points = await segmentSizeHistory({ workspaceId, segmentId, days, now: new Date() });
  return Response.json({ points });
}

export async function explainMembershipResponse(
  workspaceId: string,
  segmentId: string,
  request: Request,
): Promise<Response> {
  const { profile } = parseOrThrow(explainMembershipQuerySchema, query(request));
  const explanation = await explainMembership({ workspaceId, segmentId, profile, now: new Date() });
  return Response.json({ explanation });
}

export async function importMembersResponse(
  workspaceId: string,
  segmentId: string,
  request: Request,
): Promise<Response> {
  const body = parseOrThrow(importMembersSchema, await readJson(request));
  return Response.json(await importMembers({ workspaceId, segmentId, body, now: new Date() }));
}
