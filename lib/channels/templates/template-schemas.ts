import { z } from "zod";
import { messageContentSchema } from "../message-content";

/** POST and PUT /api/w/:workspaceId/templates(/:id): a whole template. */
export const templateInputSchema = z.strictObject({
  name: z.string().trim().min(1, "Name the template.").max(200),
  content: messageContentSchema,
});
export type TemplateInput = z.infer<typeof templateInputSchema>;

export const listTemplatesQuerySchema = z.strictObject({
  channel: z.enum(["email", "in_app"]).optional(),
});
