import "server-only";
import { z } from "zod";
import { ApiError, parseOrThrow } from "@/lib/api/errors";
import { readPrisma } from "@/lib/db/client";
import { getJourneyOrThrow } from "@/lib/journeys/get-journey-or-throw";
import { type AnalyticsRange, analyticsRangeSchema, resolveRange } from "./analytics-range";
import type { LiftResult } from "./lift";
import { type Conversions, loadConversions } from "./load-conversions";
import { type JourneyScope, loadJourneySeries, type SeriesDay } from "./load-journey-series";
import { loadMessageDelivery, type MessageDelivery } from "./load-message-delivery";
import { loadSkipReasons } from "./load-skip-reasons";
import { type NodeLabel, nodeLabels } from "./node-labels";
import type { SkipReason } from "./skip-reasons";

// GET /api/w/:workspaceId/journeys/:journeyId/analytics — one journey's
// numbers for a period, optionally for one published version.

export const journeyAnalyticsQuerySchema = analyticsRangeSchema.extend({
  version: z.coerce.number().int().positive().optional(),
});

export interface VersionSummary {
  id: string;
  version: number;
  publishedAt: string;
  note: string | null;
  current: boolean;
}

export interface JourneyAnalytics {
  journey: { id: string; name: string; status: string };
  period: { from: string; to: string; days: number };
  version: number | null;
  versions: VersionSummary[];
  series: SeriesDay[];
  lift: LiftResult;
  byVersion: { version: number | null; versionId: string; lift: LiftResult }[];
  timeToConvert: Conversions["timeToConvert"];
  medianSecondsToConvert: number | null;
  messages: (MessageDelivery & { label: string })[];
  skipped: (SkipReason & { nodeLabel: string | null })[];
  nodes: Record<string, NodeLabel>;
}

export async function getJourneyAnalytics(input: {
  workspaceId: string;
  journeyId: string;
  query: Record<string, string>;
  now?: Date;
}): Promise<JourneyAnalytics> {
  const query = parseOrThrow(journeyAnalyticsQuerySchema, input.query);
  const range = rangeOrThrow(query, input.now ?? new Date());
  const journey = await getJourneyOrThrow({ workspaceId: input.workspaceId, id: input.journeyId });
  const versions = await readPrisma.journeyVersion.findMany({
    where: { journeyId: journey.id, workspaceId: journey.workspaceId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, publishedAt: true, note: true, definition: true },
  });
  const chosen = query.version ? versions.find((v) => v.version === query.version) : null;
  if (query.version && !chosen) {
    throw new ApiError(
      "validation_failed",
      `version: this journey has no version ${query.version}`,
      {
        details: { issues: [{ field: "version", message: `No version ${query.version}` }] },
      },
    );
  }
  const scope: JourneyScope = {
    workspaceId: journey.workspaceId,
    journeyId: journey.id,
    versionId: chosen?.id ?? null,
  };
  const [series, conversions, messages, skipped] = await Promise.all([
    loadJourneySeries(scope, range),
    loadConversions(scope, range),
    loadMessageDelivery(scope, range),
    loadSkipReasons(scope, range),
  ]);
  const nodes = nodeLabels([
    chosen?.definition,
    ...versions.map((v) => v.definition),
    journey.draft,
  ]);
  const versionNumber = new Map(versions.map((v) => [v.id, v.version]));
  return {
    journey: { id: journey.id, name: journey.name, status: journey.status },
    period: { from: range.from.toISOString(), to: range.to.toISOString(), days: range.days.length },
    version: chosen?.version ?? null,
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      publishedAt: v.publishedAt.toISOString(),
      note: v.note,
      current: v.id === journey.currentVersionId,
    })),
    series,
    lift: conversions.lift,
    byVersion: conversions.byVersion
      .map((v) => ({ ...v, version: versionNumber.get(v.versionId) ?? null }))
      .sort((a, b) => (b.version ?? 0) - (a.version ?? 0)),
    timeToConvert: conversions.timeToConvert,
    medianSecondsToConvert: conversions.medianSecondsToConvert,
    messages: messages.map((m) => ({ ...m, label: nodes[m.nodeId]?.label ?? m.nodeId })),
    skipped: skipped.map((s) => ({
      ...s,
      nodeLabel: s.nodeId ? (nodes[s.nodeId]?.label ?? s.nodeId) : null,
    })),
    nodes,
  };
}

export function rangeOrThrow(query: { from?: string; to?: string }, now: Date): AnalyticsRange {
  const resolved = resolveRange(query, now);
  if ("range" in resolved) return resolved.range;
  throw new ApiError("validation_failed", `${resolved.field}: ${resolved.message}`, {
    details: { issues: [{ field: resolved.field, message: resolved.message }] },
  });
}
