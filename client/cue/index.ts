/*!
 * cue.js – Cue's drop-in in-app client: a bell with an unread badge and an
 * inbox panel, banners, modals and tooltips, live over Server-Sent Events,
 * plus Cue.track(). No dependencies; plain ES2017.
 *
 *   <script src="https://cue.example.com/cue.js"></script>
 *   <script>
 *     Cue.init({ writeKey: "wk_…", userId: "user_42", userHash: "…", container: "#bell" });
 *     // or: Cue.init({ writeKey: "wk_…", token: "…", refreshToken: () => fetchNewToken() });
 *   </script>
 *
 * Security: titles, labels and plain text are set with textContent; only
 * body_html, which the server sanitized to a Markdown subset, is inserted as
 * HTML. Links and images must be http(s) or a same-site path.
 */
// The entry of public/cue.js, which `npm run build:cue-js` bundles from this
// The entry of public/cue.js, which `npm run build:cue-js` bundles from this
// folder (one file, ES2017, served as-is). Dependencies point one way:
//
//   index.ts ─▶ ui/ ─▶ feed/ ─▶ transport/ ─▶ types.ts
//
// transport/ speaks HTTP and SSE (auth, inbox-client, inbox-stream, track)
// and knows nothing of the page; feed/ holds the inbox as state in a store
// and turns user actions into API calls; ui/ renders that state (bell, panel,
// banners, modals, tooltips) and calls the feed. This file wires one session
// of them together per Cue.init.

import { createFeed, type Feed } from "./feed/feed";
import { createAuth, tokenUserId } from "./transport/auth";
import { createInboxClient } from "./transport/inbox-client";
import { type InboxStream, openInboxStream } from "./transport/inbox-stream";
import { sendTrack, type TrackTarget, VERSION } from "./transport/track";
import type { CueOptions } from "./types";
import { mountWidget, type Widget } from "./ui/mount-widget";

interface Session {
  feed: Feed;
  widget: Widget;
  stream: InboxStream | null;
}

const currentScript = document.currentScript as HTMLScriptElement | null;

let session: Session | null = null;
// Kept after destroy(): Cue.track works for the last user until the next init.
let trackTarget: TrackTarget | null = null;

function init(given: CueOptions): Promise<void> {
  const options: Partial<CueOptions> = given || {};
  const writeKey = options.writeKey;
  if (!writeKey) throw new Error("Cue.init: writeKey is required.");
  if (!options.token && !(options.userId && options.userHash)) {
    throw new Error("Cue.init: pass userId and userHash, or a token.");
  }
  destroy();
  const host = String(options.host || scriptHost()).replace(/\/+$/, "");
  const userId = options.userId || tokenUserId(options.token);
  trackTarget = { host, writeKey, userId };
  const onError = options.onError;
  const report = (error: unknown) => {
    if (onError) onError(error);
    else if (typeof console !== "undefined") console.warn("[cue]", error);
  };

  const auth = createAuth({
    writeKey,
    userId,
    userHash: options.userHash,
    token: options.token,
    refreshToken: options.refreshToken,
  });
  const feed = createFeed(createInboxClient(host, auth), {
    present: (item) => widget.present(item),
    report,
  });
  const widget = mountWidget(feed, options.container);
  const current: Session = { feed, widget, stream: null };
  session = current;
  // The stream starts after the first pages, from the newest seq they held.
  return Promise.all([feed.load(false), feed.loadPresentations()]).then(() => {
    if (session !== current) return;
    current.stream = openInboxStream({
      host,
      auth,
      lastSeq: feed.lastSeq,
      onItem: feed.receive,
      onCounts: feed.setCounts,
      onError: report,
    });
  });
}

function destroy(): void {
  if (!session) return;
  if (session.stream) session.stream.close();
  session.feed.close();
  session.widget.destroy();
  session = null;
}

/** Records an event for the current user (see transport/track.ts). */
function track(event: string, properties?: Record<string, unknown>): Promise<void> {
  if (!trackTarget) return Promise.reject(new Error("Call Cue.init first."));
  const page = { path: location.pathname, url: location.href, title: document.title };
  return sendTrack(trackTarget, event, properties, page);
}

function scriptHost(): string {
  try {
    const src = currentScript && currentScript.src;
    return src ? new URL(src).origin : "";
  } catch (_e) {
    return "";
  }
}

export interface CueApi {
  version: string;
  init: typeof init;
  track: typeof track;
  open(): void;
  close(): void;
  destroy: typeof destroy;
}

// Not a `declare global`: the page that embeds cue.js may declare its own.
const globalScope = window as unknown as { Cue?: Partial<CueApi> };
// Loaded twice (two script tags): the first copy stays in charge.
if (!(globalScope.Cue || {}).version) {
  globalScope.Cue = {
    version: VERSION,
    init,
    track,
    open: () => {
      if (session) session.widget.open();
    },
    close: () => {
      if (session) session.widget.close();
    },
    destroy,
  };
}
