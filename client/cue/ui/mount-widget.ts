// The widget on the page: styles, the bell and panel, and the banners, modals
// and tooltips, following the page as it navigates (single-page apps) or is
// resized. Everything it adds, destroy() takes away.

import type { Feed } from "../feed/feed";
import type { InboxItem } from "../types";
import { el } from "./dom";
import { mountPanel } from "./panel";
import { createPresentations } from "./presentations";
import { CSS } from "./styles";

export interface Widget {
  open(): void;
  close(): void;
  present(item: InboxItem): void;
  destroy(): void;
}

export function mountWidget(feed: Feed, container: string | undefined): Widget {
  if (!document.getElementById("cue-styles")) {
    const style = el("style", null, CSS);
    style.id = "cue-styles";
    document.head.appendChild(style);
  }
  const panel = mountPanel(feed, container);
  const presentations = createPresentations(feed);
  patchHistory();
  const onLocation = () => presentations.place();
  // An open modal takes Escape for itself.
  const onKeydown = (event: KeyboardEvent) => {
    if (!presentations.hasModal()) panel.onKeydown(event);
  };
  const onClick = (event: MouseEvent) => panel.onDocumentClick(event);
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
    },
  };
}

/** pushState and replaceState announce themselves (as cue:locationchange), once per page. */
function patchHistory() {
  const history = window.history as History & { __cuePatched?: boolean };
  if (history.__cuePatched) return;
  for (const name of ["pushState", "replaceState"] as const) {
    const original = history[name];
    history[name] = function (this: History, ...args: Parameters<History["pushState"]>) {
      const result = original.apply(this, args);
      window.dispatchEvent(new Event("cue:locationchange"));
      return result;
    };
  }
  history.__cuePatched = true;
}
