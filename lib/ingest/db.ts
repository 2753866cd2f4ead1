import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * What ingestion needs from a database handle: raw SQL as tagged templates.
 * The Prisma client, a Prisma transaction and ingestDb (ingest-db.ts) all fit.
 */
export interface RawDb {
  $queryRaw<T = unknown>(
    query: TemplateStringsArray | Prisma.Sql,
    ...values: unknown[]
  ): PromiseLike<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<number>;
}
