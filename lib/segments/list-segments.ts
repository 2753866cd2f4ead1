import "server-only";
import { prisma, readPrisma } from "@/lib/db/client";
import { readSql } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { getSegmentOrThrow } from "./save-segment";
import type { MembersQuery } from "./segment-schemas";
import { type SegmentView, toSegmentView } from "./segment-view";

// Reads of the Segments page and API: sizes now, members (searchable, paged,
// exportable) and size over time, rebuilt from the recorded entries and exits.

export async function listSegments(input: { workspaceId: string }): Promise<SegmentView[]> {
  const rows = await prisma.segment.findMany({
    where: { workspaceId: input.workspaceId },
    orderBy: { createdAt: "asc" },
  });
  const sizes = await readPrisma.segmentMembership.groupBy({
    by: ["segmentId"],
    where: { workspaceId: input.workspaceId },
    _count: { _all: true },
  });
  const sizeOf = new Map(sizes.map((s) => [s.segmentId, s._count._all]));
  return rows.map((row) => toSegmentView(row, sizeOf.get(row.id) ?? 0));
}

export async function getSegmentView(input: {
  workspaceId: string;
  segmentId: string;
}): Promise<SegmentView> {
  const row = await getSegmentOrThrow(input);
  const size = await readPrisma.segmentMembership.count({
    where: { workspaceId: input.workspaceId, segmentId: row.id },
  });
  return toSegmentView(row, size);
}

export interface SegmentMember {
  profileId: string;
  userId: string | null;
  email: string | null;
  enteredAt: string;
}

interface MemberRow {
  profileId: string;
  userId: string | null;
  email: string | null;
  enteredAt: Date;
}

export async function listMembers(input: {
  workspaceId: string;
  segmentId: string;
  query: MembersQuery;
}): Promise<{ members: SegmentMember[]; nextAfter: string | null }> {
  const { workspaceId, segmentId, query } = input;
  await getSegmentOrThrow({ workspaceId, segmentId });
  const search = query.search ? `%${query.search.replace(/[\\%_]/g, "\\$&")}%` : null;
  const rows = await readSql.$queryRaw<MemberRow[]>`
    SELECT m."profileId"::text AS "profileId", p."userId", p.email, m."enteredAt"
    FROM segment_memberships m
    JOIN profiles p ON p.id = m."profileId" AND p."workspaceId" = m."workspaceId"
    WHERE m."workspaceId" = ${workspaceId} AND m."segmentId" = ${segmentId}
      ${query.after ? Prisma.sql`AND m."profileId" > ${query.after}::uuid` : Prisma.empty}
      ${search ? Prisma.sql`AND (p."userId" ILIKE ${search} OR p.email ILIKE ${search})` : Prisma.empty}
    ORDER BY m."profileId" LIMIT ${query.limit + 1}`;
  const page = rows.slice(0, query.limit);
  return {
    members: page.map((row) => ({ ...row, enteredAt: row.enteredAt.toISOString() })),
    nextAfter: rows.length > query.limit ? (page[page.length - 1]?.profileId ?? null) : null,
  };
}

function csvCell(value: string | null): string {
  if (value === null) return "";
  // Quote always; a leading formula character is neutralised for spreadsheets.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Every member as CSV (profileId, userId, email, enteredAt). */
export async function exportMembersCsv(input: {
  workspaceId: string;
  segmentId: string;
}): Promise<string> {
  const { workspaceId, segmentId } = input;
  await getSegmentOrThrow({ workspaceId, segmentId });
  const rows = await readSql.$queryRaw<MemberRow[]>`
    SELECT m."profileId"::text AS "profileId", p."userId", p.email, m."enteredAt"
    FROM segment_memberships m
    JOIN profiles p ON p.id = m."profileId" AND p."workspaceId" = m."workspaceId"
    WHERE m."workspaceId" = ${workspaceId} AND m."segmentId" = ${segmentId}
    ORDER BY m."enteredAt", m."profileId"`;
  const lines = ["profileId,userId,email,enteredAt"];
  for (const row of rows) {
    lines.push(
      [row.profileId, row.userId, row.email, row.enteredAt.toISOString()].map(csvCell).join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

export interface SizePoint {
  /** The day (UTC) this size is at the end of. */
  day: string;
  size: number;
  entries: number;
  exits: number;
}

/** The size at the end of each of the last `days` days, from the recorded changes. */
export async function segmentSizeHistory(input: {
  workspaceId: string;
  segmentId: string;
  days: number;
  now: Date;
}): Promise<SizePoint[]> {
  const { workspaceId, segmentId, days, now } = input;
  await getSegmentOrThrow({ workspaceId, segmentId });
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const start = new Date(end.getTime() - days * 86_400_000);
  const rows = await readSql.$queryRaw<{ day: Date | null; entries: number; exits: number }[]>`
    SELECT CASE WHEN at < ${start}::timestamp(3) THEN NULL ELSE date_trunc('day', at) END AS day,
           count(*) FILTER (WHERE kind = 'entry')::int AS entries,
           count(*) FILTER (WHERE kind = 'exit')::int AS exits
    FROM segment_membership_changes
    WHERE "workspaceId" = ${workspaceId} AND "segmentId" = ${segmentId} AND at < ${end}::timestamp(3)
    GROUP BY 1`;
  let size = 0;
  const byDay = new Map<number, { entries: number; exits: number }>();
  for (const row of rows) {
    if (row.day === null) size += row.entries - row.exits;
    else byDay.set(row.day.getTime(), { entries: row.entries, exits: row.exits });
  }
  const points: SizePoint[] = [];
  for (let t = start.getTime(); t < end.getTime(); t += 86_400_000) {
    const counts = byDay.get(t) ?? { entries: 0, exits: 0 };
    size += counts.entries - counts.exits;
    points.push({ day: new Date(t).toISOString().slice(0, 10), size, ...counts });
  }
  return points;
}
