import "server-only";
import { z } from "zod";
import { parseOrThrow } from "@/lib/api/errors";
import { readPrisma } from "@/lib/db/client";
import { readSql } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { getJourneyOrThrow } from "@/lib/journeys/get-journey-or-throw";
import { analyticsRangeSchema } from "./analytics-range";
import { type CsvValue, csvLine } from "./csv";
import { rangeOrThrow } from "./get-journey-analytics";

// GET …/journeys/:id/export/runs.csv and messages.csv: every run (by entry
// time) or message (by creation time) of the journey, optionally within a
// period and one version, streamed page by page (keyset on time and id), so
// an export of millions of rows holds one page in memory. Indexes:
// journey_runs (journeyId, enteredAt); messages (journeyId, createdAt).

const PAGE = 1000;

export const exportQuerySchema = analyticsRangeSchema.extend({
  version: z.coerce.number().int().positive().optional(),
});

type Kind = "runs" | "messages";

const HEADERS: Record<Kind, string[]> = {
  runs: [
    "run_id",
    "profile_id",
    "user_id",
    "version",
    "status",
    "holdout",
    "node_id",
    "entered_at",
    "ended_at",
    "converted_at",
  ],
  messages: [
    "message_id",
    "run_id",
    "profile_id",
    "user_id",
    "node_id",
    "channel",
    "status",
    "transactional",
    "to_address",
    "subject",
    "created_at",
    "sent_at",
    "error",
  ],
};

interface Filter {
  workspaceId: string;
  journeyId: string;
  from: Date | null;
  to: Date | null;
  versionId: string | null;
}

type Cursor = { at: Date; id: string } | null;
type Page = { rows: CsvValue[][]; cursor: Cursor };

async function runsPage(f: Filter, after: Cursor, limit: number): Promise<Page> {
  const rows = await readSql.$queryRaw<
    {
      id: string;
      profileId: string;
      userId: string | null;
      version: number | null;
      status: string;
      holdout: boolean;
      nodeId: string | null;
      enteredAt: Date;
      endedAt: Date | null;
      convertedAt: Date | null;
    }[]
  >`
    SELECT r.id, r."profileId"::text AS "profileId", p."userId", v.version, r.status, r.holdout,
      r."nodeId", r."enteredAt", r."endedAt", r."convertedAt"
    FROM journey_runs r
    LEFT JOIN profiles p ON p.id = r."profileId"
    LEFT JOIN journey_versions v ON v.id = r."versionId"
    WHERE r."journeyId" = ${f.journeyId} AND r."workspaceId" = ${f.workspaceId}
      ${f.from ? Prisma.sql`AND r."enteredAt" >= ${f.from}::timestamp(3)` : Prisma.empty}
      ${f.to ? Prisma.sql`AND r."enteredAt" < ${f.to}::timestamp(3)` : Prisma.empty}
      ${f.versionId ? Prisma.sql`AND r."versionId" = ${f.versionId}` : Prisma.empty}
      ${after ? Prisma.sql`AND (r."enteredAt", r.id) > (${after.at}::timestamp(3), ${after.id})` : Prisma.empty}
    ORDER BY r."enteredAt", r.id
    LIMIT ${limit}`;
  const last = rows.at(-1);
  return {
    rows: rows.map((r) => [
      r.id,
      r.profileId,
      r.userId,
      r.version,
      r.status,
      r.holdout,
      r.nodeId,
      r.enteredAt,
      r.endedAt,
      r.convertedAt,
    ]),
    cursor: rows.length === limit && last ? { at: last.enteredAt, id: last.id } : null,
  };
}

async function messagesPage(f: Filter, after: Cursor, limit: number): Promise<Page> {
  const rows = await readSql.$queryRaw<
    {
      id: string;
      runId: string | null;
      profileId: string;
      userId: string | null;
      nodeId: string | null;
      channel: string;
      status: string;
      transactional: boolean;
      toAddress: string | null;
      subject: string | null;
      createdAt: Date;
      sentAt: Date | null;
      error: string | null;
    }[]
  >`
    SELECT m.id, m."runId", m."profileId"::text AS "profileId", p."userId", m."nodeId",
      m.channel::text AS channel, m.status::text AS status, m.transactional, m."toAddress",
      m.subject, m."createdAt", m."sentAt", m.error
    FROM messages m
    LEFT JOIN profiles p ON p.id = m."profileId"
    WHERE m."journeyId" = ${f.journeyId} AND m."workspaceId" = ${f.workspaceId}
      ${f.from ? Prisma.sql`AND m."createdAt" >= ${f.from}::timestamp(3)` : Prisma.empty}
      ${f.to ? Prisma.sql`AND m."createdAt" < ${f.to}::timestamp(3)` : Prisma.empty}
      ${
        f.versionId
          ? Prisma.sql`AND EXISTS (SELECT 1 FROM journey_runs r WHERE r.id = m."runId" AND r."versionId" = ${f.versionId})`
          : Prisma.empty
      }
      ${after ? Prisma.sql`AND (m."createdAt", m.id) > (${after.at}::timestamp(3), ${after.id})` : Prisma.empty}
    ORDER BY m."createdAt", m.id
    LIMIT ${limit}`;
  const last = rows.at(-1);
  return {
    rows: rows.map((m) => [
      m.id,
      m.runId,
      m.profileId,
      m.userId,
      m.nodeId,
      m.channel,
      m.status,
      m.transactional,
      m.toAddress,
      m.subject,
      m.createdAt,
      m.sentAt,
      m.error,
    ]),
    cursor: rows.length === limit && last ? { at: last.createdAt, id: last.id } : null,
  };
}

function fileName(journeyName: string, kind: Kind): string {
  const slug = journeyName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${slug || "journey"}-${kind}.csv`;
}

export async function exportJourneyCsv(input: {
  workspaceId: string;
  journeyId: string;
  kind: Kind;
  query: Record<string, string>;
  /** Rows per database page (tests use a small one). */
  pageSize?: number;
}): Promise<Response> {
  const query = parseOrThrow(exportQuerySchema, input.query);
  const range = query.from || query.to ? rangeOrThrow(query, new Date()) : null;
  const journey = await getJourneyOrThrow({ workspaceId: input.workspaceId, id: input.journeyId });
  let versionId: string | null = null;
  if (query.version) {
    const version = await readPrisma.journeyVersion.findFirst({
      where: { journeyId: journey.id, workspaceId: journey.workspaceId, version: query.version },
      select: { id: true },
    });
    // An unknown version exports nothing rather than everything.
    versionId = version?.id ?? "none";
  }
  const filter: Filter = {
    workspaceId: journey.workspaceId,
    journeyId: journey.id,
    from: range?.from ?? null,
    to: range?.to ?? null,
    versionId,
  };
  const page = input.kind === "runs" ? runsPage : messagesPage;
  const encoder = new TextEncoder();
  let cursor: Cursor = null;
  let started = false;
  // Every pull enqueues or closes, so the reader is never left waiting.
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // A BOM so spreadsheet apps read the file as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(HEADERS[input.kind])}`));
        return;
      }
      const next = await page(filter, cursor, input.pageSize ?? PAGE);
      if (next.rows.length > 0) controller.enqueue(encoder.encode(next.rows.map(csvLine).join("")));
      cursor = next.cursor;
      if (!cursor) controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName(journey.name, input.kind)}"`,
      "cache-control": "no-store",
    },
  });
}
