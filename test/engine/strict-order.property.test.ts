import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { setRules } from "./engine-fixtures";
import {
  compareLane,
  LANES,
  lateStreamArb,
  SEED,
  type Stream,
  savedLanes,
} from "./live-vs-backtest/harness";

// In strict event order (CUE_STRICT_EVENT_ORDER) the engine evaluates an
// event only once its allowed lateness has passed, in event-time order. Then
// live and the backtest agree even when triggers and identifies reach Cue
// late, after later events of their profile: the lanes that are known gaps of
// the default order pass here, and so do random streams in which any call may
// be late (lateStreamArb).

/** Fewer than the default order's: the same harness, on top of it. */
const STRICT_RUNS = Number(process.env.CUE_DIFFERENTIAL_STRICT_RUNS ?? 150);

describe("strict event order: live and the backtest agree even for late triggers and identifies", () => {
  for (const [index, gap] of savedLanes("known-gaps.json").entries()) {
    it(`the default order's known gap ${index + 1} (seed ${gap.seed}, path ${gap.path})`, async () => {
      const { workspaceId } = await createTestWorkspace(`Strict order, gap ${index + 1}`);
      await setRules(workspaceId, {});
      await compareLane(gap.lane, { workspaceId, strict: true });
    }, 60_000);
  }

  for (const [index, saved] of savedLanes("regressions.json").entries()) {
    it(`regression lane ${index + 1} (seed ${saved.seed}, path ${saved.path})`, async () => {
      const { workspaceId } = await createTestWorkspace(`Strict order, regression ${index + 1}`);
      await setRules(workspaceId, {});
      await compareLane(saved.lane, { workspaceId, strict: true });
    }, 60_000);
  }

  it(`${STRICT_RUNS} random streams in which any call may be late`, async () => {
    const { workspaceId } = await createTestWorkspace("Strict order");
    await setRules(workspaceId, {});
    const total = { compared: 0, entered: 0, sent: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(lateStreamArb, { minLength: LANES, maxLength: LANES }),
        async (streams: Stream[]) => {
          const tally = await compareLane(streams, { workspaceId, strict: true });
          total.compared += tally.compared;
          total.entered += tally.entered;
          total.sent += tally.sent;
        },
      ),
      {
        numRuns: Math.ceil(STRICT_RUNS / LANES),
        verbose: 1,
        endOnFailure: true,
        ...(SEED !== undefined && { seed: SEED }),
      },
    );
    expect(total.compared).toBeGreaterThanOrEqual(STRICT_RUNS);
    expect(total.entered).toBeGreaterThan(STRICT_RUNS / 2);
    expect(total.sent).toBeGreaterThan(STRICT_RUNS / 4);
  }, 900_000);
});
