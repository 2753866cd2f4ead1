import { z } from "zod";

// The browser origins allowed to call a workspace's inbox API (CORS), as the
// settings form and PUT …/settings/allowed-origins both validate them.
// Stored as browsers send them: lowercase scheme://host[:port], default port
// omitted, so the CORS check is a plain string comparison.

export const MAX_ALLOWED_ORIGINS = 50;

/** The canonical origin, or null when the text is not exactly an http(s) origin. */
export function normalizeOrigin(value: string): string | null {
  if (!/^https?:\/\/[^/?#@\s]+\/?$/i.test(value)) return null;
  try {
    const url = new URL(value);
    if (url.username || url.password || url.pathname !== "/") return null;
    return url.origin;
  } catch {
    return null;
  }
}

const originSchema = z
  .string()
  .trim()
  .max(300)
  .transform((value, ctx) => {
    const normalized = normalizeOrigin(value);
    if (!normalized) {
      ctx.addIssue({
        code: "custom",
        message:
          "Use scheme://host[:port] with http or https, and no path, e.g. https://app.example.com.",
      });
      return z.NEVER;
    }
    return normalized;
  });

export const allowedOriginsBodySchema = z.strictObject({
  origins: z.array(originSchema).max(MAX_ALLOWED_ORIGINS),
});
