// What the inbox API sends and what Cue.init takes. The server's item shape is
// lib/inbox/inbox-item-json.ts; test/inbox/cue-js.test.ts checks that it fits
// this one (client/ cannot import server code).

export type ItemKind = "card" | "banner" | "modal" | "tooltip";

export interface InboxItem {
  id: string;
  seq: number;
  kind: ItemKind;
  title: string;
  body: string | null;
  /** Sanitized by the server (a Markdown subset): the one field inserted as HTML. */
  body_html: string | null;
  image_url: string | null;
  cta_label: string | null;
  cta_url: string | null;
  selector: string | null;
  path_pattern: string | null;
  created_at: string;
  expires_at: string | null;
  seen_at: string | null;
  read_at: string | null;
  clicked_at: string | null;
  archived_at: string | null;
}

export interface CountPair {
  unread: number;
  unseen: number;
}

/** Totals over every kind; by_kind lets the bell count cards only. */
export interface Counts extends CountPair {
  by_kind?: Partial<Record<ItemKind, CountPair>>;
}

export interface InboxPage {
  items: InboxItem[];
  next_cursor: string | null;
  counts?: Counts;
}

export type ItemAction = "seen" | "read" | "unread" | "clicked" | "archived" | "unarchived";

export type TokenSource = () => string | null | undefined | PromiseLike<string | null | undefined>;

export interface CueOptions {
  writeKey: string;
  /** Where Cue runs; defaults to the origin cue.js was loaded from. */
  host?: string;
  userId?: string;
  /** hex HMAC-SHA256(inbox signing secret, userId), computed by the site's backend. */
  userHash?: string;
  /** A short-lived user token (POST /api/v1/inbox/token), instead of userId + userHash. */
  token?: string;
  /** Called for a new token when the API or the stream refuses the current one. */
  refreshToken?: TokenSource;
  /** A selector for the bell's parent; without one the bell floats bottom right. */
  container?: string;
  onError?: (error: unknown) => void;
}

/** One subscription topic with the user's choice per channel (GET /api/v1/inbox/preferences). */
export interface TopicPrefs {
  topic: string;
  name: string;
  unsubscribable: boolean;
  channels: { email: boolean; in_app: boolean };
}

export interface TopicChange {
  topic: string;
  channel: "email" | "in_app";
  subscribed: boolean;
}
