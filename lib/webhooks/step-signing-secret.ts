import "server-only";
import type { RawDb } from "@/lib/db/sql";
import { generateWebhookSecret, type SigningSecrets } from "./webhook-secret";

// The workspace's signing secret for webhook steps (Standard Webhooks
// `whsec_…`, the same format and library as event webhooks), made on first
// use. Receivers verify a step's request with it; admins read it on the
// Webhooks settings page.

export async function stepSigningSecret(db: RawDb, workspaceId: string): Promise<SigningSecrets> {
  // Twice at most: when another transaction made the secret while this
  // statement ran, its INSERT does nothing and its SELECT (the statement's
  // snapshot, taken before that commit) finds nothing; a second statement
  // sees the committed row. Deliveries of one workspace's first steps run
  // concurrently, so this happened (16 at once on Node 24: "reading 'secret'").
  for (let attempt = 0; attempt < 2; attempt++) {
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
    if (rows[0]) return rows[0];
  }
  throw new Error(`No step signing secret for workspace ${workspaceId}`);
}
