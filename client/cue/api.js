// The inbox API: authenticated requests, token refresh, item actions.

import { report } from "./dom.js";
import { setCounts } from "./feed.js";
import { renderList } from "./panel.js";
import { cfg, st } from "./state.js";

export function authParams() {
  const p = { write_key: cfg.writeKey };
  if (cfg.token) p.token = cfg.token;
  else {
    p.user_id = cfg.userId;
    p.user_hash = cfg.userHash;
  }
  return p;
}

function authHeaders() {
  const h = { "X-Cue-Write-Key": cfg.writeKey };
  if (cfg.token) h.Authorization = `Bearer ${cfg.token}`;
  else {
    h["X-Cue-User-Id"] = cfg.userId;
    h["X-Cue-User-Hash"] = cfg.userHash;
  }
  return h;
}

export function api(method, path, body, retried) {
  const headers = authHeaders();
  if (body) headers["Content-Type"] = "application/json";
  const session = st;
  return window
    .fetch(cfg.host + path, {
      method: method,
      headers: headers,
      body: body ? JSON.stringify(body) : undefined,
      credentials: "omit",
      keepalive: method === "POST",
    })
    .then((response) => {
      if (session !== st) throw new Error("Cue was re-initialized.");
      if (response.status === 401 && cfg.refreshToken && !retried) {
        return refresh().then(() => api(method, path, body, true));
      }
      return response.json().then((json) => {
        if (!response.ok) throw new Error((json.error || {}).message || `HTTP ${response.status}`);
        return json;
      });
    });
}

export function refresh() {
  return Promise.resolve(cfg.refreshToken()).then((token) => {
    if (!token) throw new Error("refreshToken returned no token.");
    cfg.token = token;
  });
}

export function act(item, action) {
  return api("POST", `/api/v1/inbox/${encodeURIComponent(item.id)}/${action}`)
    .then((res) => {
      Object.assign(item, res.item);
      setCounts(res.counts);
      renderList();
    })
    .catch(report);
}
