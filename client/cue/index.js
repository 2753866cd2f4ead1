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
// folder (one file, ES2017, served as-is). The parts: state.js (options and
// live state), api.js, feed.js, panel.js and item-view.js (the inbox),
// presentations.js (banners, modals, tooltips), live.js (SSE, navigation),
// dom.js (helpers) and styles.js.

import { el, scriptHost, tokenUserId, uuid } from "./dom.js";
import { loadFeed, loadPresentations } from "./feed.js";
import { connect, onDocumentClick, onKeydown, onLocation, patchHistory } from "./live.js";
import { close, mountBell, open } from "./panel.js";
import { cfg, setConfig, setState, st } from "./state.js";
import { CSS } from "./styles.js";

const VERSION = "1.0.0";

function init(given) {
  const options = given || {};
  if (!options.writeKey) throw new Error("Cue.init: writeKey is required.");
  if (!options.token && !(options.userId && options.userHash)) {
    throw new Error("Cue.init: pass userId and userHash, or a token.");
  }
  destroy();
  setConfig(
    Object.assign({}, options, {
      host: String(options.host || scriptHost()).replace(/\/+$/, ""),
    }),
  );
  cfg.userId = options.userId || tokenUserId(options.token);
  setState({
    items: [],
    cursor: null,
    maxSeq: 0,
    backoff: 1000,
    presented: {},
    modals: [],
    tooltips: [],
    layers: [],
  });
  if (!document.getElementById("cue-styles")) {
    const style = el("style", null, CSS);
    style.id = "cue-styles";
    document.head.appendChild(style);
  }
  mountBell();
  patchHistory();
  window.addEventListener("cue:locationchange", onLocation);
  window.addEventListener("popstate", onLocation);
  window.addEventListener("resize", onLocation);
  document.addEventListener("keydown", onKeydown);
  document.addEventListener("click", onDocumentClick);
  const session = st;
  // The stream starts after the first pages, from the newest seq they held.
  return Promise.all([loadFeed(false), loadPresentations()]).then(() => {
    if (st === session) connect();
  });
}

function destroy() {
  if (!st) return;
  if (st.es) st.es.close();
  window.clearTimeout(st.retryTimer);
  window.clearTimeout(st.tooltipTimer);
  close();
  st.layers.forEach((node) => {
    node.remove();
  });
  if (st.root) st.root.remove();
  window.removeEventListener("cue:locationchange", onLocation);
  window.removeEventListener("popstate", onLocation);
  window.removeEventListener("resize", onLocation);
  document.removeEventListener("keydown", onKeydown);
  document.removeEventListener("click", onDocumentClick);
  setState(null);
}

/**
 * Records an event for the current user. Sent as text/plain with the write
 * key in the body, a "simple" request, so it works from any origin without
 * a CORS preflight (as Segment's browser library does).
 */
function track(event, properties) {
  if (!cfg) return Promise.reject(new Error("Call Cue.init first."));
  const body = {
    writeKey: cfg.writeKey,
    userId: cfg.userId,
    event: String(event),
    properties: properties || {},
    messageId: uuid(),
    timestamp: new Date().toISOString(),
    context: {
      library: { name: "cue.js", version: VERSION },
      page: { path: window.location.pathname, url: window.location.href, title: document.title },
    },
  };
  const sameOrigin = !cfg.host || cfg.host === window.location.origin;
  return window
    .fetch(`${cfg.host}/api/v1/track`, {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: JSON.stringify(body),
      credentials: "omit",
      keepalive: true,
      mode: sameOrigin ? "same-origin" : "no-cors",
    })
    .then(() => undefined);
}

// Loaded twice (two script tags): the first copy stays in charge.
if (!(window.Cue || {}).version) {
  window.Cue = {
    version: VERSION,
    init: init,
    track: track,
    open: open,
    close: close,
    destroy: destroy,
  };
}
