import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

// Secrets are `whsec_` + base64 of 24 random bytes, as Svix makes them; the
// `standardwebhooks` library signs with them. After a rotation the previous
// secret signs too until it expires, so receivers can switch without a gap
// (Standard Webhooks: several signatures, separated by spaces).

export const SECRET_OVERLAP_MS = 24 * 3_600_000;

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export interface SigningSecrets {
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

export function signatureHeader(
  secrets: SigningSecrets,
  input: { id: string; timestamp: Date; body: string },
  now: Date,
): string {
  const active = [secrets.secret];
  if (
    secrets.previousSecret &&
    secrets.previousSecretExpiresAt &&
    secrets.previousSecretExpiresAt.getTime() > now.getTime()
  ) {
    active.push(secrets.previousSecret);
  }
  return active.map((s) => new Webhook(s).sign(input.id, input.timestamp, input.body)).join(" ");
}

export function webhookHeaders(
  secrets: SigningSecrets,
  input: { id: string; timestamp: Date; body: string },
  now: Date,
): Record<string, string> {
  return {
    "webhook-id": input.id,
    "webhook-timestamp": String(Math.floor(input.timestamp.getTime() / 1000)),
    "webhook-signature": signatureHeader(secrets, input, now),
  };
}
