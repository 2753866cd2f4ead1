import "server-only";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { Journey } from "@/lib/generated/prisma/client";
import { type JourneyDefinition, journeyDefinitionSchema } from "@/lib/journey-core/definition";
import { validateJourney } from "@/lib/journey-core/validate-journey";
import { getJourneyOrThrow } from "@/lib/journeys/get-journey-or-throw";
import type { SourceParam } from "./explain-query";
import type { JourneySourceJson } from "./explain-types";

// The definition a preview or explanation runs: the draft (only when it would
// publish, since the core assumes a valid journey), the live version, or a
// published version by number.

export interface JourneySource {
  journey: Journey;
  definition: JourneyDefinition;
  json: JourneySourceJson;
}

function sourceJson(
  journey: Journey,
  source: JourneySourceJson["source"],
  version: number | null,
): JourneySourceJson {
  return { id: journey.id, name: journey.name, status: journey.status, source, version };
}

async function versionDefinition(
  journey: Journey,
  where: { id: string } | { version: number },
): Promise<{ definition: JourneyDefinition; version: number }> {
  const row = await prisma.journeyVersion.findFirst({
    where: { ...where, journeyId: journey.id, workspaceId: journey.workspaceId },
    select: { version: true, definition: true },
  });
  if (!row) throw new ApiError("not_found", "Journey version not found.");
  return { definition: journeyDefinitionSchema.parse(row.definition), version: row.version };
}

function draftDefinition(journey: Journey): JourneyDefinition {
  const result = validateJourney(journey.draft);
  if (result.ok) return result.definition;
  const count = result.errors.length;
  throw new ApiError(
    "validation_failed",
    `The draft has ${count} issue${count === 1 ? "" : "s"} to fix before it can be previewed: ${result.errors[0]?.message ?? ""}`,
    {
      details: {
        issues: result.errors.map((issue) => ({
          field: issue.field ?? "(journey)",
          nodeId: issue.nodeId,
          code: issue.code,
          message: issue.message,
        })),
      },
    },
  );
}

export async function loadJourneySource(input: {
  workspaceId: string;
  journeyId: string;
  /** Left out: the live version, or the draft when nothing is published. */
  source?: SourceParam;
}): Promise<JourneySource> {
  const journey = await getJourneyOrThrow({ workspaceId: input.workspaceId, id: input.journeyId });
  const source = input.source ?? (journey.currentVersionId ? "live" : "draft");
  if (source === "draft") {
    return {
      journey,
      definition: draftDefinition(journey),
      json: sourceJson(journey, "draft", null),
    };
  }
  if (source === "live") {
    if (!journey.currentVersionId) {
      throw new ApiError(
        "not_found",
        "This journey has no published version yet; preview the draft instead.",
      );
    }
    const { definition, version } = await versionDefinition(journey, {
      id: journey.currentVersionId,
    });
    return { journey, definition, json: sourceJson(journey, "live", version) };
  }
  const { definition, version } = await versionDefinition(journey, { version: source });
  return { journey, definition, json: sourceJson(journey, "version", version) };
}

/** The version that was current at `at` (the latest published by then), if any. */
export async function versionLiveAt(
  journey: Journey,
  at: Date,
): Promise<{ definition: JourneyDefinition; version: number; publishedAt: Date } | null> {
  const row = await prisma.journeyVersion.findFirst({
    where: { journeyId: journey.id, workspaceId: journey.workspaceId, publishedAt: { lte: at } },
    orderBy: { version: "desc" },
    select: { version: true, definition: true, publishedAt: true },
  });
  if (!row) return null;
  return {
    definition: journeyDefinitionSchema.parse(row.definition),
    version: row.version,
    publishedAt: row.publishedAt,
  };
}
