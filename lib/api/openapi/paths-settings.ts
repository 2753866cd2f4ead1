import { z } from "zod";
import {
  emailSettingsInputSchema,
  emailSettingsViewSchema,
} from "@/lib/channels/email/email-settings-schema";
import {
  listTemplatesQuerySchema,
  TEMPLATE_EXAMPLES,
  templateInputSchema,
  templateViewSchema,
} from "@/lib/channels/templates/template-schemas";
import { allowedOriginsBodySchema } from "@/lib/inbox/allowed-origins-schema";
import { activationInputSchema, activationViewSchema } from "@/lib/workspaces/activation-input";
import {
  deliveryRulesInputSchema,
  deliveryRulesViewSchema,
} from "@/lib/workspaces/delivery-rules-input";
import { workspaceViewSchema } from "@/lib/workspaces/workspace-view-schema";
import {
  json,
  jsonBody,
  type Operation,
  type PathItem,
  pathParam,
  pick,
  queryParams,
  ref,
  SECRET_KEY,
} from "./openapi-helpers";

// Configuring a workspace from code (secret key): the workspace itself,
// message templates, delivery rules, allowed origins, email settings and activation.
// Each route calls the same function, with the same schema, as the settings
// pages' session API under /api/w/{workspaceId}.

export const SETTINGS_REQUEST_SCHEMAS = {
  TemplateInput: templateInputSchema,
  DeliveryRules: deliveryRulesInputSchema,
  AllowedOrigins: allowedOriginsBodySchema,
  EmailSettings: emailSettingsInputSchema,
  Activation: activationInputSchema,
};
export const SETTINGS_RESPONSE_SCHEMAS = {
  Workspace: workspaceViewSchema,
  MessageTemplate: templateViewSchema,
  DeliveryRulesView: deliveryRulesViewSchema,
  EmailSettingsView: emailSettingsViewSchema,
  AllowedOriginsView: z.object({ origins: z.array(z.string()) }),
  ActivationView: activationViewSchema,
};

function op(tag: string, operationId: string, summary: string, rest: Operation): Operation {
  return { operationId, tags: [tag], summary, security: SECRET_KEY, ...rest };
}

const RULES_EXAMPLE = {
  rules: {
    frequency: { windowHours: 24, max: 3, onLimit: "defer" },
    quietHours: { start: "21:00", end: "08:00", onQuiet: "defer", channels: ["email"] },
  },
  isDefault: true,
};
const EMAIL_EXAMPLE = {
  emailFrom: "Acme <hello@acme.com>",
  replyTo: "support@acme.com",
  defaultFrom: "Cue <onboarding@resend.dev>",
  resendApiKey: { source: "workspace", hint: "re_…9f3a" },
  ratePerSecond: 2,
};
const TEMPLATE_VIEW_EXAMPLE = {
  id: "cmiv3a7b20005qk08w1x2y3z4",
  channel: "in_app",
  ...TEMPLATE_EXAMPLES.inApp.value,
  createdAt: "2026-12-07T10:00:00.000Z",
  updatedAt: "2026-12-07T10:00:00.000Z",
};
const templateBody = (description: string) =>
  json(
    { type: "object", properties: { template: ref("MessageTemplate") }, required: ["template"] },
    description,
    { template: TEMPLATE_VIEW_EXAMPLE },
  );
const templateRequest = {
  required: true,
  content: { "application/json": { schema: ref("TemplateInput"), examples: TEMPLATE_EXAMPLES } },
};
const templateId = pathParam("id", "The template id");
const CONTENT_NOTE =
  "`content` is the same as in POST /api/v1/messages: `{ channel: 'email', email: { subject, body, preheader?, bodyFormat?, transactional? } }` or `{ channel: 'in_app', inApp: { kind, title, body?, imageUrl?, ctaLabel?, ctaUrl?, selector?, pathPattern?, expiresInHours? } }`, text fields in Liquid. A Liquid syntax error is a 422 naming the field, with line and column.";

