import { describe, expect, it } from "vitest";
import { nextReplan } from "@/lib/db/replan";
import { sql, sqlTransaction } from "@/lib/db/sql";

// sqlTransaction(…, { probePlans: true }): the engine's batches run on generic
// plans with sequential scans off. Every pooled connection makes its plans
// again on a schedule that starts fast (lib/db/sql.ts, REPLAN).

async function settings(probePlans: boolean) {
  return sqlTransaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ mode: string; seqscan: string }[]>`
        SELECT current_setting('plan_cache_mode') AS mode, current_setting('enable_seqscan') AS seqscan`;
      return row;
    },
    { probePlans },
  );
}

describe("probe-plan transactions", () => {
  it("use generic plans without sequential scans, for that transaction only", async () => {
    expect(await settings(true)).toEqual({ mode: "force_generic_plan", seqscan: "off" });
    // The settings are LOCAL: the same pooled connections are back to the server's.
    for (let i = 0; i < 3; i++)
      expect(await settings(false)).toEqual({ mode: "auto", seqscan: "on" });
  });

  it("still begin a transaction, and run a statement, when the connection's plans are made again", async () => {
    // Enough calls over more than a second that the schedule discards once.
    const started = Date.now();
    let n = 0;
    while (Date.now() - started < 1_300) {
      expect(await settings(true)).toEqual({ mode: "force_generic_plan", seqscan: "off" });
      expect(await settings(false)).toEqual({ mode: "auto", seqscan: "on" });
      const [row] = await sql.$queryRaw<{ n: number }[]>`SELECT ${n}::int AS n`;
      expect(row?.n).toBe(n);
      n++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(n).toBeGreaterThan(5);
  });

  it("leaves a pooled connection usable after a statement fails", async () => {
    await expect(sql.$queryRaw`SELECT 1 / 0`).rejects.toThrow(/division by zero/);
    const [row] = await sql.$queryRaw<{ ok: boolean }[]>`SELECT true AS ok`;
    expect(row?.ok).toBe(true);
  });

  it("rolls back what a failed probe transaction wrote", async () => {
    await expect(
      sqlTransaction(
        async (tx) => {
          await tx.$executeRaw`CREATE TEMP TABLE probe_rollback (x int)`;
          await tx.$executeRaw`SELECT 1 / 0`;
        },
        { probePlans: true },
      ),
    ).rejects.toThrow(/division by zero/);
    const exists = await sql.$queryRaw<{ t: string | null }[]>`
      SELECT to_regclass('probe_rollback')::text AS t`;
    expect(exists[0]?.t).toBeNull();
  });
});

describe("the replanning schedule", () => {
  it("makes plans again 1, 3, 7, 15… s after the first transaction, then once a minute", () => {
    const t0 = 1_000_000;
    let step = nextReplan(undefined, t0);
    expect(step.discard).toBe(false);
    const discards: number[] = [];
    for (let ms = 0; ms <= 300_000; ms += 100) {
      step = nextReplan(step.schedule, t0 + ms);
      if (step.discard) discards.push(ms / 1000);
    }
    expect(discards.slice(0, 7)).toEqual([1, 3, 7, 15, 31, 63, 123]);
    expect(discards.slice(6)).toEqual([123, 183, 243]);
  });

  it("does not discard before the time is due", () => {
    const first = nextReplan(undefined, 0);
    expect(nextReplan(first.schedule, 999).discard).toBe(false);
    expect(nextReplan(first.schedule, 999).schedule).toBe(first.schedule);
  });
});
