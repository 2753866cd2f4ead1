// The opaque keyset cursor of message lists: the last row's (createdAt, id),
// newest first, so pages never skip or repeat while new messages arrive.

export interface MessageCursor {
  createdAt: Date;
  id: string;
}

export function encodeMessageCursor(m: MessageCursor): string {
  return Buffer.from(`${m.createdAt.toISOString()}|${m.id}`).toString("base64url");
}

/** The cursor, or null when the text is not one a message list returned. */
export function decodeMessageCursor(cursor: string): MessageCursor | null {
  const [at, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || rest.length > 0 || Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id };
}
