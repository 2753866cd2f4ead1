import "server-only";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findTemplate } from "@/lib/journey-core/templates";
import { toJourneyJson } from "./journey-json";
import type { CreateJourneyInput, JourneyJson } from "./journey-schemas";
import { storeStepSecrets } from "./step-secrets";

/** A new draft, from posted JSON or a template slug. Nothing is live until it is published. */
export async function createJourney(input: {
  workspaceId: string;
  journey: CreateJourneyInput;
  memberId?: string | null;
}): Promise<JourneyJson> {
  const source = resolveSource(input.journey);
  const { name } = source;
  const definition = (await storeStepSecrets(input.workspaceId, source.definition)) as object;
  const journey = await prisma.journey.create({
    data: {
      workspaceId: input.workspaceId,
      name,
      draft: definition as Prisma.InputJsonObject,
      updatedById: input.memberId ?? null,
    },
  });
  return toJourneyJson(journey, null);
}

function resolveSource(input: CreateJourneyInput): { name: string; definition: object } {
  if ("definition" in input) return { name: input.name, definition: input.definition };
  const template = findTemplate(input.template);
  if (!template) throw new ApiError("not_found", `No journey template "${input.template}".`);
  return { name: input.name ?? template.name, definition: template.definition };
}
