import "server-only";
import { ApiError, zodIssues } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { Journey } from "@/lib/generated/prisma/client";
import { type JourneyDefinition, journeyDefinitionSchema } from "@/lib/journey-core/definition";
import { type DefinitionDiff, diffDefinitions } from "@/lib/journey-core/diff-definitions";
import { getJourneyOrThrow } from "./get-journey-or-throw";
import type { DiffQuery, DiffSide } from "./journey-version-schemas";
import { findVersionOrThrow } from "./list-journey-versions";

// The readable diff between two versions of a journey, or a version and the
// draft. Left out, `to` is the latest version (the draft when nothing is
// published) and `from` the version before `to`; `from` is null when there is
// none, and everything in `to` shows as added.

/** What "nothing before" is compared as: no nodes, default settings. */
const NOTHING: JourneyDefinition = {
  version: 1,
  nodes: [],
  edges: [],
  settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
};

export interface JourneyDiffJson {
  diff: DefinitionDiff;
  from: DiffSide | null;
  to: DiffSide;
}

export async function diffJourneyVersions(input: {
  workspaceId: string;
  id: string;
  query: DiffQuery;
}): Promise<JourneyDiffJson> {
  const journey = await getJourneyOrThrow(input);
  const to = input.query.to ?? (await latestVersion(journey)) ?? "draft";
  const from = input.query.from ?? (await versionBefore(journey, to));
  const [before, after] = await Promise.all([
    from === null ? NOTHING : loadDefinition(journey, from),
    loadDefinition(journey, to),
  ]);
  return { diff: diffDefinitions(before, after), from, to };
}

async function latestVersion(journey: Journey, below?: number): Promise<number | null> {
  const latest = await prisma.journeyVersion.aggregate({
    where: {
      journeyId: journey.id,
      workspaceId: journey.workspaceId,
      ...(below !== undefined && { version: { lt: below } }),
    },
    _max: { version: true },
  });
  return latest._max.version;
}

/** The version published before `side` (before the draft: the latest one). */
function versionBefore(journey: Journey, side: DiffSide): Promise<number | null> {
  return latestVersion(journey, side === "draft" ? undefined : side);
}

async function loadDefinition(journey: Journey, side: DiffSide): Promise<JourneyDefinition> {
  if (side === "draft") {
    const parsed = journeyDefinitionSchema.safeParse(journey.draft);
    if (parsed.success) return parsed.data;
    const issues = zodIssues(parsed.error);
    throw new ApiError(
      "validation_failed",
      `The draft is not a complete journey yet (${issues[0]?.field}: ${issues[0]?.message}); fix it before comparing.`,
      { details: { issues: issues.map((i) => ({ ...i, field: `draft.${i.field}` })) } },
    );
  }
  const version = await findVersionOrThrow(journey, side);
  // Published definitions passed validateJourney; this only narrows the type.
  return journeyDefinitionSchema.parse(version.definition);
}
