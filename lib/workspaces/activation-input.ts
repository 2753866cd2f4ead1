import { z } from "zod";

// What "activated" means for a workspace: a profile did one of `events`
// within `windowDays` days of its first-seen time. Stored in
// workspaces.activation (null: not set); read by the home page
// (lib/analytics/activation/).

export const MAX_ACTIVATION_EVENTS = 10;
export const MAX_ACTIVATION_WINDOW_DAYS = 90;

export const activationSettingsSchema = z.strictObject({
  events: z
    .array(
      z
        .string()
        .trim()
        .min(1, "Choose an event name.")
        .max(200, "Event names are at most 200 characters."),
    )
    .min(1, "Choose at least one activation event.")
    .max(MAX_ACTIVATION_EVENTS, `At most ${MAX_ACTIVATION_EVENTS} activation events.`)
    .refine((names) => new Set(names).size === names.length, "Each event can be listed once.")
    .meta({
      description: "Event names that mean a profile is activated (any one of them counts).",
      example: ["Report Created"],
    }),
  windowDays: z
    .number("Enter a number of days.")
    .int("Enter a whole number of days.")
    .min(1, "The window is at least 1 day.")
    .max(MAX_ACTIVATION_WINDOW_DAYS, `The window is at most ${MAX_ACTIVATION_WINDOW_DAYS} days.`)
    .meta({ description: "Days after a profile is first seen in which it must activate." }),
});

export type ActivationSettings = z.infer<typeof activationSettingsSchema>;

/** PUT body: the setting, or null to clear it. */
export const activationInputSchema = z.strictObject({
  activation: activationSettingsSchema.nullable(),
});

/** What GET/PUT …/settings/activation answer. */
export const activationViewSchema = z.object({
  activation: activationSettingsSchema.nullable().meta({
    description: "The workspace's activation setting; null until it sets one.",
  }),
});

/** "Report Created within 7 days of first seen". */
export function activationText(settings: ActivationSettings): string {
  const names = settings.events.map((name) => `“${name}”`);
  const list =
    names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
  const days = settings.windowDays === 1 ? "1 day" : `${settings.windowDays} days`;
  return `${list} within ${days} of first seen`;
}
