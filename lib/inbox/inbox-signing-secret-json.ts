import type { InboxSigningSecretInfo } from "./inbox-signing-secret";

/** The admin API's and Settings' shape of the inbox signing secret. */
export interface InboxSigningSecretJson {
  secret: string;
  rotatedAt: string;
  previous: { secret: string; expiresAt: string } | null;
}

export function inboxSigningSecretJson(info: InboxSigningSecretInfo): InboxSigningSecretJson {
  return {
    secret: info.secret,
    rotatedAt: info.rotatedAt.toISOString(),
    previous: info.previous
      ? { secret: info.previous.secret, expiresAt: info.previous.expiresAt.toISOString() }
      : null,
  };
}
