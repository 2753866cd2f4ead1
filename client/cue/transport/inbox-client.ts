// The inbox API over fetch: authenticated requests, one retry with a fresh
// token after a 401, and the calls cue.js makes. It returns data and knows
// nothing of the page.

import type { Counts, InboxItem, InboxPage, ItemAction, TopicChange, TopicPrefs } from "../types";
import type { Auth } from "./auth";

export interface ActionResult {
  item?: Partial<InboxItem>;
  counts?: Counts;
}

export interface InboxClient {
  /** GET /api/v1/inbox with a query string such as `kind=card&page_size=20`. */
  list(query: string): Promise<InboxPage>;
  act(id: string, action: ItemAction): Promise<ActionResult>;
  bulk(ids: string[], action: ItemAction): Promise<ActionResult>;
  markAll(action: ItemAction, kinds: string[]): Promise<ActionResult>;
  /** GET (no change) or PUT /api/v1/inbox/preferences: the user's topic preferences. */
  prefs(change?: TopicChange): Promise<{ topics: TopicPrefs[] }>;
  /** Answers that arrive later reject: they belong to a widget that is gone. */
  close(): void;
}

export function createInboxClient(host: string, auth: Auth): InboxClient {
  let closed = false;

  function request<T>(method: string, path: string, body?: object, retried?: boolean): Promise<T> {
    const headers = auth.headers();
    if (body) headers["Content-Type"] = "application/json";
    return fetch(host + path, {
      method,
      headers,
      body: body ? JSON.stringify(body) : undefined,
      credentials: "omit",
      keepalive: method === "POST",
    }).then((response) => {
      if (closed) throw new Error("Cue was re-initialized.");
      if (response.status === 401 && auth.canRefresh() && !retried) {
        return auth.refresh().then(() => request<T>(method, path, body, true));
      }
      return response.json().then((json: T & { error?: { message?: string } }) => {
        if (!response.ok) throw new Error((json.error || {}).message || `HTTP ${response.status}`);
        return json;
      });
    });
  }

  return {
    list: (query) => request("GET", `/api/v1/inbox?${query}`),
    act: (id, action) => request("POST", `/api/v1/inbox/${encodeURIComponent(id)}/${action}`),
    bulk: (ids, action) => request("POST", "/api/v1/inbox/bulk", { ids, action }),
    markAll: (action, kinds) => request("POST", "/api/v1/inbox/mark-all", { action, kind: kinds }),
    prefs: (change) =>
      request(
        change ? "PUT" : "GET",
        "/api/v1/inbox/preferences",
        change && { preferences: [change] },
      ),
    close() {
      closed = true;
    },
  };
}
