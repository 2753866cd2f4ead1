import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { setRules } from "./engine-fixtures";
import {
  compareLane,
  LANES,
  RUNS,
  SEED,
  type Stream,
  savedLanes,
  streamArb,
} from "./live-vs-backtest/harness";

// Live and backtest agree, for any stream a real client can send, in the
// default event order (each event evaluated as soon as it is committed). The
// harness (live-vs-backtest/harness.ts) says how streams are made and compared.

/**
 * Failing lanes found so far (the printed counterexample, in
 * live-vs-backtest/regressions.json); each runs first on every run.
 */
const REGRESSIONS = savedLanes("regressions.json").map((saved) => saved.lane);

/**
 * Lanes a fuller generator found where live and the backtest disagree in the
 * default order: a trigger that reached Cue after a later trigger of the same
 * profile had entered (live keeps the later entry; event time says the
 * earlier one); an identify that reached Cue after the filter it would have
 * passed was decided. Each runs here as an expected failure, and passes in
 * strict event order (strict-order.property.test.ts).
 */
const KNOWN_GAPS = savedLanes("known-gaps.json");

describe("live execution and the backtest agree on any stream a client can send", () => {
  describe("known gaps of the default order (expected to fail; strict order handles them)", () => {
    for (const [index, gap] of KNOWN_GAPS.entries()) {
      it.fails(`lane ${index + 1} (seed ${gap.seed}, path ${gap.path})`, async () => {
        const { workspaceId } = await createTestWorkspace(`Live vs backtest, gap ${index + 1}`);
        await setRules(workspaceId, {});
        await compareLane(gap.lane, { workspaceId, strict: false });
      }, 60_000);
    }
  });

  it(`${RUNS} random streams: batched, out of order, late, resent, paused, with engine lag`, async () => {
    const { workspaceId } = await createTestWorkspace("Live vs backtest");
    await setRules(workspaceId, {});
    const total = { compared: 0, entered: 0, sent: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(streamArb, { minLength: LANES, maxLength: LANES }),
        async (streams: Stream[]) => {
          const tally = await compareLane(streams, { workspaceId, strict: false });
          total.compared += tally.compared;
          total.entered += tally.entered;
          total.sent += tally.sent;
        },
      ),
      {
        // LANES streams per lane: RUNS streams in all.
        numRuns: Math.ceil(RUNS / LANES),
        examples: REGRESSIONS.map((lane) => [lane] as [Stream[]]),
        verbose: 1,
        // A lane is slow to replay: report the first failure as found, without shrinking.
        endOnFailure: true,
        ...(SEED !== undefined && { seed: SEED }),
      },
    );
    // The generator exercises what it claims to.
    expect(total.compared).toBeGreaterThanOrEqual(RUNS);
    expect(total.entered).toBeGreaterThan(RUNS / 2);
    expect(total.sent).toBeGreaterThan(RUNS / 4);
  }, 900_000);
});
