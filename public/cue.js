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
  // client/cue/feed/feed-state.ts
  var EMPTY_FEED = { cards: [], cursor: null, loading: false, counts: null };
  function isLive(item, now) {
    return !item.archived_at && !(item.expires_at && Date.parse(item.expires_at) <= now);
  }
  function addCards(cards, incoming, first) {
    const fresh = incoming.filter((card) => !findCard(cards, card.id));
    if (!fresh.length) return cards;
    return first ? fresh.concat(cards) : cards.concat(fresh);
  }
  function patchCards(cards, ids, patch) {
    if (!ids.some((id) => findCard(cards, id))) return cards;
    return cards.map(
      (card) => ids.indexOf(card.id) === -1 ? card : Object.assign({}, card, patch(card))
    );
  }
  function findCard(cards, id) {
    for (const card of cards) if (card.id === id) return card;
    return void 0;
  }
  function unseenIds(cards) {
    return cards.filter((card) => !card.seen_at && !card.archived_at).map((card) => card.id);
  }
  function unreadCards(counts) {
    if (!counts) return 0;
    return ((counts.by_kind || {}).card || counts).unread;
  }

  // client/cue/feed/store.ts
  function createStore(initial) {
    let state = initial;
    let listeners = [];
    return {
      get: () => state,
      update(patch) {
        const previous = state;
        state = Object.assign({}, state, patch);
        for (const listener of listeners) listener(state, previous);
      },
      subscribe(listener) {
        listeners = listeners.concat(listener);
        return () => {
          listeners = listeners.filter((l) => l !== listener);
        };
      }
    };
  }

  // client/cue/feed/feed.ts
  var PAGE_SIZE = 20;
  function createFeed(client, options) {
    const store = createStore(EMPTY_FEED);
    let maxSeq = 0;
    let visible = false;
    let closed = false;
    const report = (error) => {
      if (!closed) options.report(error);
    };
    const now = () => (/* @__PURE__ */ new Date()).toISOString();
    function noteSeq(item) {
      if (item.seq > maxSeq) maxSeq = item.seq;
    }
    function setCounts(counts) {
      if (counts && !closed) store.update({ counts });
    }
    function patch(ids, change) {
      const cards = store.get().cards;
      const next = patchCards(cards, ids, change);
      if (next !== cards) store.update({ cards: next });
    }
    function markSeen() {
      if (!visible || closed) return;
      const ids = unseenIds(store.get().cards);
      if (!ids.length) return;
      const at = now();
      patch(ids, () => ({ seen_at: at }));
      client.bulk(ids, "seen").then((res) => setCounts(res.counts)).catch(report);
    }
    function act(item, action) {
      return client.act(item.id, action).then((res) => {
        if (closed) return;
        const fresh = res.item;
        if (fresh) patch([item.id], () => fresh);
        setCounts(res.counts);
      }).catch(report);
    }
    return {
      state: store,
      prefs: client.prefs,
      load(more) {
        const cursor = store.get().cursor;
        const query = `kind=card&page_size=${PAGE_SIZE}${more && cursor ? `&cursor=${cursor}` : ""}`;
        store.update({ loading: true });
        return client.list(query).then((page) => {
          page.items.forEach(noteSeq);
          const change = {
            cards: addCards(more ? store.get().cards : [], page.items),
            cursor: page.next_cursor
          };
          if (page.counts) change.counts = page.counts;
          return change;
        }).catch((error) => {
          report(error);
          return {};
        }).then((change) => {
          if (closed) return;
          store.update(Object.assign({ loading: false }, change));
          markSeen();
        });
      },
      loadPresentations() {
        return client.list("kind=banner,modal,tooltip&page_size=50").then((page) => {
          page.items.reverse().forEach((item) => {
            noteSeq(item);
            options.present(item);
          });
        }).catch(report);
      },
      receive(item) {
        if (closed) return;
        noteSeq(item);
        if (item.kind !== "card") options.present(item);
        else {
          const cards = store.get().cards;
          const next = addCards(cards, [item], true);
          if (next === cards) return;
          store.update({ cards: next });
          markSeen();
        }
      },
      setCounts,
      act,
      archive(card) {
        const at = now();
        patch([card.id], () => ({ archived_at: at }));
        act(card, "archived");
      },
      markAllRead() {
        client.markAll("read", ["card"]).then((res) => {
          if (closed) return;
          const at = now();
          const cards = store.get().cards;
          patch(
            cards.map((card) => card.id),
            (card) => ({ read_at: card.read_at || at, seen_at: card.seen_at || at })
          );
          setCounts(res.counts);
        }).catch(report);
      },
      setVisible(next) {
        visible = next;
        markSeen();
      },
      lastSeq: () => maxSeq,
      close() {
        closed = true;
        client.close();
      }
    };
  }

  // client/cue/transport/auth.ts
  function createAuth(options) {
    let token = options.token;
    const userId = options.userId || "";
    const userHash = options.userHash || "";
    return {
      params() {
        const p = { write_key: options.writeKey };
        if (token) p.token = token;
        else {
          p.user_id = userId;
          p.user_hash = userHash;
        }
        return p;
      },
      headers() {
        const h = { "X-Cue-Write-Key": options.writeKey };
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
      }
    };
  }
  function tokenUserId(token) {
    try {
      const bytes = atob(String(token).split(".")[0].replace(/-/g, "+").replace(/_/g, "/"));
      const array = Uint8Array.from(bytes, (c) => c.charCodeAt(0));
      const user = JSON.parse(new TextDecoder().decode(array)).u;
      return typeof user === "string" ? user : null;
    } catch (_e) {
      return null;
    }
  }

  // client/cue/transport/inbox-client.ts
  function createInboxClient(host, auth) {
    let closed = false;
    function request(method, path, body, retried) {
      const headers = auth.headers();
      if (body) headers["Content-Type"] = "application/json";
      return fetch(host + path, {
        method,
        headers,
        body: body ? JSON.stringify(body) : void 0,
        credentials: "omit",
        keepalive: method === "POST"
      }).then((response) => {
        if (closed) throw new Error("Cue was re-initialized.");
        if (response.status === 401 && auth.canRefresh() && !retried) {
          return auth.refresh().then(() => request(method, path, body, true));
        }
        return response.json().then((json) => {
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
      prefs: (change) => request(
        change ? "PUT" : "GET",
        "/api/v1/inbox/preferences",
        change && { preferences: [change] }
      ),
      close() {
        closed = true;
      }
    };
  }

  // client/cue/transport/inbox-stream.ts
  var CLOSED = 2;
  var FIRST_DELAY = 1e3;
  var MAX_DELAY = 3e4;
  function openInboxStream(options) {
    let source = null;
    let delay = FIRST_DELAY;
    let timer;
    let closed = false;
    function listen(es, type, handle) {
      es.addEventListener(type, (event) => {
        try {
          handle(JSON.parse(event.data));
        } catch (e) {
          options.onError(e);
        }
      });
    }
    function connect() {
      if (closed || typeof EventSource === "undefined") return;
      const params = options.auth.params();
      const seq = options.lastSeq();
      if (seq) params.last_event_id = String(seq);
      const es = new EventSource(
        `${options.host}/api/v1/inbox/stream?${new URLSearchParams(params)}`
      );
      source = es;
      listen(es, "item", options.onItem);
      listen(es, "counts", options.onCounts);
      es.onopen = () => {
        delay = FIRST_DELAY;
      };
      es.onerror = () => {
        if (es.readyState !== CLOSED || source !== es) return;
        source = null;
        const wait = delay;
        delay = Math.min(delay * 2, MAX_DELAY);
        timer = setTimeout(() => {
          const auth = options.auth;
          (auth.usesRefreshedToken() ? auth.refresh() : Promise.resolve()).catch(options.onError).then(connect);
        }, wait);
      };
    }
    connect();
    return {
      close() {
        closed = true;
        clearTimeout(timer);
        if (source) source.close();
        source = null;
      }
    };
  }

  // client/cue/transport/track.ts
  var VERSION = "1.0.0";
  function sendTrack(target, event, properties, page) {
    const body = {
      writeKey: target.writeKey,
      userId: target.userId,
      event: String(event),
      properties: properties || {},
      messageId: uuid(),
      timestamp: (/* @__PURE__ */ new Date()).toISOString(),
      context: { library: { name: "cue.js", version: VERSION }, page }
    };
    const sameOrigin = !target.host || target.host === location.origin;
    return fetch(`${target.host}/api/v1/track`, {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: JSON.stringify(body),
      credentials: "omit",
      keepalive: true,
      mode: sameOrigin ? "same-origin" : "no-cors"
    }).then(() => void 0);
  }
  function uuid() {
    const c = typeof crypto === "undefined" ? {} : crypto;
    if (c.randomUUID) return c.randomUUID();
    return `cue-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  }

  // client/cue/ui/dom.ts
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
  function ago(iso, now) {
    const s = Math.max(0, (now - Date.parse(iso)) / 1e3);
    if (s < 60) return "just now";
    if (s < 3600) return `${Math.floor(s / 60)}m ago`;
    if (s < 86400) return `${Math.floor(s / 3600)}h ago`;
    if (s < 604800) return `${Math.floor(s / 86400)}d ago`;
    return new Date(iso).toLocaleDateString();
  }
  function pathMatches(pattern, path) {
    if (!pattern) return true;
    const source = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
    return new RegExp(`^${source}$`).test(path);
  }
  function safeQuery(selector) {
    try {
      return selector ? document.querySelector(selector) : null;
    } catch (_e) {
      return null;
    }
  }

  // client/cue/ui/item-view.ts
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
  function ctaLink(item, feed, onClick) {
    const url = safeUrl(item.cta_url);
    if (!url || !item.cta_label) return null;
    const a = el("a", "cue-cta", item.cta_label);
    a.href = url;
    a.addEventListener("click", (event) => {
      event.stopPropagation();
      feed.act(item, "clicked");
      if (onClick) onClick();
    });
    return a;
  }

  // client/cue/ui/styles.ts
  var CSS = ".cue-root{position:relative;display:inline-block;font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2330}.cue-root.cue-floating{position:fixed;right:20px;bottom:20px;z-index:2147483000}.cue-bell{position:relative;display:inline-flex;align-items:center;justify-content:center;width:40px;height:40px;border:0;border-radius:50%;background:var(--cue-bell-bg,transparent);color:inherit;cursor:pointer}.cue-floating .cue-bell{background:#fff;box-shadow:0 2px 10px rgba(0,0,0,.18)}.cue-bell:hover{background:rgba(0,0,0,.06)}.cue-bell:focus-visible,.cue-root button:focus-visible,.cue-layer button:focus-visible,.cue-layer a:focus-visible{outline:2px solid var(--cue-accent,#4f46e5);outline-offset:2px}.cue-badge{position:absolute;top:2px;right:0;min-width:18px;height:18px;padding:0 5px;box-sizing:border-box;border-radius:9px;background:#e11d48;color:#fff;font-size:11px;font-weight:600;line-height:18px;text-align:center}.cue-panel{position:absolute;right:0;top:calc(100% + 8px);width:360px;max-width:calc(100vw - 24px);max-height:480px;display:flex;flex-direction:column;background:#fff;border:1px solid #e4e6ec;border-radius:12px;box-shadow:0 12px 40px rgba(0,0,0,.16);overflow:hidden;z-index:2147483001;text-align:left}.cue-floating .cue-panel{top:auto;bottom:calc(100% + 8px)}.cue-head{display:flex;align-items:center;gap:8px;padding:12px 14px;border-bottom:1px solid #eef0f4}.cue-head h2{flex:1;margin:0;font-size:15px}.cue-list{list-style:none;margin:0;padding:0;overflow:auto}.cue-card{position:relative;padding:12px 14px 12px 26px;border-bottom:1px solid #f1f2f6;cursor:pointer}.cue-card:hover{background:#fafbff}.cue-card.cue-unread:before{content:'';position:absolute;left:11px;top:19px;width:8px;height:8px;border-radius:50%;background:var(--cue-accent,#4f46e5)}.cue-card h3{margin:0 0 2px;font-size:14px}.cue-card.cue-unread h3{font-weight:700}.cue-card .cue-tools{position:absolute;right:8px;top:8px;display:none;gap:2px}.cue-card:hover .cue-tools,.cue-card:focus-within .cue-tools{display:flex}.cue-time{color:#8a90a2;font-size:12px}.cue-body{color:#444a5c}.cue-body p{margin:0 0 6px}.cue-body a{color:var(--cue-accent,#4f46e5)}.cue-img{display:block;max-width:100%;border-radius:8px;margin:6px 0}.cue-cta{display:inline-block;margin-top:6px;padding:6px 12px;border-radius:8px;background:var(--cue-accent,#4f46e5);color:#fff!important;text-decoration:none;font-weight:600;border:0;cursor:pointer;font:inherit}.cue-link{border:0;background:none;color:var(--cue-accent,#4f46e5);cursor:pointer;font:inherit;padding:4px}.cue-x{border:0;background:none;color:#8a90a2;cursor:pointer;font-size:18px;line-height:1;padding:4px 6px;border-radius:6px}.cue-x:hover{background:rgba(0,0,0,.06);color:#1f2330}.cue-empty{padding:28px 16px;text-align:center;color:#8a90a2}.cue-more{display:block;width:100%;padding:10px;border:0;background:#fafbff;color:var(--cue-accent,#4f46e5);cursor:pointer;font:inherit}.cue-layer{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2330}.cue-banners{position:relative;z-index:2147482990}.cue-banner{display:flex;align-items:center;gap:12px;padding:10px 16px;background:var(--cue-accent,#4f46e5);color:#fff}.cue-banner .cue-body{color:#fff;flex:1}.cue-banner .cue-body p{margin:0}.cue-banner a{color:#fff}.cue-banner .cue-cta{margin:0;background:#fff;color:var(--cue-accent,#4f46e5)!important}.cue-banner .cue-x{color:#fff}.cue-overlay{position:fixed;inset:0;background:rgba(17,20,31,.5);display:flex;align-items:center;justify-content:center;z-index:2147483002;padding:16px}.cue-modal{position:relative;width:440px;max-width:100%;max-height:90vh;overflow:auto;background:#fff;border-radius:14px;padding:24px;box-shadow:0 20px 60px rgba(0,0,0,.3)}.cue-modal h2{margin:0 0 8px;font-size:20px}.cue-modal .cue-x{position:absolute;right:10px;top:10px}.cue-actions{display:flex;gap:8px;justify-content:flex-end;margin-top:16px}.cue-tooltip{position:absolute;z-index:2147482995;width:280px;max-width:calc(100vw - 16px);box-sizing:border-box;padding:12px 14px;background:#1f2330;color:#fff;border-radius:10px;box-shadow:0 8px 24px rgba(0,0,0,.25)}.cue-tooltip:before{content:'';position:absolute;top:-6px;left:var(--cue-arrow,20px);border:6px solid transparent;border-top:0;border-bottom-color:#1f2330}.cue-tooltip h3{margin:0 0 4px;font-size:14px}.cue-tooltip .cue-body{color:#d8dbe5}.cue-tooltip .cue-body a{color:#c7d2fe}.cue-tooltip .cue-actions{margin-top:8px}.cue-tooltip .cue-link{color:#c7d2fe}@media (prefers-reduced-motion:no-preference){.cue-panel,.cue-modal,.cue-tooltip,.cue-banner{animation:cue-in .16s ease-out}}@keyframes cue-in{from{opacity:0;transform:translateY(4px)}to{opacity:1;transform:none}}";
  var BELL_SVG = '<svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9"/><path d="M13.7 21a2 2 0 0 1-3.4 0"/></svg>';

  // client/cue/ui/panel.ts
  function mountPanel(feed, container) {
    const host = container ? document.querySelector(container) : null;
    const root = el("div", `cue-root${host ? "" : " cue-floating"}`);
    const bell = button("cue-bell", null, "Notifications", () => {
      if (panel) close();
      else open();
    });
    bell.innerHTML = BELL_SVG;
    bell.setAttribute("aria-haspopup", "dialog");
    bell.setAttribute("aria-expanded", "false");
    const badge = el("span", "cue-badge");
    badge.hidden = true;
    badge.setAttribute("aria-hidden", "true");
    bell.appendChild(badge);
    root.appendChild(bell);
    (host || document.body).appendChild(root);
    let panel = null;
    let list = null;
    const unsubscribe = feed.state.subscribe((state, previous) => {
      if (state.counts !== previous.counts) renderBadge(state);
      const listChanged = state.cards !== previous.cards || state.cursor !== previous.cursor || state.loading !== previous.loading;
      if (listChanged) renderList();
    });
    function renderBadge(state) {
      const n = unreadCards(state.counts);
      badge.hidden = n === 0;
      badge.textContent = n > 99 ? "99+" : String(n);
      bell.setAttribute("aria-label", n ? `Notifications, ${n} unread` : "Notifications");
    }
    function open() {
      if (panel) return;
      panel = el("div", "cue-panel");
      panel.setAttribute("role", "dialog");
      panel.setAttribute("aria-label", "Notifications");
      const head = el("div", "cue-head");
      head.appendChild(el("h2", null, "Notifications"));
      const markAll = button("cue-link", "Mark all as read", null, feed.markAllRead);
      head.appendChild(markAll);
      head.appendChild(button("cue-link", "Preferences", null, showPrefs));
      head.appendChild(button("cue-x", "\xD7", "Close notifications", close));
      panel.appendChild(head);
      list = el("ul", "cue-list");
      panel.appendChild(list);
      root.appendChild(panel);
      bell.setAttribute("aria-expanded", "true");
      renderList();
      feed.setVisible(true);
      markAll.focus();
    }
    function close() {
      if (!panel) return;
      panel.remove();
      panel = list = null;
      bell.setAttribute("aria-expanded", "false");
      feed.setVisible(false);
    }
    function showPrefs() {
      const box = list;
      if (!box) return;
      box.textContent = "";
      feed.prefs().then(({ topics }) => {
        for (const t of topics) {
          const li = el("li", "cue-card", t.name);
          for (const c of ["email", "in_app"]) {
            const label = el("label", "cue-time", c === "email" ? " Email " : " In-app ");
            const check = el("input");
            check.type = "checkbox";
            check.checked = t.channels[c];
            check.disabled = !t.unsubscribable;
            check.onchange = () => {
              feed.prefs({ topic: t.topic, channel: c, subscribed: check.checked }).catch(() => {
                check.checked = !check.checked;
              });
            };
            label.prepend(check);
            li.appendChild(label);
          }
          box.appendChild(li);
        }
      }, renderList);
    }
    function renderList() {
      if (!list) return;
      const state = feed.state.get();
      list.textContent = "";
      const now = Date.now();
      const visible = state.cards.filter((card) => isLive(card, now));
      if (!visible.length && !state.loading) {
        list.appendChild(el("li", "cue-empty", "You\u2019re all caught up."));
      }
      for (const card of visible) list.appendChild(renderCard(card, now));
      if (state.cursor) {
        const li = el("li");
        li.appendChild(
          button("cue-more", state.loading ? "Loading\u2026" : "Load more", null, () => {
            if (!feed.state.get().loading) feed.load(true);
          })
        );
        list.appendChild(li);
      }
    }
    function renderCard(card, now) {
      const li = el("li", `cue-card${card.read_at ? "" : " cue-unread"}`);
      li.tabIndex = 0;
      content(li, card, "h3");
      const cta = ctaLink(card, feed);
      if (cta) li.appendChild(cta);
      li.appendChild(el("div", "cue-time", ago(card.created_at, now)));
      const tools = el("div", "cue-tools");
      const read = !!card.read_at;
      tools.appendChild(
        button("cue-x", read ? "\u25CB" : "\u25CF", read ? "Mark as unread" : "Mark as read", () => {
          feed.act(card, read ? "unread" : "read");
        })
      );
      tools.appendChild(
        button("cue-x", "\xD7", "Archive", () => {
          feed.archive(card);
        })
      );
      li.appendChild(tools);
      function markRead() {
        if (!read) feed.act(card, "read");
      }
      li.addEventListener("click", markRead);
      li.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && event.target === li) markRead();
      });
      return li;
    }
    return {
      open,
      close,
      onKeydown(event) {
        if (event.key === "Escape" && panel) {
          close();
          bell.focus();
        }
      },
      onDocumentClick(event) {
        if (panel && !root.contains(event.target)) close();
      },
      destroy() {
        close();
        unsubscribe();
        root.remove();
      }
    };
  }

  // client/cue/ui/presentations.ts
  function createPresentations(feed) {
    const presented = {};
    const layers = [];
    const modals = [];
    let modalKeys = null;
    let banners = null;
    let tooltips = [];
    let tooltipTimer;
    function layer(className, first) {
      const node = el("div", `cue-layer ${className}`);
      if (first) document.body.insertBefore(node, document.body.firstChild);
      else document.body.appendChild(node);
      layers.push(node);
      return node;
    }
    function seen(item) {
      if (!item.seen_at) feed.act(item, "seen");
    }
    function showBanner(item) {
      if (!banners) banners = layer("cue-banners", true);
      const bar = el("div", "cue-banner");
      bar.setAttribute("role", "region");
      bar.setAttribute("aria-label", item.title);
      const text = el("div", "cue-body");
      text.appendChild(el("strong", null, item.title));
      if (item.body_html) {
        const rest = el("div");
        rest.innerHTML = item.body_html;
        text.appendChild(rest);
      }
      bar.appendChild(text);
      const cta = ctaLink(item, feed, () => {
        bar.remove();
      });
      if (cta) bar.appendChild(cta);
      bar.appendChild(
        button("cue-x", "\xD7", "Dismiss", () => {
          bar.remove();
          feed.act(item, "archived");
        })
      );
      banners.appendChild(bar);
      seen(item);
    }
    function nextModal() {
      const next = modals.shift();
      if (!next) return;
      const item = next;
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
        modalKeys = null;
        if (archive) feed.act(item, "archived");
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
      const closeButton = button("cue-link", "Close", null, () => {
        dismiss(true);
      });
      actions.appendChild(closeButton);
      const cta = ctaLink(item, feed, () => {
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
      modalKeys = onKey;
      (cta || closeButton).focus();
      seen(item);
    }
    function place() {
      let waiting = false;
      const now = Date.now();
      tooltips = tooltips.filter((tip) => {
        if (tip.dismissed || !isLive(tip.item, now)) {
          if (tip.node) tip.node.remove();
          return false;
        }
        const item = tip.item;
        const target = pathMatches(item.path_pattern, location.pathname) ? safeQuery(item.selector) : null;
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
      clearTimeout(tooltipTimer);
      if (waiting) tooltipTimer = setTimeout(place, 1e3);
    }
    function renderTooltip(tip) {
      const item = tip.item;
      const node = layer("cue-tooltip");
      node.setAttribute("role", "dialog");
      node.setAttribute("aria-label", item.title);
      content(node, item, "h3");
      const actions = el("div", "cue-actions");
      const cta = ctaLink(item, feed);
      if (cta) actions.appendChild(cta);
      actions.appendChild(
        button("cue-link", "Got it", null, () => {
          tip.dismissed = true;
          feed.act(item, "archived");
          place();
        })
      );
      node.appendChild(actions);
      if (!tip.shown) seen(item);
      tip.shown = true;
      return node;
    }
    return {
      present(item) {
        if (!isLive(item, Date.now()) || presented[item.id]) return;
        presented[item.id] = true;
        if (item.kind === "banner") showBanner(item);
        else if (item.kind === "modal") {
          modals.push(item);
          if (!modalKeys) nextModal();
        } else if (item.kind === "tooltip") {
          tooltips.push({ item, node: null, shown: false, dismissed: false });
          place();
        }
      },
      place,
      hasModal: () => !!modalKeys,
      destroy() {
        clearTimeout(tooltipTimer);
        if (modalKeys) document.removeEventListener("keydown", modalKeys, true);
        modalKeys = null;
        modals.length = 0;
        tooltips = [];
        for (const node of layers) node.remove();
      }
    };
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

  // client/cue/ui/mount-widget.ts
  function mountWidget(feed, container) {
    if (!document.getElementById("cue-styles")) {
      const style = el("style", null, CSS);
      style.id = "cue-styles";
      document.head.appendChild(style);
    }
    const panel = mountPanel(feed, container);
    const presentations = createPresentations(feed);
    patchHistory();
    const onLocation = () => presentations.place();
    const onKeydown = (event) => {
      if (!presentations.hasModal()) panel.onKeydown(event);
    };
    const onClick = (event) => panel.onDocumentClick(event);
    const windowEvents = ["cue:locationchange", "popstate", "resize"];
    for (const type of windowEvents) window.addEventListener(type, onLocation);
    document.addEventListener("keydown", onKeydown);
    document.addEventListener("click", onClick);
    return {
      open: panel.open,
      close: panel.close,
      present: presentations.present,
      destroy() {
        panel.destroy();
        presentations.destroy();
        for (const type of windowEvents) window.removeEventListener(type, onLocation);
        document.removeEventListener("keydown", onKeydown);
        document.removeEventListener("click", onClick);
      }
    };
  }
  function patchHistory() {
    const history = window.history;
    if (history.__cuePatched) return;
    for (const name of ["pushState", "replaceState"]) {
      const original = history[name];
      history[name] = function(...args) {
        const result = original.apply(this, args);
        window.dispatchEvent(new Event("cue:locationchange"));
        return result;
      };
    }
    history.__cuePatched = true;
  }

  // client/cue/index.ts
  var currentScript = document.currentScript;
  var session = null;
  var trackTarget = null;
  function init(given) {
    const options = given || {};
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
    const report = (error) => {
      if (onError) onError(error);
      else if (typeof console !== "undefined") console.warn("[cue]", error);
    };
    const auth = createAuth({
      writeKey,
      userId,
      userHash: options.userHash,
      token: options.token,
      refreshToken: options.refreshToken
    });
    const feed = createFeed(createInboxClient(host, auth), {
      present: (item) => widget.present(item),
      report
    });
    const widget = mountWidget(feed, options.container);
    const current = { feed, widget, stream: null };
    session = current;
    return Promise.all([feed.load(false), feed.loadPresentations()]).then(() => {
      if (session !== current) return;
      current.stream = openInboxStream({
        host,
        auth,
        lastSeq: feed.lastSeq,
        onItem: feed.receive,
        onCounts: feed.setCounts,
        onError: report
      });
    });
  }
  function destroy() {
    if (!session) return;
    if (session.stream) session.stream.close();
    session.feed.close();
    session.widget.destroy();
    session = null;
  }
  function track(event, properties) {
    if (!trackTarget) return Promise.reject(new Error("Call Cue.init first."));
    const page = { path: location.pathname, url: location.href, title: document.title };
    return sendTrack(trackTarget, event, properties, page);
  }
  function scriptHost() {
    try {
      const src = currentScript && currentScript.src;
      return src ? new URL(src).origin : "";
    } catch (_e) {
      return "";
    }
  }
  var globalScope = window;
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
      destroy
    };
  }
})();
