import { type JsonPart, jsonPart, queryParts, type RawDb } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { type JourneyDefinition, journeyDefinitionSchema } from "@/lib/journey-core/definition";
import type { JourneyStatus } from "@/lib/journey-core/journey-status";

// Published versions are immutable, so their parsed definitions are cached
// for the life of the process; only a journey's status and name (which do
// change) are read with every batch.

export interface JourneyInfo {
  id: string;
  workspaceId: string;
  name: string;
  status: JourneyStatus;
}

export interface LoadedVersion {
  id: string;
  journeyId: string;
  definition: JourneyDefinition;
}

const MAX_CACHED_VERSIONS = 5_000;
const versionCache = new Map<string, LoadedVersion>();

/** Journeys by id, scoped to the workspaces they are expected in. */
export function journeysPart(
  refs: readonly { journeyId: string; workspaceId: string }[],
): JsonPart<Map<string, JourneyInfo>> {
  const ids = [...new Set(refs.map((r) => r.journeyId))];
  const workspaceIds = [...new Set(refs.map((r) => r.workspaceId))];
  const sql =
    ids.length === 0
      ? null
      : Prisma.sql`
    SELECT id, "workspaceId", name, status::text AS status FROM journeys
    WHERE id = ANY(${ids}::text[]) AND "workspaceId" = ANY(${workspaceIds}::text[])`;
  return jsonPart<JourneyInfo, Map<string, JourneyInfo>>(
    sql,
    (rows) => new Map(rows.map((row) => [row.id, row])),
  );
}

export async function loadJourneys(
  tx: RawDb,
  refs: readonly { journeyId: string; workspaceId: string }[],
): Promise<Map<string, JourneyInfo>> {
  return (await queryParts(tx, { journeys: journeysPart(refs) })).journeys;
}

/**
 * Versions by id: from the cache, and the others read in the statement; a
 * version that does not parse is left out and reported.
 */
export function versionsPart(
  refs: readonly { versionId: string; workspaceId: string }[],
  log: (line: string) => void = () => {},
): JsonPart<Map<string, LoadedVersion>> {
  const out = new Map<string, LoadedVersion>();
  const missing: string[] = [];
  for (const { versionId } of refs) {
    const cached = versionCache.get(versionId);
    if (cached) out.set(versionId, cached);
    else if (!missing.includes(versionId)) missing.push(versionId);
  }
  const workspaceIds = [...new Set(refs.map((r) => r.workspaceId))];
  const sql =
    missing.length === 0
      ? null
      : Prisma.sql`
    SELECT id, "journeyId", definition FROM journey_versions
    WHERE id = ANY(${missing}::text[]) AND "workspaceId" = ANY(${workspaceIds}::text[])`;
  return jsonPart<
    { id: string; journeyId: string; definition: unknown },
    Map<string, LoadedVersion>
  >(sql, (rows) => {
    if (versionCache.size + rows.length > MAX_CACHED_VERSIONS) versionCache.clear();
    for (const row of rows) {
      const parsed = journeyDefinitionSchema.safeParse(row.definition);
      if (!parsed.success) {
        log(`engine: journey version ${row.id} no longer parses: ${parsed.error.message}`);
        continue;
      }
      const version = { id: row.id, journeyId: row.journeyId, definition: parsed.data };
      versionCache.set(row.id, version);
      out.set(row.id, version);
    }
    return out;
  });
}

export async function loadVersions(
  tx: RawDb,
  refs: readonly { versionId: string; workspaceId: string }[],
  log: (line: string) => void = () => {},
): Promise<Map<string, LoadedVersion>> {
  return (await queryParts(tx, { versions: versionsPart(refs, log) })).versions;
}
