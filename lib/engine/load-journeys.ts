import type { Prisma } from "@/lib/generated/prisma/client";
import { type JourneyDefinition, journeyDefinitionSchema } from "@/lib/journeys/definition";
import type { JourneyStatus } from "@/lib/journeys/journey-status";

// Published versions are immutable, so their parsed definitions are cached
// for the life of the process; only a journey's status and name (which do
// change) are read with every batch.

type Tx = Prisma.TransactionClient;

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
export async function loadJourneys(
  tx: Tx,
  refs: readonly { journeyId: string; workspaceId: string }[],
): Promise<Map<string, JourneyInfo>> {
  const ids = [...new Set(refs.map((r) => r.journeyId))];
  if (ids.length === 0) return new Map();
  const workspaceIds = [...new Set(refs.map((r) => r.workspaceId))];
  // Raw: on the hot path of every batch, and cheaper than a compiled model query.
  const rows = await tx.$queryRaw<JourneyInfo[]>`
    SELECT id, "workspaceId", name, status::text AS status FROM journeys
    WHERE id = ANY(${ids}::text[]) AND "workspaceId" = ANY(${workspaceIds}::text[])`;
  return new Map(rows.map((row) => [row.id, row]));
}

/** Versions by id (cached); a version that does not parse is left out and reported. */
export async function loadVersions(
  tx: Tx,
  refs: readonly { versionId: string; workspaceId: string }[],
  log: (line: string) => void = () => {},
): Promise<Map<string, LoadedVersion>> {
  const out = new Map<string, LoadedVersion>();
  const missing: string[] = [];
  for (const { versionId } of refs) {
    const cached = versionCache.get(versionId);
    if (cached) out.set(versionId, cached);
    else if (!missing.includes(versionId)) missing.push(versionId);
  }
  if (missing.length === 0) return out;
  const workspaceIds = [...new Set(refs.map((r) => r.workspaceId))];
  const rows = await tx.journeyVersion.findMany({
    where: { id: { in: missing }, workspaceId: { in: workspaceIds } },
    select: { id: true, journeyId: true, definition: true },
  });
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
}
