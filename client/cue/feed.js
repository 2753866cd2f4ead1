// The feed: cards loaded page by page and as they stream in, plus the
// banners, modals and tooltips waiting to be presented.

import { api } from "./api.js";
import { report } from "./dom.js";
import { markVisibleSeen, renderList } from "./panel.js";
import { present } from "./presentations.js";
import { st } from "./state.js";

const PAGE_SIZE = 20;

function noteSeq(item) {
  if (item.seq > st.maxSeq) st.maxSeq = item.seq;
}

export function loadFeed(more) {
  const q = `?kind=card&page_size=${PAGE_SIZE}${more && st.cursor ? `&cursor=${st.cursor}` : ""}`;
  st.loading = true;
  return api("GET", `/api/v1/inbox${q}`)
    .then((page) => {
      if (!more) st.items = [];
      page.items.forEach((item) => {
        noteSeq(item);
        if (!byId(item.id)) st.items.push(item);
      });
      st.cursor = page.next_cursor;
      setCounts(page.counts);
    })
    .catch(report)
    .then(() => {
      st.loading = false;
      renderList();
      markVisibleSeen();
    });
}

export function loadPresentations() {
  return api("GET", "/api/v1/inbox?kind=banner,modal,tooltip&page_size=50")
    .then((page) => {
      page.items.reverse().forEach((item) => {
        noteSeq(item);
        present(item);
      });
    })
    .catch(report);
}

function byId(id) {
  for (let i = 0; i < st.items.length; i++) if (st.items[i].id === id) return st.items[i];
  return null;
}

export function receive(item) {
  noteSeq(item);
  if (item.kind !== "card") return present(item);
  if (byId(item.id)) return;
  st.items.unshift(item);
  renderList();
  markVisibleSeen();
}

export function setCounts(counts) {
  if (!counts || !st.badge) return;
  st.counts = counts;
  const feed = (counts.by_kind || {}).card || counts;
  const n = feed.unread;
  st.badge.hidden = n === 0;
  st.badge.textContent = n > 99 ? "99+" : String(n);
  st.bell.setAttribute("aria-label", n ? `Notifications, ${n} unread` : "Notifications");
}
