import "server-only";
import { ApiError } from "@/lib/api/errors";
import { readPrisma } from "@/lib/db/client";
import { readSql } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  type JourneyDefinition,
  journeyDefinitionSchema,
  type NodeType,
} from "@/lib/journey-core/definition";
import type { TraceDecision } from "@/lib/journey-core/run-state";
import { getJourneyOrThrow } from "./get-journey-or-throw";

// Live numbers for the canvas: per node, how many runs reached it (entered),
// are there now (waiting), moved on (passed), and for message nodes how many
// messages went out (sent). Read from run_traces (grouped on its
// (journeyId, nodeId, decision) index) and journey_runs; all versions, or
// one (the runs that entered on it).

export interface NodeStats {
  entered: number;
  waiting: number;
  passed: number;
  sent: number;
}

/** The trace decisions with which each node type lets a run move on. */
const PASS_DECISIONS: Record<NodeType, readonly TraceDecision[]> = {
  trigger: ["entered"],
  filter: ["passed"],
  delay: ["passed"],
  wait: ["event_received", "timed_out"],
  branch: ["branch"],
  split: ["split"],
  // "skipped" here is a delivery rule's skip; the channel's own skip follows a "sent".
  send_email: ["sent", "skipped", "holdout", "limit_reached"],
  send_inapp: ["sent", "skipped", "holdout", "limit_reached"],
  exit: ["exited"],
  send_webhook: ["webhook_succeeded", "webhook_failed", "holdout", "limit_reached", "skipped"],
  update_profile: ["profile_updated"],
};

interface DecisionRow {
  nodeId: string;
  decision: string;
  n: number;
  /** Skips recorded by the channel after a "sent" (no delivery rule in data). */
  channelSkips: number;
}

const ZERO: NodeStats = { entered: 0, waiting: 0, passed: 0, sent: 0 };

async function definitionFor(
  journey: {
    draft: Prisma.JsonValue;
    currentVersionId: string | null;
    workspaceId: string;
    id: string;
  },
  versionId: string | null,
): Promise<JourneyDefinition | null> {
  const id = versionId ?? journey.currentVersionId;
  if (!id) return journeyDefinitionSchema.safeParse(journey.draft).data ?? null;
  const row = await readPrisma.journeyVersion.findFirst({
    where: { id, journeyId: journey.id, workspaceId: journey.workspaceId },
    select: { definition: true },
  });
  return row ? (journeyDefinitionSchema.safeParse(row.definition).data ?? null) : null;
}

export async function journeyNodeStats(input: {
  workspaceId: string;
  journeyId: string;
  version?: number;
}): Promise<{ version: number | null; nodes: Record<string, NodeStats> }> {
  const journey = await getJourneyOrThrow({ workspaceId: input.workspaceId, id: input.journeyId });
  let versionId: string | null = null;
  if (input.version !== undefined) {
    const row = await readPrisma.journeyVersion.findFirst({
      where: { journeyId: journey.id, workspaceId: journey.workspaceId, version: input.version },
      select: { id: true },
    });
    if (!row) throw new ApiError("not_found", "Journey version not found.");
    versionId = row.id;
  }
  const { id, workspaceId } = journey;
  const ofVersion = versionId
    ? Prisma.sql`AND t."runId" IN (SELECT r.id FROM journey_runs r WHERE r."journeyId" = ${id} AND r."workspaceId" = ${workspaceId} AND r."versionId" = ${versionId})`
    : Prisma.empty;
  const decisions = await readSql.$queryRaw<DecisionRow[]>`
    SELECT t."nodeId", t.decision, count(*)::int AS n,
           (count(*) FILTER (WHERE t.decision = 'skipped' AND t.data->>'rule' IS NULL))::int AS "channelSkips"
    FROM run_traces t
    WHERE t."journeyId" = ${id} AND t."workspaceId" = ${workspaceId} AND t."nodeId" IS NOT NULL ${ofVersion}
    GROUP BY t."nodeId", t.decision`;
  const entered = await readSql.$queryRaw<{ nodeId: string; n: number }[]>`
    SELECT t."nodeId", count(DISTINCT t."runId")::int AS n
    FROM run_traces t
    WHERE t."journeyId" = ${id} AND t."workspaceId" = ${workspaceId} AND t."nodeId" IS NOT NULL ${ofVersion}
    GROUP BY t."nodeId"`;
  const waiting = await readPrisma.journeyRun.groupBy({
    by: ["nodeId"],
    where: { journeyId: id, workspaceId, status: "waiting", ...(versionId && { versionId }) },
    _count: { _all: true },
  });

  const definition = await definitionFor(journey, versionId);
  const types = new Map(definition?.nodes.map((node) => [node.id, node.type]) ?? []);
  const nodes: Record<string, NodeStats> = {};
  const at = (nodeId: string) => {
    nodes[nodeId] ??= { ...ZERO };
    return nodes[nodeId];
  };
  for (const nodeId of types.keys()) at(nodeId);
  for (const row of entered) at(row.nodeId).entered = row.n;
  for (const row of waiting) if (row.nodeId) at(row.nodeId).waiting = row._count._all;
  for (const row of decisions) {
    const stats = at(row.nodeId);
    const type = types.get(row.nodeId);
    const moving = type ? PASS_DECISIONS[type] : [];
    const decision = row.decision as TraceDecision;
    if (moving.includes(decision)) {
      stats.passed += decision === "skipped" ? row.n - row.channelSkips : row.n;
    }
    if (type === "send_email" || type === "send_inapp") {
      if (decision === "sent") stats.sent += row.n;
      if (decision === "failed") stats.sent -= row.n;
      if (decision === "skipped") stats.sent -= row.channelSkips;
    }
  }
  return { version: input.version ?? null, nodes };
}
