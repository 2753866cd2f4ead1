import "server-only";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { asRecord } from "@/lib/db/json-record";
import type { Journey, JourneyVersion } from "@/lib/generated/prisma/client";
import { getJourneyOrThrow } from "./get-journey-or-throw";
import type { VersionDetailJson, VersionSummaryJson } from "./journey-version-schemas";

// A journey's published versions, newest first, with who published each
// and which one is current. Versions are immutable; restoring one copies its
// definition into the draft (restore-journey-version.ts).

const MAX_VERSIONS = 1000;

export async function listJourneyVersions(input: {
  workspaceId: string;
  id: string;
}): Promise<VersionSummaryJson[]> {
  const journey = await getJourneyOrThrow(input);
  const versions = await prisma.journeyVersion.findMany({
    where: { journeyId: journey.id, workspaceId: journey.workspaceId },
    select: { id: true, version: true, note: true, publishedAt: true, publishedById: true },
    orderBy: { version: "desc" },
    take: MAX_VERSIONS,
  });
  const publishers = await loadPublishers(versions);
  return versions.map((v) => toVersionSummary(journey, v, publishers));
}

export async function getJourneyVersion(input: {
  workspaceId: string;
  id: string;
  version: number;
}): Promise<VersionDetailJson> {
  const journey = await getJourneyOrThrow(input);
  const version = await findVersionOrThrow(journey, input.version);
  const publishers = await loadPublishers([version]);
  return {
    ...toVersionSummary(journey, version, publishers),
    definition: asRecord(version.definition),
  };
}

export async function findVersionOrThrow(
  journey: Pick<Journey, "id" | "workspaceId">,
  version: number,
): Promise<JourneyVersion> {
  const found = await prisma.journeyVersion.findFirst({
    where: { journeyId: journey.id, workspaceId: journey.workspaceId, version },
  });
  if (!found) throw notFound(`Version ${version} of this journey`);
  return found;
}

type Publisher = { id: string; name: string | null; email: string };
type VersionRow = Pick<JourneyVersion, "id" | "version" | "note" | "publishedAt"> & {
  publishedById: string | null;
};

async function loadPublishers(versions: VersionRow[]): Promise<Map<string, Publisher>> {
  const ids = [...new Set(versions.flatMap((v) => (v.publishedById ? [v.publishedById] : [])))];
  if (ids.length === 0) return new Map();
  // Members are global; only those who published this workspace's versions are read.
  const members = await prisma.member.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, email: true },
  });
  return new Map(members.map((m) => [m.id, m]));
}

function toVersionSummary(
  journey: Pick<Journey, "currentVersionId">,
  version: VersionRow,
  publishers: Map<string, Publisher>,
): VersionSummaryJson {
  return {
    id: version.id,
    version: version.version,
    note: version.note,
    publishedAt: version.publishedAt.toISOString(),
    publishedBy: (version.publishedById && publishers.get(version.publishedById)) || null,
    isCurrent: version.id === journey.currentVersionId,
  };
}
