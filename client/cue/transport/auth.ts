// Who the end user is, as the inbox API wants it: the write key plus either
// a user token or userId + userHash. The token is the one piece that changes
// (refreshToken), and only here.

import type { TokenSource } from "../types";

export interface AuthOptions {
  writeKey: string;
  userId?: string | null;
  userHash?: string;
  token?: string;
  refreshToken?: TokenSource;
}

export interface Auth {
  /** For EventSource, which cannot send headers. */
  params(): Record<string, string>;
  headers(): Record<string, string>;
  /** Whether a refused request may be retried with a fresh token. */
  canRefresh(): boolean;
  /** Whether the stream should fetch a new token before reconnecting. */
  usesRefreshedToken(): boolean;
  refresh(): Promise<void>;
}

export function createAuth(options: AuthOptions): Auth {
  let token = options.token;
  const userId = options.userId || "";
  const userHash = options.userHash || "";
  return {
    params() {
      const p: Record<string, string> = { write_key: options.writeKey };
      if (token) p.token = token;
      else {
        p.user_id = userId;
        p.user_hash = userHash;
      }
      return p;
    },
    headers() {
      const h: Record<string, string> = { "X-Cue-Write-Key": options.writeKey };
      if (token) h.Authorization = `Bearer ${token}`;
      else {
        h["X-Cue-User-Id"] = userId;
        h["X-Cue-User-Hash"] = userHash;
      }
      return h;
    },
    canRefresh: () => !!options.refreshToken,
    usesRefreshedToken: () => !!(options.refreshToken && token),
    refresh() {
      const source = options.refreshToken;
      return Promise.resolve(source ? source() : null).then((next) => {
        if (!next) throw new Error("refreshToken returned no token.");
        token = next;
      });
    },
  };
}

/** The user id inside a Cue user token (`base64url(json).signature`), or null. */
export function tokenUserId(token: string | undefined): string | null {
  try {
    const bytes = atob(String(token).split(".")[0].replace(/-/g, "+").replace(/_/g, "/"));
    const array = Uint8Array.from(bytes, (c) => c.charCodeAt(0));
    const user = JSON.parse(new TextDecoder().decode(array)).u;
    return typeof user === "string" ? user : null;
  } catch (_e) {
    return null;
  }
}
