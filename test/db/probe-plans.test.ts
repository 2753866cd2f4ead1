import { describe, expect, it } from "vitest";
import { probeBegin, sqlTransaction } from "@/lib/db/sql";

// sqlTransaction(…, { probePlans: true }): the engine's batches run on generic
// plans with sequential scans off, and each connection makes its plans again
// on a schedule that starts fast (lib/db/sql.ts).

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

  it("still begin a transaction when the connection's plans are made again", async () => {
    // Enough transactions over more than a second that the schedule discards once.
    const started = Date.now();
    let n = 0;
    while (Date.now() - started < 1_300) {
      expect(await settings(true)).toEqual({ mode: "force_generic_plan", seqscan: "off" });
      n++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(n).toBeGreaterThan(5);
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
    const exists = await sqlTransaction(
      (tx) => tx.$queryRaw<{ t: string | null }[]>`SELECT to_regclass('probe_rollback')::text AS t`,
    );
    expect(exists[0]?.t).toBeNull();
  });
});

describe("the replanning schedule", () => {
  it("makes plans again 1, 3, 7, 15… s after the first transaction, then once a minute", () => {
    const t0 = 1_000_000;
    let step = probeBegin(undefined, t0);
    expect(step.sql).not.toMatch(/DISCARD/);
    expect(step.sql).toMatch(/^BEGIN; SET LOCAL plan_cache_mode = force_generic_plan/);
    const discards: number[] = [];
    for (let ms = 0; ms <= 300_000; ms += 100) {
      step = probeBegin(step.schedule, t0 + ms);
      if (step.sql.startsWith("DISCARD PLANS; BEGIN;")) discards.push(ms / 1000);
    }
    expect(discards.slice(0, 7)).toEqual([1, 3, 7, 15, 31, 63, 123]);
    expect(discards.slice(6)).toEqual([123, 183, 243]);
  });

  it("does not discard before the time is due", () => {
    const first = probeBegin(undefined, 0);
    expect(probeBegin(first.schedule, 999).sql).not.toMatch(/DISCARD/);
    expect(probeBegin(first.schedule, 999).schedule).toBe(first.schedule);
  });
});
