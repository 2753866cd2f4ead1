// How an item's image, title, body and call to action are drawn.

import { act } from "./api.js";
import { el, safeUrl } from "./dom.js";

export function content(parent, item, titleTag) {
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

export function ctaLink(item, onClick) {
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
