import "server-only";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import { explainConditions } from "@/lib/explain/explain-conditions";
import type { ConditionCheck } from "@/lib/explain/explain-types";
import { findProfileIdByReference } from "@/lib/profiles/find-profile";
import { evaluateMembers } from "./evaluate-members";
import { toLiveSegment } from "./refresh-segments";
import { getSegmentOrThrow } from "./save-segment";

// "Why is / isn't this user in it": the segment's condition evaluated now by
// the same evaluator the engine keeps membership with, condition by condition
// (lib/explain's explainConditions), next to what the recorded membership says.

export interface MembershipExplanation {
  profileId: string;
  /** What the recorded membership says now. */
  member: boolean;
  /** The condition's verdict now (null for manual segments). */
  matchesNow: boolean | null;
  detail: string;
  conditions: ConditionCheck[];
  /** The latest entries and exits, newest first. */
  changes: { kind: string; at: string }[];
}

export async function explainMembership(input: {
  workspaceId: string;
  segmentId: string;
  profile: string;
  now: Date;
}): Promise<MembershipExplanation> {
  const { workspaceId, segmentId, now } = input;
  const segment = await getSegmentOrThrow({ workspaceId, segmentId });
  const profileId = await findProfileIdByReference({ workspaceId, reference: input.profile });
  if (!profileId) throw notFound("Profile");
  const membership = await prisma.segmentMembership.findUnique({
    where: { segmentId_profileId: { segmentId, profileId } },
  });
  const changes = await prisma.segmentMembershipChange.findMany({
    where: { workspaceId, segmentId, profileId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: 20,
    select: { kind: true, at: true },
  });
  const history = changes.map((c) => ({ kind: c.kind, at: c.at.toISOString() }));
  const member = membership !== null;
  if (segment.kind !== "condition" || !segment.condition) {
    const detail = member
      ? `Listed by an import (since ${membership.enteredAt.toISOString()})`
      : "Not listed by any import";
    return { profileId, member, matchesNow: null, detail, conditions: [], changes: history };
  }
  const live = toLiveSegment(segment);
  const verdict = (await evaluateMembers(sql, live, [profileId], now)).get(profileId);
  if (!verdict) throw notFound("Profile");
  const conditions = explainConditions(live.condition, {
    event: null,
    profile: verdict.profile,
    now,
    counts: verdict.counts,
  });
  const failure = verdict.result.failures[0];
  const detail = verdict.member
    ? "Matches every condition now"
    : `Does not match: ${failure?.condition ?? "the condition"} (expected ${JSON.stringify(failure?.expected)}, actual ${JSON.stringify(failure?.actual)})`;
  return { profileId, member, matchesNow: verdict.member, detail, conditions, changes: history };
}
