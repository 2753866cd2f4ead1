import type { Backtest } from "@/lib/generated/prisma/client";
import type { BacktestCounts, SamplePath } from "./backtest-tally";

// A backtest as the API shows it.

export interface BacktestJson {
  id: string;
  journeyId: string;
  source:
    | { kind: "draft"; draftRevision: number | null }
    | { kind: "version"; version: number | null };
  window: { from: string; to: string };
  status: Backtest["status"];
  progress: number;
  counts: BacktestCounts | null;
  samplePaths: SamplePath[] | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export function toBacktestJson(
  row: Backtest,
  options: { withSamples?: boolean } = {},
): BacktestJson {
  return {
    id: row.id,
    journeyId: row.journeyId,
    source:
      row.source === "draft"
        ? { kind: "draft", draftRevision: row.draftRevision }
        : { kind: "version", version: row.version },
    window: { from: row.windowFrom.toISOString(), to: row.windowTo.toISOString() },
    status: row.status,
    progress: row.progress,
    counts: (row.counts as unknown as BacktestCounts | null) ?? null,
    samplePaths:
      options.withSamples === false
        ? null
        : ((row.samplePaths as unknown as SamplePath[] | null) ?? null),
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
