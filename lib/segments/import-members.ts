import "server-only";
import { ApiError } from "@/lib/api/errors";
import { sqlTransaction } from "@/lib/db/sql";
import { lockProfiles } from "@/lib/engine/profile-locks";
import { applyMembership } from "./apply-membership";
import { getSegmentOrThrow } from "./save-segment";
import type { ImportMembersInput } from "./segment-schemas";

// A manual segment's members from a CSV of userIds or emails: the first
// column of each row (a header row naming userId or email is skipped). Each
// listed profile enters (and, with mode "replace", everyone not listed
// leaves), recorded like any other transition, so segment triggers fire.

const MAX_ROWS = 100_000;

export interface ImportResult {
  rows: number;
  matched: number;
  unknown: string[];
  entered: number;
  exited: number;
}

export function parseMemberCsv(csv: string): string[] {
  const values: string[] = [];
  for (const line of csv.split(/\r?\n/)) {
    const first =
      line
        .split(",")[0]
        ?.trim()
        .replace(/^"(.*)"$/, "$1")
        .trim() ?? "";
    if (first) values.push(first);
  }
  if (values.length > 0 && /^(user_?id|email|id)$/i.test(values[0] as string)) values.shift();
  return values;
}

export async function importMembers(input: {
  workspaceId: string;
  segmentId: string;
  body: ImportMembersInput;
  now: Date;
}): Promise<ImportResult> {
  const { workspaceId, segmentId, body, now } = input;
  const segment = await getSegmentOrThrow({ workspaceId, segmentId });
  if (segment.kind !== "manual") {
    throw new ApiError("validation_failed", "Only manual segments take imports.", {
      details: [{ field: "segmentId", message: "This segment is computed from its condition." }],
    });
  }
  const values = [...new Set(parseMemberCsv(body.csv))];
  if (values.length === 0) {
    throw new ApiError("validation_failed", "The CSV lists nobody.", {
      details: [{ field: "csv", message: "Put one userId or email per line." }],
    });
  }
  if (values.length > MAX_ROWS) {
    throw new ApiError("validation_failed", `At most ${MAX_ROWS} rows per import.`, {
      details: [{ field: "csv", message: `At most ${MAX_ROWS} rows per import.` }],
    });
  }
  const lowered = values.map((v) => v.toLowerCase());
  return sqlTransaction(async (tx) => {
    const found = await tx.$queryRaw<{ id: string; userId: string | null; email: string | null }[]>`
      SELECT id::text AS id, "userId", email FROM profiles
      WHERE "workspaceId" = ${workspaceId}
        AND ("userId" = ANY(${values}::text[]) OR lower(email) = ANY(${lowered}::text[]))`;
    const seen = new Set<string>();
    for (const row of found) {
      if (row.userId) seen.add(row.userId);
      if (row.email) seen.add(row.email.toLowerCase());
    }
    const unknown = values.filter((v) => !seen.has(v) && !seen.has(v.toLowerCase()));
    const listed = new Set(found.map((row) => row.id));
    let leaving: string[] = [];
    if (body.mode === "replace") {
      const current = await tx.$queryRaw<{ profileId: string }[]>`
        SELECT "profileId"::text AS "profileId" FROM segment_memberships
        WHERE "workspaceId" = ${workspaceId} AND "segmentId" = ${segmentId}`;
      leaving = current.map((r) => r.profileId).filter((id) => !listed.has(id));
    }
    await lockProfiles(tx, [...listed, ...leaving]);
    const targets = [
      ...[...listed].map((profileId) => ({ profileId, member: true })),
      ...leaving.map((profileId) => ({ profileId, member: false })),
    ];
    const outcome = await applyMembership(tx, segment, targets, now, {
      events: true,
      receivedAt: now,
    });
    return {
      rows: values.length,
      matched: listed.size,
      unknown: unknown.slice(0, 100),
      entered: outcome.entered.length,
      exited: outcome.exited.length,
    };
  });
}
