import { createHmac, timingSafeEqual } from "node:crypto";
import { ensureAuthSecret } from "@/lib/runtime/ensure-auth-secret";
import type { UnsubscribeLinks } from "./render-email";

// Unsubscribe links must work without signing in, forever (CAN-SPAM, RFC
// 8058), and must not let anyone unsubscribe someone else. The token is
// `<workspaceId>.<profileId>.<mac>`: an HMAC of both ids under a key derived
// from the server secret (NEXTAUTH_SECRET, or the one stored in app_settings
// when unset — every instance agrees either way). No expiry, by design.

const VERSION = "cue-unsubscribe-v1";

export interface UnsubscribeSubject {
  workspaceId: string;
  profileId: string;
}

function mac(secret: string, subject: UnsubscribeSubject): string {
  const key = createHmac("sha256", secret).update(VERSION).digest();
  return createHmac("sha256", key)
    .update(`${subject.workspaceId}\n${subject.profileId}`)
    .digest("base64url")
    .slice(0, 32);
}

export function signUnsubscribeTokenWith(secret: string, subject: UnsubscribeSubject): string {
  return `${subject.workspaceId}.${subject.profileId}.${mac(secret, subject)}`;
}

export function verifyUnsubscribeTokenWith(
  secret: string,
  token: string,
): UnsubscribeSubject | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [workspaceId, profileId, given] = parts as [string, string, string];
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(workspaceId)) return null;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(profileId))
    return null;
  const expected = Buffer.from(mac(secret, { workspaceId, profileId }));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { workspaceId, profileId };
}

export async function signUnsubscribeToken(subject: UnsubscribeSubject): Promise<string> {
  return signUnsubscribeTokenWith(await ensureAuthSecret(), subject);
}

export async function verifyUnsubscribeToken(token: string): Promise<UnsubscribeSubject | null> {
  return verifyUnsubscribeTokenWith(await ensureAuthSecret(), token);
}

/** Where readers reach Cue: NEXTAUTH_URL (set by `npm start`), else localhost:3000. */
export function publicBaseUrl(): string {
  return (process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
}

/**
 * The preference page and the RFC 8058 one-click URL. With a topic (the
 * message's subscription topic key), the page leads with that topic and a
 * one-click POST opts out of that topic's email only; without one, it
 * unsubscribes from all marketing email. The token still authorizes only the
 * profile, so naming another topic in the URL gives nothing the page does not.
 */
export async function unsubscribeLinks(
  subject: UnsubscribeSubject,
  topic?: string | null,
): Promise<UnsubscribeLinks> {
  const token = encodeURIComponent(await signUnsubscribeToken(subject));
  const base = publicBaseUrl();
  const query = topic ? `?topic=${encodeURIComponent(topic)}` : "";
  return {
    pageUrl: `${base}/unsubscribe/${token}${query}`,
    oneClickUrl: `${base}/api/unsubscribe/${token}${query}`,
  };
}
