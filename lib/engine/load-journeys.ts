import { type JsonPart, jsonPart, jsonTimestamp, queryParts, type RawDb } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { type JourneyDefinition, journeyDefinitionSchema } from "@/lib/journey-core/definition";
import type { JourneyStatus, StatusChange } from "@/lib/journey-core/journey-status";

// Published versions are immutable, so their parsed definitions are cached
// for the life of the process; only a journey's status and name (which do
// change) are read with every batch.

export interface JourneyInfo {
  id: string;
  workspaceId: string;
  name: string;
  status: JourneyStatus;
  /** Its status history, oldest first (journey-status.ts): what was live at an event's time. */
  history: StatusChange[];
}

/** A journey's status history as a JSON column (`journeyId`: the SQL naming the journey). */
export function statusHistorySql(journeyId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
      SELECT json_agg(json_build_object('status', c.status, 'versionId', c."versionId", 'at', c.at)
                      ORDER BY c.at, c.id)
      FROM journey_status_changes c WHERE c."journeyId" = ${journeyId}) AS history`;
}

type HistoryJson = { status: JourneyStatus; versionId: string | null; at: string }[] | null;

/** Reads the column statusHistorySql wrote. */
export function parseStatusHistory(history: HistoryJson): StatusChange[] {
  return (history ?? []).map((c) => ({ ...c, at: jsonTimestamp(c.at) }));
}

type JourneyJson = Omit<JourneyInfo, "history"> & { history: HistoryJson };

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
    SELECT j.id, j."workspaceId", j.name, j.status::text AS status, ${statusHistorySql(Prisma.sql`j.id`)}
    FROM journeys j
    WHERE j.id = ANY(${ids}::text[]) AND j."workspaceId" = ANY(${workspaceIds}::text[])`;
  return jsonPart<JourneyJson, Map<string, JourneyInfo>>(
    sql,
    (rows) =>
      new Map(rows.map((row) => [row.id, { ...row, history: parseStatusHistory(row.history) }])),
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
