import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

// End-user proof for the inbox API, in the two shapes apps already know:
//
// - user_hash: lowercase hex HMAC-SHA256(inbox signing secret, user_id),
//   computed by the app's backend once per user (Intercom's and Novu's
//   scheme). It never expires; rotating the signing secret invalidates every
//   hash once the previous secret's grace period ends.
// - token: `<payload>.<signature>`, both base64url. The payload is JSON
//   {w: workspaceId, u: userId, exp: unix seconds}; the signature is
//   HMAC-SHA256(inbox signing secret, payload part). Issued by
//   POST /api/v1/inbox/token.
//
// Both are checked against the workspace's valid signing secrets: the
// current one, and the previous one during a rotation's grace period
// (lib/inbox/inbox-signing-secret.ts). The secret is not the secret API key,
// which is stored hashed and cannot key an HMAC.

const payloadSchema = z.object({
  w: z.string().min(1).max(100),
  u: z.string().min(1).max(256),
  exp: z.number().int().positive(),
});
export type InboxTokenPayload = z.infer<typeof payloadSchema>;

export function computeUserHash(signingSecret: string, userId: string): string {
  return createHmac("sha256", signingSecret).update(userId, "utf8").digest("hex");
}

/**
 * Constant-time check of a user_hash against each valid secret; anything but
 * 64 hex characters fails.
 */
export function verifyUserHash(
  signingSecrets: string | readonly string[],
  userId: string,
  userHash: string,
): boolean {
  if (!/^[0-9a-f]{64}$/.test(userHash)) return false;
  const given = Buffer.from(userHash, "hex");
  let valid = false;
  for (const secret of typeof signingSecrets === "string" ? [signingSecrets] : signingSecrets) {
    // Every secret is tried, so the time taken does not tell which one matched.
    if (timingSafeEqual(Buffer.from(computeUserHash(secret, userId), "hex"), given)) valid = true;
  }
  return valid;
}

export function issueInboxToken(input: {
  signingSecret: string;
  workspaceId: string;
  userId: string;
  ttlSeconds: number;
  now?: Date;
}): { token: string; expiresAt: Date } {
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const exp = nowSeconds + input.ttlSeconds;
  const payload: InboxTokenPayload = { w: input.workspaceId, u: input.userId, exp };
  const encoded = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
  return {
    token: `${encoded}.${sign(input.signingSecret, encoded)}`,
    expiresAt: new Date(exp * 1000),
  };
}

/**
 * The claims of a token, unverified: the workspace they name is needed to
 * find the key that verifies them. Never trust them before verifyInboxToken.
 */
export function readInboxTokenClaims(token: string): InboxTokenPayload | null {
  const match = /^([A-Za-z0-9_-]{1,2000})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match?.[1]) return null;
  try {
    const json: unknown = JSON.parse(Buffer.from(match[1], "base64url").toString("utf8"));
    const parsed = payloadSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The verified claims, or null for a bad signature, a malformed token or an expired one. */
export function verifyInboxToken(
  token: string,
  signingSecrets: string | readonly string[],
  now: Date = new Date(),
): InboxTokenPayload | null {
  const claims = readInboxTokenClaims(token);
  const dot = token.indexOf(".");
  if (!claims || dot === -1) return null;
  // Compared as text: base64url has spare bits, so two spellings can decode
  // to the same bytes, and only the issued spelling is accepted.
  const given = Buffer.from(token.slice(dot + 1), "utf8");
  let valid = false;
  for (const secret of typeof signingSecrets === "string" ? [signingSecrets] : signingSecrets) {
    const expected = Buffer.from(sign(secret, token.slice(0, dot)), "utf8");
    if (given.length === expected.length && timingSafeEqual(expected, given)) valid = true;
  }
  if (!valid) return null;
  if (claims.exp * 1000 <= now.getTime()) return null;
  return claims;
}

function sign(signingSecret: string, encodedPayload: string): string {
  return createHmac("sha256", signingSecret).update(encodedPayload, "utf8").digest("base64url");
}
