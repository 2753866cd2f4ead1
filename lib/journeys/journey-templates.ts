import type { z } from "zod";
import { JOURNEY_TEMPLATES } from "@/lib/journey-core/templates";
import type { templateSchema } from "./journey-schemas";

/** The shipped templates, each with a `journey` body that POST /api/v1/journeys accepts as is. */
export function listJourneyTemplates(): z.infer<typeof templateSchema>[] {
  return JOURNEY_TEMPLATES.map((t) => ({
    slug: t.slug,
    name: t.name,
    description: t.description,
    journey: { name: t.name, definition: JSON.parse(JSON.stringify(t.definition)) },
  }));
}
