import { z } from "zod";
import { decodeMessageCursor } from "./message-cursor";
import { MESSAGE_STATUSES } from "./message-view-schema";

// The query of GET /api/v1/profiles/{userId}/messages; the route parses with
// it and the OpenAPI document is generated from it. A bad value is a 422
// naming the field, as on the profile's events.

export const listProfileMessagesQuerySchema = z.strictObject({
  limit: z.coerce
    .number("A whole number from 1 to 100.")
    .int("A whole number from 1 to 100.")
    .min(1, "At least 1.")
    .max(100, "At most 100.")
    .default(50),
  cursor: z
    .string()
    .max(200)
    .refine((value) => decodeMessageCursor(value) !== null, {
      message: "Not a cursor this API returned; start from the first page.",
    })
    .optional()
    .meta({ description: "The previous page's `nextCursor`." }),
  channel: z.enum(["email", "in_app"]).optional(),
  status: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(MESSAGE_STATUSES)))
    .optional()
    .meta({ description: "One status or several, comma-separated (e.g. `bounced,failed`)." }),
});
export type ListProfileMessagesQuery = z.output<typeof listProfileMessagesQuerySchema>;