export const settingsPaths: Record<string, PathItem> = {
  "/api/v1/workspace": {
    get: op("Workspace", "getWorkspace", "The secret key's workspace", {
      description:
        "Id, name, creation time and the settings that change what the workspace sends: allowed origins, delivery rules and email settings. Never a key: the Resend key shows only its last characters.",
      responses: {
        "200": json(
          { type: "object", properties: { workspace: ref("Workspace") }, required: ["workspace"] },
          "The workspace",
          {
            workspace: {
              id: "cmiv0a1b20000qk08demo0001",
              name: "Acme",
              createdAt: "2026-11-02T08:00:00.000Z",
              allowedOrigins: ["https://app.acme.com"],
              deliveryRules: RULES_EXAMPLE,
              email: EMAIL_EXAMPLE,
            },
          },
        ),
        ...pick("401"),
      },
    }),
  },
  "/api/v1/templates": {
    get: op("Templates", "listTemplates", "List message templates", {
      description: "Most recently changed first (at most 500).",
      parameters: queryParams(listTemplatesQuerySchema),
      responses: {
        "200": json(
          {
            type: "object",
            properties: { templates: { type: "array", items: ref("MessageTemplate") } },
            required: ["templates"],
          },
          "The templates",
          { templates: [TEMPLATE_VIEW_EXAMPLE] },
        ),
        ...pick("401", "422"),
      },
    }),
    post: op("Templates", "createTemplate", "Create a message template", {
      description: `${CONTENT_NOTE} Send it with POST /api/v1/messages \`{ userId, templateId, idempotencyKey }\` or from a journey's send step.`,
      requestBody: templateRequest,
      responses: { "201": templateBody("Created"), ...pick("400", "401", "422") },
    }),
  },
  "/api/v1/templates/{id}": {
    get: op("Templates", "getTemplate", "Get a message template", {
      description: "Another workspace's template is a 404.",
      parameters: [templateId],
      responses: { "200": templateBody("The template"), ...pick("401", "404") },
    }),
    put: op("Templates", "updateTemplate", "Replace a template's name and content", {
      description: `The whole template, as on create. ${CONTENT_NOTE}`,
      parameters: [templateId],
      requestBody: templateRequest,
      responses: {
        "200": templateBody("The template after the change"),
        ...pick("400", "401", "404", "422"),
      },
    }),
    delete: op("Templates", "deleteTemplate", "Delete a message template", {
      description: "Messages already sent from it keep their rendered content.",
      parameters: [templateId],
      responses: { "204": { description: "Deleted" }, ...pick("401", "404") },
    }),
  },
  "/api/v1/delivery-rules": {
    get: op("Settings", "getDeliveryRules", "The workspace's delivery rules", {
      description:
        "The frequency budget across channels and quiet hours (in each profile's timezone), applied to every journey send; transactional email ignores them. `isDefault` is true until the workspace sets its own.",
      responses: {
        "200": json(ref("DeliveryRulesView"), "The rules", RULES_EXAMPLE),
        ...pick("401"),
      },
    }),
    put: op("Settings", "putDeliveryRules", "Replace the delivery rules", {
      description:
        "`{ rules: {...} }` replaces them; `{ rules: {} }` means no rules; `{ rules: null }` goes back to the default.",
      requestBody: jsonBody(ref("DeliveryRules"), {
        rules: {
          frequency: { windowHours: 24, max: 2, perChannel: { email: 1 }, onLimit: "defer" },
          quietHours: { start: "22:00", end: "07:30", onQuiet: "defer" },
        },
      }),
      responses: {
        "200": json(ref("DeliveryRulesView"), "The rules now", {
          ...RULES_EXAMPLE,
          isDefault: false,
        }),
        ...pick("400", "401", "422"),
      },
    }),
  },
  "/api/v1/settings/allowed-origins": {
    get: op("Settings", "getAllowedOrigins", "Browser origins allowed to call the inbox API", {
      description: "The inbox API answers CORS requests only from these origins.",
      responses: {
        "200": json(ref("AllowedOriginsView"), "The origins", {
          origins: ["https://app.acme.com"],
        }),
        ...pick("401"),
      },
    }),
    put: op("Settings", "putAllowedOrigins", "Replace the allowed origins", {
      description:
        "Each `scheme://host[:port]` (http or https, no path); stored as browsers send them (lowercase, default port left out). At most 50.",
      requestBody: jsonBody(ref("AllowedOrigins"), {
        origins: ["https://app.acme.com", "http://localhost:5173"],
      }),
      responses: {
        "200": json(ref("AllowedOriginsView"), "The origins now", {
          origins: ["https://app.acme.com", "http://localhost:5173"],
        }),
        ...pick("400", "401", "422"),
      },
    }),
  },
  "/api/v1/settings/email": {
    get: op("Settings", "getEmailSettings", "Email sender settings", {
      description:
        "From, Reply-to, the send rate and whether a Resend key is set. The key itself is never returned: only where it comes from and its last characters.",
      responses: {
        "200": json(ref("EmailSettingsView"), "The settings", EMAIL_EXAMPLE),
        ...pick("401"),
      },
    }),
    put: op("Settings", "putEmailSettings", "Change email sender settings", {
      description:
        'Changes only the fields sent; an omitted field keeps its value, `""` or null clears it. `resendApiKey` is write-only.',
      requestBody: jsonBody(ref("EmailSettings"), {
        emailFrom: "Acme <hello@acme.com>",
        replyTo: "support@acme.com",
        resendApiKey: "re_123456789abcdef",
        ratePerSecond: 2,
      }),
      responses: {
        "200": json(ref("EmailSettingsView"), "The settings now", EMAIL_EXAMPLE),
        ...pick("400", "401", "422"),
      },
    }),
  },
  "/api/v1/settings/activation": {
    get: op("Settings", "getActivation", "What counts as activation", {
      description:
        "The event names that mean a profile is activated (any one of them) and the window in days after the profile is first seen. The home page shows the activation rate by signup cohort and, for each journey with a holdout, the activated share of messaged profiles against the holdout. `activation` is null until the workspace sets it.",
      responses: {
        "200": json(ref("ActivationView"), "The setting", {
          activation: { events: ["Report Created"], windowDays: 7 },
        }),
        ...pick("401"),
      },
    }),
    put: op("Settings", "putActivation", "Set what counts as activation", {
      description:
        "`{ activation: { events, windowDays } }` replaces it (1–10 distinct event names, 1–90 days); `{ activation: null }` clears it. A bad field is a 422 naming it (`activation.windowDays`, `activation.events.0`). Event names never received are accepted: the events may not have arrived yet.",
      requestBody: jsonBody(ref("Activation"), {
        activation: { events: ["Report Created", "Dashboard Shared"], windowDays: 7 },
      }),
      responses: {
        "200": json(ref("ActivationView"), "The setting now", {
          activation: { events: ["Report Created", "Dashboard Shared"], windowDays: 7 },
        }),
        ...pick("400", "401", "422"),
      },
    }),
  },
};
