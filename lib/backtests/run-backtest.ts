import "server-only";
import type { Backtest, Prisma } from "@/lib/generated/prisma/client";
import { journeyDefinitionSchema } from "@/lib/journey-core/definition";
import { getDeliveryRules } from "@/lib/workspaces/delivery-rules";
import { planBacktest } from "./backtest-plan";
import { type Claim, failBacktest, finishBacktest, reportProgress } from "./backtest-status";
import { BacktestTally } from "./backtest-tally";
import { countWindowEvents, loadCandidateProfiles, loadChunk } from "./load-backtest-data";
import { profileAtWindowStart, replayProfile } from "./replay-profile";

// Runs one claimed backtest: streams the window's candidate profiles in
// chunks (the next chunk loads while this one replays), replays each
// profile's events through the journey core on a simulated clock, and adds
// the outcome to a tally. Between chunks it reports progress, which is also
// where a cancel is noticed: the conditional write fails and the run stops,
// leaving the row as the cancel left it. Results are written once, at the end.

export interface RunBacktestOptions {
  chunkSize?: number;
  now?: () => Date;
  /** Called after each chunk (tests use it to cancel mid-run). */
  onChunk?: (done: number, total: number) => Promise<void> | void;
}

export type RunOutcome = "done" | "cancelled" | "failed";

const DEFAULT_CHUNK = 400;

export async function runBacktest(
  backtest: Backtest,
  options: RunBacktestOptions = {},
): Promise<RunOutcome> {
  const now = options.now ?? (() => new Date());
  const claim: Claim = { id: backtest.id, attempt: backtest.attempts };
  try {
    return await replayAll(backtest, claim, options, now);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await failBacktest(claim, `The backtest stopped on an error: ${message}`, now());
    return "failed";
  }
}

async function replayAll(
  backtest: Backtest,
  claim: Claim,
  options: RunBacktestOptions,
  now: () => Date,
): Promise<RunOutcome> {
  const definition = journeyDefinitionSchema.parse(backtest.definition);
  const planned = planBacktest(definition);
  if ("problem" in planned) {
    await failBacktest(claim, planned.problem, now());
    return "failed";
  }
  const { plan } = planned;
  const { workspaceId, journeyId, windowFrom: from, windowTo: to } = backtest;
  const { rules } = await getDeliveryRules(workspaceId);
  const ids = await loadCandidateProfiles({ workspaceId, from, to });
  const size = options.chunkSize ?? DEFAULT_CHUNK;
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += size) chunks.push(ids.slice(i, i + size));
  const load = (profileIds: string[]) => loadChunk({ workspaceId, profileIds, plan, from, to });

  const tally = new BacktestTally();
  let next = chunks.length > 0 ? load(chunks[0]) : null;
  for (let i = 0; i < chunks.length; i++) {
    const data = await (next as ReturnType<typeof load>);
    next = i + 1 < chunks.length ? load(chunks[i + 1]) : null;
    for (const row of data.profiles) {
      const events = data.events.get(row.id) ?? [];
      if (events.length === 0) continue;
      const profile = profileAtWindowStart(row, events, from);
      const replay = replayProfile({ journeyId, definition, rules, profile, events, from, to });
      tally.add(replay, row.userId);
    }
    const done = Math.min(ids.length, (i + 1) * size);
    if (!(await reportProgress(claim, done / ids.length, now()))) {
      await next?.catch(() => {});
      return "cancelled";
    }
    await options.onChunk?.(done, ids.length);
  }
  const provisional = tally.finish({ windowEvents: 1, triggerEvent: plan.triggerEvent });
  const windowEvents =
    provisional.counts.entered === 0 ? await countWindowEvents({ workspaceId, from, to }) : 1;
  const result = tally.finish({ windowEvents, triggerEvent: plan.triggerEvent });
  const written = await finishBacktest(
    claim,
    {
      counts: result.counts as unknown as Prisma.InputJsonValue,
      samplePaths: result.samplePaths as unknown as Prisma.InputJsonValue,
    },
    now(),
  );
  return written ? "done" : "cancelled";
}
