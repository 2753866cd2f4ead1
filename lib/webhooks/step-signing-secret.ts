import "server-only";
import type { RawDb } from "@/lib/db/sql";
import { generateWebhookSecret, type SigningSecrets } from "./webhook-secret";

// The workspace's signing secret for webhook steps (Standard Webhooks
// `whsec_…`, the same format and library as event webhooks), made on first
// use. Receivers verify a step's request with it; admins read it on the
// Webhooks settings page.

export async function stepSigningSecret(db: RawDb, workspaceId: string): Promise<SigningSecrets> {
  const rows = await db.$queryRaw<SigningSecrets[]>`
    WITH made AS (
      INSERT INTO step_webhook_signing_secrets ("workspaceId", secret)
      VALUES (${workspaceId}, ${generateWebhookSecret()})
      ON CONFLICT ("workspaceId") DO NOTHING
      RETURNING secret, "previousSecret", "previousSecretExpiresAt"
    )
    SELECT secret, "previousSecret", "previousSecretExpiresAt" FROM made
    UNION ALL
    SELECT secret, "previousSecret", "previousSecretExpiresAt" FROM step_webhook_signing_secrets
    WHERE "workspaceId" = ${workspaceId}
    LIMIT 1`;
  return rows[0] as SigningSecrets;
}
