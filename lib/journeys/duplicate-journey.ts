import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getJourneyOrThrow } from "./get-journey-or-throw";
import { toJourneyJson } from "./journey-json";
import type { JourneyJson } from "./journey-schemas";

const MAX_NAME = 120;
const SUFFIX = " (copy)";

/** A new draft "<name> (copy)" holding the source's draft; versions and runs stay behind. */
export async function duplicateJourney(input: {
  workspaceId: string;
  id: string;
  memberId?: string | null;
}): Promise<JourneyJson> {
  const source = await getJourneyOrThrow(input);
  const copy = await prisma.journey.create({
    data: {
      workspaceId: source.workspaceId,
      name: copyName(source.name),
      draft: source.draft as Prisma.InputJsonObject,
      updatedById: input.memberId ?? null,
    },
  });
  return toJourneyJson(copy, null);
}

export function copyName(name: string): string {
  return `${name.slice(0, MAX_NAME - SUFFIX.length).trimEnd()}${SUFFIX}`;
}
