import "server-only";
import { z } from "zod";
import { readPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { REJECTION_CODES } from "@/lib/ingest/types";
import { decodeCursor, encodeCursor } from "./keyset-cursor";

export const listRejectedQuerySchema = z.object({
  code: z.enum(REJECTION_CODES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).optional(),
});
export type ListRejectedQuery = z.output<typeof listRejectedQuerySchema>;

export interface RejectedItemView {
  id: string;
  receivedAt: string;
  /** Position of the call in its request's batch. */
  batchIndex: number;
  code: string;
  /** Dotted path of the offending field, null for the whole call. */
  field: string | null;
  message: string;
  /** What was kept of the call (may be cut down when it was too large). */
  payload: Prisma.JsonValue | null;
}

export interface RejectedPage {
  rejected: RejectedItemView[];
  nextCursor: string | null;
}

/** Calls ingestion refused, newest first, with the reason. */
export async function listRejected(input: {
  workspaceId: string;
  query: ListRejectedQuery;
}): Promise<RejectedPage> {
  const { workspaceId, query } = input;
  const before = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await readPrisma.rejectedEvent.findMany({
    where: {
      workspaceId,
      ...(query.code && { code: query.code }),
      ...(before && {
        OR: [{ receivedAt: { lt: before.at } }, { receivedAt: before.at, id: { lt: before.id } }],
      }),
    },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    rejected: page.map((row) => ({
      id: row.id,
      receivedAt: row.receivedAt.toISOString(),
      batchIndex: row.batchIndex,
      code: row.code,
      field: row.field,
      message: row.message,
      payload: row.payload,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.receivedAt, last.id) : null,
  };
}
