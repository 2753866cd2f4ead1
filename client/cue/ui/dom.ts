// Element helpers, and the small rules for what an item may put on the page.

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string | null,
  text?: unknown,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = String(text);
  return node;
}

/** A button whose clicks stay inside the widget (the page's handlers never see them). */
export function button(
  className: string,
  text: string | null,
  label: string | null,
  onClick: (event: MouseEvent) => void,
): HTMLButtonElement {
  const b = el("button", className, text);
  b.type = "button";
  if (label) b.setAttribute("aria-label", label);
  b.addEventListener("click", (event) => {
    event.stopPropagation();
    onClick(event);
  });
  return b;
}

/** http(s) URLs and same-site paths only: never javascript:, data: or `//host`. */
export function safeUrl(url: unknown): string | null {
  if (typeof url !== "string") return null;
  return /^https?:\/\//i.test(url) || /^\/(?![/\\])/.test(url) ? url : null;
}

export function ago(iso: string, now: number): string {
  const s = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ago`;
  if (s < 604800) return `${Math.floor(s / 86400)}d ago`;
  return new Date(iso).toLocaleDateString();
}

/** A glob over a path: `*` matches anything, the rest is literal; no pattern matches all. */
export function pathMatches(pattern: string | null, path: string): boolean {
  if (!pattern) return true;
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`).test(path);
}

/** The element a selector names, or null; an invalid selector never breaks the host page. */
export function safeQuery(selector: string | null): Element | null {
  try {
    return selector ? document.querySelector(selector) : null;
  } catch (_e) {
    return null;
  }
}
