import { z } from "zod";

// The workspace's sender settings as the settings form and
// PUT /api/w/:workspaceId/settings/email validate them. Resend accepts a
// bare address or `Name <address>`; an empty string clears a field (the
// sender then falls back to EMAIL_FROM, then Resend's test sender).

const address = z.email("Enter an email address like hello@example.com.");

/** "hello@acme.com" or "Acme <hello@acme.com>". */
export function parseSender(value: string): { name: string | null; address: string } | null {
  const named = /^([^<>"]{1,100})<([^<>\s]+)>$/.exec(value);
  const candidate = named ? (named[2] as string) : value;
  if (!address.safeParse(candidate).success) return null;
  return { name: named ? (named[1] as string).trim() : null, address: candidate };
}

const clearable = <T extends z.ZodType<string>>(schema: T) =>
  z.union([z.literal("").transform(() => null), z.null(), schema]);

export const emailSettingsInputSchema = z.strictObject({
  emailFrom: clearable(
    z
      .string()
      .trim()
      .max(200)
      .refine((value) => value === "" || parseSender(value) !== null, {
        message: 'Use an address, or a name and address: "Acme <hello@acme.com>".',
      }),
  ).optional(),
  replyTo: clearable(z.string().trim().max(200).pipe(address)).optional(),
  /** Omitted: keep the stored key. Null or "": remove it (RESEND_API_KEY or the Outbox then). */
  resendApiKey: clearable(
    z
      .string()
      .trim()
      .max(200)
      .regex(/^re_[A-Za-z0-9_-]{8,}$/, "A Resend API key starts with re_ (resend.com/api-keys)."),
  ).optional(),
  /** Requests per second to Resend, for all workers together (Resend's default limit is 2). */
  ratePerSecond: z.coerce
    .number("Enter a number of requests per second, like 2.")
    .min(0.1, "At least 0.1 requests per second.")
    .max(1000, "At most 1000 requests per second.")
    .optional(),
});
export type EmailSettingsInput = z.infer<typeof emailSettingsInputSchema>;

/** What GET/PUT …/settings/email answer: never the Resend key itself. */
export const emailSettingsViewSchema = z.object({
  emailFrom: z.string().nullable(),
  replyTo: z.string().nullable(),
  defaultFrom: z.string().meta({ description: "The sender used when emailFrom is empty." }),
  resendApiKey: z
    .object({
      source: z.enum(["workspace", "environment"]).nullable(),
      hint: z.string().nullable().meta({ description: "The key's last characters: `re_…abcd`." }),
    })
    .meta({
      description:
        "Never the key itself: whether one is set, where it comes from (this workspace or RESEND_API_KEY), and its last characters.",
    }),
  ratePerSecond: z
    .number()
    .meta({ description: "Requests per second to Resend, shared by every worker." }),
});
export type EmailSettingsView = z.infer<typeof emailSettingsViewSchema>;
