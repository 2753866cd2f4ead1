import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The client or an interactive transaction: ingestion only needs raw SQL. */
export type RawDb = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;
