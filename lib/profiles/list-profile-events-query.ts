import { z } from "zod";

// The query of a profile's event list (GET /api/v1/profiles/{userId}/events
// and the session API); the OpenAPI document is generated from it too.
export const listProfileEventsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).optional(),
});
export type ListProfileEventsQuery = z.output<typeof listProfileEventsQuerySchema>;
