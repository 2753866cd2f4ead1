import { asRecord } from "@/lib/db/json-record";
import type { Journey, JourneyVersion } from "@/lib/generated/prisma/client";
import { validateDraft } from "@/lib/journey-core/validate-journey";
import type { JourneyJson } from "./journey-schemas";

type VersionPart = Pick<JourneyVersion, "id" | "version" | "note" | "publishedAt">;

export function toJourneyJson(journey: Journey, current: VersionPart | null): JourneyJson {
  return {
    id: journey.id,
    name: journey.name,
    status: journey.status,
    draft: asRecord(journey.draft),
    draftRevision: journey.draftRevision,
    issues: validateDraft(journey.draft).issues,
    currentVersion: current && {
      id: current.id,
      version: current.version,
      note: current.note,
      publishedAt: current.publishedAt.toISOString(),
    },
    createdAt: journey.createdAt.toISOString(),
    updatedAt: journey.updatedAt.toISOString(),
  };
}
