// Live updates over Server-Sent Events, and following the page as it
// navigates (single-page apps) or is resized.

import { authParams, refresh } from "./api.js";
import { report } from "./dom.js";
import { receive, setCounts } from "./feed.js";
import { close } from "./panel.js";
import { placeTooltips } from "./presentations.js";
import { cfg, st } from "./state.js";

export function connect() {
  if (!st || !window.EventSource) return;
  const params = authParams();
  if (st.maxSeq) params.last_event_id = String(st.maxSeq);
  const es = new window.EventSource(
    `${cfg.host}/api/v1/inbox/stream?${new URLSearchParams(params)}`,
  );
  st.es = es;
  es.addEventListener("item", (event) => {
    try {
      receive(JSON.parse(event.data));
    } catch (e) {
      report(e);
    }
  });
  es.addEventListener("counts", (event) => {
    setCounts(JSON.parse(event.data));
  });
  es.onopen = () => {
    st.backoff = 1000;
  };
  es.onerror = () => {
    // EventSource retries by itself unless the server refused (401, 403):
    // then reconnect with backoff, refreshing an expired token first.
    if (es.readyState !== 2 || st.es !== es) return;
    st.es = null;
    const delay = st.backoff;
    st.backoff = Math.min(st.backoff * 2, 30000);
    st.retryTimer = window.setTimeout(() => {
      (cfg.refreshToken && cfg.token ? refresh() : Promise.resolve()).catch(report).then(connect);
    }, delay);
  };
}

export function onLocation() {
  if (st) placeTooltips();
}

export function patchHistory() {
  if (window.history.__cuePatched) return;
  ["pushState", "replaceState"].forEach((name) => {
    const original = window.history[name];
    window.history[name] = function (...args) {
      const result = original.apply(this, args);
      window.dispatchEvent(new Event("cue:locationchange"));
      return result;
    };
  });
  window.history.__cuePatched = true;
}

export function onKeydown(event) {
  // Registered only while initialized, so st is set.
  if (event.key === "Escape" && st.panel && !st.modal) {
    close();
    st.bell.focus();
  }
}

export function onDocumentClick(event) {
  if (st.panel && !st.root.contains(event.target)) close();
}
