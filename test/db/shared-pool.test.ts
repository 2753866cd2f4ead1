import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { genericPlanSql, getPool, sql, sqlTransaction } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";

// Prisma's model API and lib/db/sql.ts run on one pool (lib/db/client.ts),
// sized from DATABASE_POOL_SIZE (lib/db/pool-size.ts). Set before the first
// query of this file creates the pools: 4 in total, 3 shared + 1 generic.
process.env.DATABASE_POOL_SIZE = "4";

const observer = new pg.Client({ connectionString: process.env.DATABASE_URL });
await observer.connect();
afterAll(() => observer.end());

async function backends(): Promise<number> {
  const { rows } = await observer.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
  );
  return rows[0]?.n ?? 0;
}

describe("the shared pool", () => {
  it("never opens more connections than DATABASE_POOL_SIZE, Prisma and SQL together", async () => {
    let peak = 0;
    let running = true;
    const watch = (async () => {
      while (running) {
        peak = Math.max(peak, await backends());
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const sleep = Prisma.sql`SELECT pg_sleep(0.15)`;
    await Promise.all([
      ...Array.from({ length: 6 }, () => prisma.workspace.findMany({ where: { name: "none" } })),
      ...Array.from({ length: 6 }, () =>
        prisma.$transaction(async (tx) => {
          await tx.workspace.count();
          await new Promise((resolve) => setTimeout(resolve, 100));
        }),
      ),
      ...Array.from({ length: 6 }, () => sql.$queryRaw(sleep)),
      ...Array.from({ length: 4 }, () => genericPlanSql.$queryRaw(sleep)),
    ]);
    running = false;
    await watch;
    expect(getPool().options.max).toBe(3);
    expect(getPool().totalCount).toBeLessThanOrEqual(3);
    // 3 shared + 1 generic; separate pools for Prisma and SQL would have opened more.
    expect(peak).toBeGreaterThanOrEqual(3);
    expect(peak).toBeLessThanOrEqual(4);
  });

  it("reads values as before: Prisma with its own parsers, SQL with sql.ts's", async () => {
    const query = Prisma.sql`
      SELECT 9007199254740993::int8 AS big, '2026-01-02 03:04:05.678'::timestamp(3) AS at,
        1.50::numeric AS dec, '{"a":1}'::jsonb AS doc`;
    const [viaPrisma] = await prisma.$queryRaw<Record<string, unknown>[]>(query);
    const [viaSql] = await sql.$queryRaw<Record<string, unknown>[]>(query);
    for (const row of [viaPrisma ?? {}, viaSql ?? {}]) {
      expect(row.big).toBe(9007199254740993n);
      expect((row.at as Date).toISOString()).toBe("2026-01-02T03:04:05.678Z");
      expect(row.doc).toEqual({ a: 1 });
    }
    expect(viaPrisma?.dec).toBeInstanceOf(Prisma.Decimal);
    expect(viaSql?.dec).toBe("1.50");
    // Prisma's model API on the shared pool reads timestamp(3) columns as UTC too.
    const created = await prisma.workspace.create({ data: { name: "Pool check" } });
    const [raw] = await sql.$queryRaw<{ createdAt: Date }[]>`
      SELECT "createdAt" FROM workspaces WHERE id = ${created.id}`;
    expect(raw?.createdAt.getTime()).toBe(created.createdAt.getTime());
  });

  it("prepares a statement from its second use; a one-off leaves nothing on the connection", async () => {
    const tag = `t${Date.now()}`;
    const once = Prisma.sql`SELECT ${Prisma.raw(`'once-${tag}'`)} AS x`;
    const twice = Prisma.sql`SELECT ${Prisma.raw(`'twice-${tag}'`)} AS x`;
    const prepared = await sqlTransaction(async (tx) => {
      await tx.$queryRaw(once);
      await tx.$queryRaw(twice);
      await tx.$queryRaw(twice);
      return tx.$queryRaw<{ statement: string }[]>`SELECT statement FROM pg_prepared_statements`;
    });
    const texts = prepared.map((row) => row.statement);
    expect(texts.some((text) => text.includes(`twice-${tag}`))).toBe(true);
    expect(texts.some((text) => text.includes(`once-${tag}`))).toBe(false);
  });
});
