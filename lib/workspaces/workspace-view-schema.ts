import { z } from "zod";
import { emailSettingsViewSchema } from "@/lib/channels/email/email-settings-schema";
import { deliveryRulesViewSchema } from "./delivery-rules-input";

// GET /api/v1/workspace: the key's workspace and the settings that change
// what it sends. Keys and the Resend key are never part of it.

export const workspaceViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string().meta({ format: "date-time" }),
  allowedOrigins: z
    .array(z.string())
    .meta({ description: "Browser origins allowed to call the inbox API (CORS)." }),
  deliveryRules: deliveryRulesViewSchema.meta({
    description:
      "Frequency budget and quiet hours. Quiet hours are in each profile's own timezone (the profile's `timezone`, UTC when unknown); a workspace has no timezone of its own.",
  }),
  email: emailSettingsViewSchema,
});
export type WorkspaceView = z.infer<typeof workspaceViewSchema>;
