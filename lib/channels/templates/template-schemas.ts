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

/** Valid bodies of POST /api/v1/templates (the OpenAPI document shows them; its test parses them). */
export const TEMPLATE_EXAMPLES = {
  inApp: {
    summary: "An in-app card",
    value: {
      name: "Trial ending (in-app)",
      content: {
        channel: "in_app",
        inApp: {
          kind: "card",
          title: "Your trial ends in {{ event.days }} days",
          body: "Pick a plan to keep your **{{ profile.traits.company | default: 'workspace' }}**.",
          ctaLabel: "See plans",
          ctaUrl: "/billing",
          expiresInHours: 72,
        },
      },
    },
  },
  tooltip: {
    summary: "An in-app tooltip anchored to an element",
    value: {
      name: "New export button",
      content: {
        channel: "in_app",
        inApp: {
          kind: "tooltip",
          title: "Export is here",
          body: "Download any report as CSV.",
          selector: "#export-button",
          pathPattern: "/reports*",
        },
      },
    },
  },
  email: {
    summary: "An email",
    value: {
      name: "Welcome",
      content: {
        channel: "email",
        email: {
          subject: "Welcome, {{ profile.traits.name | default: 'there' }}",
          preheader: "Three things to try first",
          body: "Hi {{ profile.traits.name | default: 'there' }},\n\nThanks for signing up.",
          bodyFormat: "markdown",
          transactional: false,
        },
      },
    },
  },
};

/** A template as the APIs answer it (template-view.ts builds it). */
export const templateViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  channel: z.enum(["email", "in_app"]),
  content: messageContentSchema,
  createdAt: z.string().meta({ format: "date-time" }),
  updatedAt: z.string().meta({ format: "date-time" }),
});
