// How an item's image, title, body and call to action are drawn.

import type { Feed } from "../feed/feed";
import type { InboxItem } from "../types";
import { el, safeUrl } from "./dom";

/** Appends the item's image, title and body to `parent`; returns the title. */
export function content(parent: HTMLElement, item: InboxItem, titleTag: "h2" | "h3"): HTMLElement {
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
      body.innerHTML = item.body_html; // sanitized by the server
    else body.textContent = item.body;
    parent.appendChild(body);
  }
  return title;
}

/** The call to action as a link (a click is recorded), or null without a safe URL and a label. */
export function ctaLink(
  item: InboxItem,
  feed: Pick<Feed, "act">,
  onClick?: () => void,
): HTMLAnchorElement | null {
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
