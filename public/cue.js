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
// Built from client/cue/ by `npm run build:cue-js`: edit those files, not this one.
"use strict";
(() => {
  // client/cue/state.js
  var cfg = null;
  var st = null;
  function setConfig(next) {
    cfg = next;
  }
  function setState(next) {
    st = next;
  }

  // client/cue/dom.js
  var currentScript = document.currentScript;
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = String(text);
    return node;
  }
  function button(className, text, label, onClick) {
    const b = el("button", className, text);
    b.type = "button";
    if (label) b.setAttribute("aria-label", label);
    b.addEventListener("click", (event) => {
      event.stopPropagation();
      onClick(event);
    });
    return b;
  }
  function safeUrl(url) {
    if (typeof url !== "string") return null;
    return /^https?:\/\//i.test(url) || /^\/(?![/\\])/.test(url) ? url : null;
  }
  function expired(item) {
    return item.expires_at && Date.parse(item.expires_at) <= Date.now();
  }
  function ago(iso) {
    const s = Math.max(0, (Date.now() - Date.parse(iso)) / 1e3);
    if (s < 60) return "just now";
    if (s < 3600) return `${Math.floor(s / 60)}m ago`;
    if (s < 86400) return `${Math.floor(s / 3600)}h ago`;
    if (s < 604800) return `${Math.floor(s / 86400)}d ago`;
    return new Date(iso).toLocaleDateString();
  }
  function uuid() {
    const crypto = window.crypto || {};
    if (crypto.randomUUID) return crypto.randomUUID();
    return `cue-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  }
  function tokenUserId(token) {
    try {
      const bytes = window.atob(token.split(".")[0].replace(/-/g, "+").replace(/_/g, "/"));
      const array = Uint8Array.from(bytes, (c) => c.charCodeAt(0));
      return JSON.parse(new TextDecoder().decode(array)).u;
    } catch (_e) {
      return null;
    }
  }
  function scriptHost() {
    try {
      const src = (currentScript || {}).src;
      return src ? new URL(src).origin : "";
    } catch (_e) {
      return "";
    }
  }
  function pathMatches(pattern) {
    if (!pattern) return true;
    const source = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
    return new RegExp(`^${source}$`).test(window.location.pathname);
  }
  function report(error) {
    const onError = (cfg || {}).onError;
    if (onError) onError(error);
    else if (window.console) window.console.warn("[cue]", error);
  }

  // client/cue/item-view.js
  function content(parent, item, titleTag) {
    const image = safeUrl(item.image_url);
    if (image) {
      const img = el("img", "cue-img");
      img.src = image;
      img.alt = "";
      parent.appendChild(img);
    }
    const title = el(titleTag, null, item.title);
    parent.appendChild(title);
    if (item.body_html || item.body) {
      const body = el("div", "cue-body");
      if (item.body_html)
        body.innerHTML = item.body_html;
      else body.textContent = item.body;
      parent.appendChild(body);
    }
    return title;
  }
  function ctaLink(item, onClick) {
    const url = safeUrl(item.cta_url);
    if (!url || !item.cta_label) return null;
    const a = el("a", "cue-cta", item.cta_label);
    a.href = url;
    a.addEventListener("click", (event) => {
      event.stopPropagation();
      act(item, "clicked");
      if (onClick) onClick();
    });
    return a;
  }

  // client/cue/styles.js
  var CSS = ".cue-root{position:relative;display:inline-block;font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2330}.cue-root.cue-floating{position:fixed;right:20px;bottom:20px;z-index:2147483000}.cue-bell{position:relative;display:inline-flex;align-items:center;justify-content:center;width:40px;height:40px;border:0;border-radius:50%;background:var(--cue-bell-bg,transparent);color:inherit;cursor:pointer}.cue-floating .cue-bell{background:#fff;box-shadow:0 2px 10px rgba(0,0,0,.18)}.cue-bell:hover{background:rgba(0,0,0,.06)}.cue-bell:focus-visible,.cue-root button:focus-visible,.cue-layer button:focus-visible,.cue-layer a:focus-visible{outline:2px solid var(--cue-accent,#4f46e5);outline-offset:2px}.cue-badge{position:absolute;top:2px;right:0;min-width:18px;height:18px;padding:0 5px;box-sizing:border-box;border-radius:9px;background:#e11d48;color:#fff;font-size:11px;font-weight:600;line-height:18px;text-align:center}.cue-panel{position:absolute;right:0;top:calc(100% + 8px);width:360px;max-width:calc(100vw - 24px);max-height:480px;display:flex;flex-direction:column;background:#fff;border:1px solid #e4e6ec;border-radius:12px;box-shadow:0 12px 40px rgba(0,0,0,.16);overflow:hidden;z-index:2147483001;text-align:left}.cue-floating .cue-panel{top:auto;bottom:calc(100% + 8px)}.cue-head{display:flex;align-items:center;gap:8px;padding:12px 14px;border-bottom:1px solid #eef0f4}.cue-head h2{flex:1;margin:0;font-size:15px}.cue-list{list-style:none;margin:0;padding:0;overflow:auto}.cue-card{position:relative;padding:12px 14px 12px 26px;border-bottom:1px solid #f1f2f6;cursor:pointer}.cue-card:hover{background:#fafbff}.cue-card.cue-unread:before{content:'';position:absolute;left:11px;top:19px;width:8px;height:8px;border-radius:50%;background:var(--cue-accent,#4f46e5)}.cue-card h3{margin:0 0 2px;font-size:14px}.cue-card.cue-unread h3{font-weight:700}.cue-card .cue-tools{position:absolute;right:8px;top:8px;display:none;gap:2px}.cue-card:hover .cue-tools,.cue-card:focus-within .cue-tools{display:flex}.cue-time{color:#8a90a2;font-size:12px}.cue-body{color:#444a5c}.cue-body p{margin:0 0 6px}.cue-body a{color:var(--cue-accent,#4f46e5)}.cue-img{display:block;max-width:100%;border-radius:8px;margin:6px 0}.cue-cta{display:inline-block;margin-top:6px;padding:6px 12px;border-radius:8px;background:var(--cue-accent,#4f46e5);color:#fff!important;text-decoration:none;font-weight:600;border:0;cursor:pointer;font:inherit}.cue-link{border:0;background:none;color:var(--cue-accent,#4f46e5);cursor:pointer;font:inherit;padding:4px}.cue-x{border:0;background:none;color:#8a90a2;cursor:pointer;font-size:18px;line-height:1;padding:4px 6px;border-radius:6px}.cue-x:hover{background:rgba(0,0,0,.06);color:#1f2330}.cue-empty{padding:28px 16px;text-align:center;color:#8a90a2}.cue-more{display:block;width:100%;padding:10px;border:0;background:#fafbff;color:var(--cue-accent,#4f46e5);cursor:pointer;font:inherit}.cue-layer{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2330}.cue-banners{position:relative;z-index:2147482990}.cue-banner{display:flex;align-items:center;gap:12px;padding:10px 16px;background:var(--cue-accent,#4f46e5);color:#fff}.cue-banner .cue-body{color:#fff;flex:1}.cue-banner .cue-body p{margin:0}.cue-banner a{color:#fff}.cue-banner .cue-cta{margin:0;background:#fff;color:var(--cue-accent,#4f46e5)!important}.cue-banner .cue-x{color:#fff}.cue-overlay{position:fixed;inset:0;background:rgba(17,20,31,.5);display:flex;align-items:center;justify-content:center;z-index:2147483002;padding:16px}.cue-modal{position:relative;width:440px;max-width:100%;max-height:90vh;overflow:auto;background:#fff;border-radius:14px;padding:24px;box-shadow:0 20px 60px rgba(0,0,0,.3)}.cue-modal h2{margin:0 0 8px;font-size:20px}.cue-modal .cue-x{position:absolute;right:10px;top:10px}.cue-actions{display:flex;gap:8px;justify-content:flex-end;margin-top:16px}.cue-tooltip{position:absolute;z-index:2147482995;width:280px;max-width:calc(100vw - 16px);box-sizing:border-box;padding:12px 14px;background:#1f2330;color:#fff;border-radius:10px;box-shadow:0 8px 24px rgba(0,0,0,.25)}.cue-tooltip:before{content:'';position:absolute;top:-6px;left:var(--cue-arrow,20px);border:6px solid transparent;border-top:0;border-bottom-color:#1f2330}.cue-tooltip h3{margin:0 0 4px;font-size:14px}.cue-tooltip .cue-body{color:#d8dbe5}.cue-tooltip .cue-body a{color:#c7d2fe}.cue-tooltip .cue-actions{margin-top:8px}.cue-tooltip .cue-link{color:#c7d2fe}@media (prefers-reduced-motion:no-preference){.cue-panel,.cue-modal,.cue-tooltip,.cue-banner{animation:cue-in .16s ease-out}}@keyframes cue-in{from{opacity:0;transform:translateY(4px)}to{opacity:1;transform:none}}";
  var BELL_SVG = '<svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9"/><path d="M13.7 21a2 2 0 0 1-3.4 0"/></svg>';

  // client/cue/panel.js
  function mountBell() {
    const host = cfg.container ? document.querySelector(cfg.container) : null;
    const root = el("div", `cue-root${host ? "" : " cue-floating"}`);
    st.bell = button("cue-bell", null, "Notifications", toggle);
    st.bell.innerHTML = BELL_SVG;
    st.bell.setAttribute("aria-haspopup", "dialog");
    st.bell.setAttribute("aria-expanded", "false");
    st.badge = el("span", "cue-badge");
    st.badge.hidden = true;
    st.badge.setAttribute("aria-hidden", "true");
    st.bell.appendChild(st.badge);
    root.appendChild(st.bell);
    (host || document.body).appendChild(root);
    st.root = root;
  }
  function toggle() {
    if (st.panel) close();
    else open();
  }
  function open() {
    if (!st || st.panel) return;
    const panel = el("div", "cue-panel");
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", "Notifications");
    const head = el("div", "cue-head");
    head.appendChild(el("h2", null, "Notifications"));
    head.appendChild(
      button("cue-link", "Mark all as read", null, () => {
        api("POST", "/api/v1/inbox/mark-all", { action: "read", kind: ["card"] }).then((res) => {
          const now = (/* @__PURE__ */ new Date()).toISOString();
          st.items.forEach((item) => {
            item.read_at = item.read_at || now;
            item.seen_at = item.seen_at || now;
          });
          setCounts(res.counts);
          renderList();
        }).catch(report);
      })
    );
    head.appendChild(button("cue-x", "\xD7", "Close notifications", close));
    panel.appendChild(head);
    st.list = el("ul", "cue-list");
    panel.appendChild(st.list);
    st.root.appendChild(panel);
    st.panel = panel;
    st.bell.setAttribute("aria-expanded", "true");
    renderList();
    markVisibleSeen();
    panel.querySelector("button").focus();
  }
  function close() {
    if (!st) return;
    if (!st.panel) return;
    st.panel.remove();
    st.panel = st.list = null;
    st.bell.setAttribute("aria-expanded", "false");
  }
  function markVisibleSeen() {
    if (!st.panel) return;
    const ids = st.items.filter((item) => !item.seen_at && !item.archived_at).map((item) => {
      item.seen_at = (/* @__PURE__ */ new Date()).toISOString();
      return item.id;
    });
    if (!ids.length) return;
    api("POST", "/api/v1/inbox/bulk", { ids, action: "seen" }).then((res) => {
      setCounts(res.counts);
    }).catch(report);
  }
  function renderList() {
    if (!st || !st.list) return;
    const list = st.list;
    list.textContent = "";
    const visible = st.items.filter((item) => !item.archived_at && !expired(item));
    if (!visible.length && !st.loading) {
      list.appendChild(el("li", "cue-empty", "You\u2019re all caught up."));
    }
    visible.forEach((item) => {
      list.appendChild(renderCard(item));
    });
    if (st.cursor) {
      const li = el("li");
      li.appendChild(
        button("cue-more", st.loading ? "Loading\u2026" : "Load more", null, () => {
          if (!st.loading) loadFeed(true);
        })
      );
      list.appendChild(li);
    }
  }
  function renderCard(item) {
    const li = el("li", `cue-card${item.read_at ? "" : " cue-unread"}`);
    li.tabIndex = 0;
    content(li, item, "h3");
    const cta = ctaLink(item);
    if (cta) li.appendChild(cta);
    li.appendChild(el("div", "cue-time", ago(item.created_at)));
    const tools = el("div", "cue-tools");
    tools.appendChild(
      button(
        "cue-x",
        item.read_at ? "\u25CB" : "\u25CF",
        item.read_at ? "Mark as unread" : "Mark as read",
        () => {
          act(item, item.read_at ? "unread" : "read");
        }
      )
    );
    tools.appendChild(
      button("cue-x", "\xD7", "Archive", () => {
        item.archived_at = (/* @__PURE__ */ new Date()).toISOString();
        renderList();
        act(item, "archived");
      })
    );
    li.appendChild(tools);
    function read() {
      if (!item.read_at) act(item, "read");
    }
    li.addEventListener("click", read);
    li.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && event.target === li) read();
    });
    return li;
  }

  // client/cue/api.js
  function authParams() {
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
  function api(method, path, body, retried) {
    const headers = authHeaders();
    if (body) headers["Content-Type"] = "application/json";
    const session = st;
    return window.fetch(cfg.host + path, {
      method,
      headers,
      body: body ? JSON.stringify(body) : void 0,
      credentials: "omit",
      keepalive: method === "POST"
    }).then((response) => {
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
  function refresh() {
    return Promise.resolve(cfg.refreshToken()).then((token) => {
      if (!token) throw new Error("refreshToken returned no token.");
      cfg.token = token;
    });
  }
  function act(item, action) {
    return api("POST", `/api/v1/inbox/${encodeURIComponent(item.id)}/${action}`).then((res) => {
      Object.assign(item, res.item);
      setCounts(res.counts);
      renderList();
    }).catch(report);
  }

  // client/cue/presentations.js
  function layer(className, first) {
    const node = el("div", `cue-layer ${className}`);
    if (first) document.body.insertBefore(node, document.body.firstChild);
    else document.body.appendChild(node);
    st.layers.push(node);
    return node;
  }
  function present(item) {
    if (item.archived_at || expired(item) || st.presented[item.id]) return;
    st.presented[item.id] = true;
    if (item.kind === "banner") showBanner(item);
    else if (item.kind === "modal") {
      st.modals.push(item);
      if (!st.modal) nextModal();
    } else if (item.kind === "tooltip") {
      st.tooltips.push({ item, node: null });
      placeTooltips();
    }
  }
  function seen(item) {
    if (!item.seen_at) {
      item.seen_at = (/* @__PURE__ */ new Date()).toISOString();
      act(item, "seen");
    }
  }
  function showBanner(item) {
    if (!st.banners) st.banners = layer("cue-banners", true);
    const bar = el("div", "cue-banner");
    bar.setAttribute("role", "region");
    bar.setAttribute("aria-label", item.title);
    const text = el("div", "cue-body");
    const strong = el("strong", null, item.title);
    text.appendChild(strong);
    if (item.body_html) {
      const rest = el("div");
      rest.innerHTML = item.body_html;
      text.appendChild(rest);
    }
    bar.appendChild(text);
    const cta = ctaLink(item, () => {
      bar.remove();
    });
    if (cta) bar.appendChild(cta);
    bar.appendChild(
      button("cue-x", "\xD7", "Dismiss", () => {
        bar.remove();
        act(item, "archived");
      })
    );
    st.banners.appendChild(bar);
    seen(item);
  }
  function nextModal() {
    const item = st.modals.shift();
    if (!item) return;
    const previous = document.activeElement;
    const overlay = layer("cue-overlay");
    const box = el("div", "cue-modal");
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-modal", "true");
    const title = content(box, item, "h2");
    title.id = `cue-modal-${item.id}`;
    box.setAttribute("aria-labelledby", title.id);
    function dismiss(archive) {
      document.removeEventListener("keydown", onKey, true);
      overlay.remove();
      st.modal = null;
      if (archive) act(item, "archived");
      if (previous) previous.focus();
      nextModal();
    }
    function onKey(event) {
      if (event.key === "Escape") {
        event.stopPropagation();
        dismiss(true);
      } else if (event.key === "Tab") {
        const focusable = box.querySelectorAll("a[href],button");
        const first = focusable[0];
        const last = focusable[focusable.length - 1];
        if (event.shiftKey && document.activeElement === first) {
          last.focus();
          event.preventDefault();
        } else if (!event.shiftKey && document.activeElement === last) {
          first.focus();
          event.preventDefault();
        }
      }
    }
    const actions = el("div", "cue-actions");
    actions.appendChild(
      button("cue-link", "Close", null, () => {
        dismiss(true);
      })
    );
    const cta = ctaLink(item, () => {
      dismiss(false);
    });
    if (cta) actions.appendChild(cta);
    box.appendChild(actions);
    box.appendChild(
      button("cue-x", "\xD7", "Close", () => {
        dismiss(true);
      })
    );
    overlay.addEventListener("click", (event) => {
      if (event.target === overlay) dismiss(true);
    });
    overlay.appendChild(box);
    document.addEventListener("keydown", onKey, true);
    st.modal = item;
    (cta || actions.firstChild).focus();
    seen(item);
  }
  function placeTooltips() {
    if (!st) return;
    let waiting = false;
    st.tooltips = st.tooltips.filter((tip) => {
      if (tip.item.archived_at || expired(tip.item)) {
        if (tip.node) tip.node.remove();
        return false;
      }
      const target = pathMatches(tip.item.path_pattern) ? safeQuery(tip.item.selector) : null;
      if (!target) {
        if (tip.node) tip.node.remove();
        tip.node = null;
        waiting = true;
        return true;
      }
      if (!tip.node) tip.node = renderTooltip(tip);
      position(tip.node, target);
      return true;
    });
    window.clearTimeout(st.tooltipTimer);
    if (waiting) st.tooltipTimer = window.setTimeout(placeTooltips, 1e3);
  }
  function safeQuery(selector) {
    try {
      return selector ? document.querySelector(selector) : null;
    } catch (_e) {
      return null;
    }
  }
  function renderTooltip(tip) {
    const item = tip.item;
    const node = layer("cue-tooltip");
    node.setAttribute("role", "dialog");
    node.setAttribute("aria-label", item.title);
    content(node, item, "h3");
    const actions = el("div", "cue-actions");
    const cta = ctaLink(item);
    if (cta) actions.appendChild(cta);
    actions.appendChild(
      button("cue-link", "Got it", null, () => {
        item.archived_at = (/* @__PURE__ */ new Date()).toISOString();
        act(item, "archived");
        placeTooltips();
      })
    );
    node.appendChild(actions);
    seen(item);
    return node;
  }
  function position(node, target) {
    const rect = target.getBoundingClientRect();
    const width = node.offsetWidth || 280;
    const left = Math.min(
      Math.max(8, rect.left + rect.width / 2 - 24),
      document.documentElement.clientWidth - width - 8
    );
    node.style.top = `${rect.bottom + window.scrollY + 10}px`;
    node.style.left = `${left + window.scrollX}px`;
    node.style.setProperty("--cue-arrow", `${Math.max(8, rect.left + rect.width / 2 - left - 6)}px`);
  }

  // client/cue/feed.js
  var PAGE_SIZE = 20;
  function noteSeq(item) {
    if (item.seq > st.maxSeq) st.maxSeq = item.seq;
  }
  function loadFeed(more) {
    const q = `?kind=card&page_size=${PAGE_SIZE}${more && st.cursor ? `&cursor=${st.cursor}` : ""}`;
    st.loading = true;
    return api("GET", `/api/v1/inbox${q}`).then((page) => {
      if (!more) st.items = [];
      page.items.forEach((item) => {
        noteSeq(item);
        if (!byId(item.id)) st.items.push(item);
      });
      st.cursor = page.next_cursor;
      setCounts(page.counts);
    }).catch(report).then(() => {
      st.loading = false;
      renderList();
      markVisibleSeen();
    });
  }
  function loadPresentations() {
    return api("GET", "/api/v1/inbox?kind=banner,modal,tooltip&page_size=50").then((page) => {
      page.items.reverse().forEach((item) => {
        noteSeq(item);
        present(item);
      });
    }).catch(report);
  }
  function byId(id) {
    for (let i = 0; i < st.items.length; i++) if (st.items[i].id === id) return st.items[i];
    return null;
  }
  function receive(item) {
    noteSeq(item);
    if (item.kind !== "card") return present(item);
    if (byId(item.id)) return;
    st.items.unshift(item);
    renderList();
    markVisibleSeen();
  }
  function setCounts(counts) {
    if (!counts || !st.badge) return;
    st.counts = counts;
    const feed = (counts.by_kind || {}).card || counts;
    const n = feed.unread;
    st.badge.hidden = n === 0;
    st.badge.textContent = n > 99 ? "99+" : String(n);
    st.bell.setAttribute("aria-label", n ? `Notifications, ${n} unread` : "Notifications");
  }

  // client/cue/live.js
  function connect() {
    if (!st || !window.EventSource) return;
    const params = authParams();
    if (st.maxSeq) params.last_event_id = String(st.maxSeq);
    const es = new window.EventSource(
      `${cfg.host}/api/v1/inbox/stream?${new URLSearchParams(params)}`
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
      st.backoff = 1e3;
    };
    es.onerror = () => {
      if (es.readyState !== 2 || st.es !== es) return;
      st.es = null;
      const delay = st.backoff;
      st.backoff = Math.min(st.backoff * 2, 3e4);
      st.retryTimer = window.setTimeout(() => {
        (cfg.refreshToken && cfg.token ? refresh() : Promise.resolve()).catch(report).then(connect);
      }, delay);
    };
  }
  function onLocation() {
    if (st) placeTooltips();
  }
  function patchHistory() {
    if (window.history.__cuePatched) return;
    ["pushState", "replaceState"].forEach((name) => {
      const original = window.history[name];
      window.history[name] = function(...args) {
        const result = original.apply(this, args);
        window.dispatchEvent(new Event("cue:locationchange"));
        return result;
      };
    });
    window.history.__cuePatched = true;
  }
  function onKeydown(event) {
    if (event.key === "Escape" && st.panel && !st.modal) {
      close();
      st.bell.focus();
    }
  }
  function onDocumentClick(event) {
    if (st.panel && !st.root.contains(event.target)) close();
  }

  // client/cue/index.js
  var VERSION = "1.0.0";
  function init(given) {
    const options = given || {};
    if (!options.writeKey) throw new Error("Cue.init: writeKey is required.");
    if (!options.token && !(options.userId && options.userHash)) {
      throw new Error("Cue.init: pass userId and userHash, or a token.");
    }
    destroy();
    setConfig(
      Object.assign({}, options, {
        host: String(options.host || scriptHost()).replace(/\/+$/, "")
      })
    );
    cfg.userId = options.userId || tokenUserId(options.token);
    setState({
      items: [],
      cursor: null,
      maxSeq: 0,
      backoff: 1e3,
      presented: {},
      modals: [],
      tooltips: [],
      layers: []
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
  function track(event, properties) {
    if (!cfg) return Promise.reject(new Error("Call Cue.init first."));
    const body = {
      writeKey: cfg.writeKey,
      userId: cfg.userId,
      event: String(event),
      properties: properties || {},
      messageId: uuid(),
      timestamp: (/* @__PURE__ */ new Date()).toISOString(),
      context: {
        library: { name: "cue.js", version: VERSION },
        page: { path: window.location.pathname, url: window.location.href, title: document.title }
      }
    };
    const sameOrigin = !cfg.host || cfg.host === window.location.origin;
    return window.fetch(`${cfg.host}/api/v1/track`, {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: JSON.stringify(body),
      credentials: "omit",
      keepalive: true,
      mode: sameOrigin ? "same-origin" : "no-cors"
    }).then(() => void 0);
  }
  if (!(window.Cue || {}).version) {
    window.Cue = {
      version: VERSION,
      init,
      track,
      open,
      close,
      destroy
    };
  }
})();
