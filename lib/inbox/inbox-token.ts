import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

// End-user proof for the inbox API, in the two shapes apps already know:
//
// - user_hash: lowercase hex HMAC-SHA256(secret key, user_id), computed by the
//   app's backend once per user (Intercom's and Novu's scheme). It never
//   expires; rotating the secret key invalidates every hash.
// - token: `<payload>.<signature>`, both base64url. The payload is JSON
//   {w: workspaceId, u: userId, exp: unix seconds}; the signature is
//   HMAC-SHA256(secret key, payload part). Issued by POST /api/v1/inbox/token.
//
// Both are checked against the workspace's *active* secret key only, so a
// rotation revokes every hash and token signed with the old key at once.

const payloadSchema = z.object({
  w: z.string().min(1).max(100),
  u: z.string().min(1).max(256),
  exp: z.number().int().positive(),
});
export type InboxTokenPayload = z.infer<typeof payloadSchema>;

export function computeUserHash(secretKey: string, userId: string): string {
  return createHmac("sha256", secretKey).update(userId, "utf8").digest("hex");
}

/** Constant-time check of a user_hash; anything but 64 hex characters fails. */
export function verifyUserHash(secretKey: string, userId: string, userHash: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(userHash)) return false;
  const expected = Buffer.from(computeUserHash(secretKey, userId), "hex");
  return timingSafeEqual(expected, Buffer.from(userHash, "hex"));
}

export function issueInboxToken(input: {
  secretKey: string;
  workspaceId: string;
  userId: string;
  ttlSeconds: number;
  now?: Date;
}): { token: string; expiresAt: Date } {
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const exp = nowSeconds + input.ttlSeconds;
  const payload: InboxTokenPayload = { w: input.workspaceId, u: input.userId, exp };
  const encoded = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
  return { token: `${encoded}.${sign(input.secretKey, encoded)}`, expiresAt: new Date(exp * 1000) };
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
  secretKey: string,
  now: Date = new Date(),
): InboxTokenPayload | null {
  const claims = readInboxTokenClaims(token);
  const dot = token.indexOf(".");
  if (!claims || dot === -1) return null;
  // Compared as text: base64url has spare bits, so two spellings can decode
  // to the same bytes, and only the issued spelling is accepted.
  const expected = Buffer.from(sign(secretKey, token.slice(0, dot)), "utf8");
  const given = Buffer.from(token.slice(dot + 1), "utf8");
  if (given.length !== expected.length || !timingSafeEqual(expected, given)) return null;
  if (claims.exp * 1000 <= now.getTime()) return null;
  return claims;
}

function sign(secretKey: string, encodedPayload: string): string {
  return createHmac("sha256", secretKey).update(encodedPayload, "utf8").digest("base64url");
}
