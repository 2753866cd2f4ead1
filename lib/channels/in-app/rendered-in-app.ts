// The in-app message as rendered for one profile: Liquid already applied,
// Markdown already turned into sanitized HTML. It is what `deliverInApp`
// stores in the user's inbox and what the inbox API hands to browsers.
export type InAppKind = "card" | "banner" | "modal" | "tooltip";

export type RenderedInApp = {
  kind: InAppKind;
  title: string;
  /** Plain text (the Markdown source after Liquid), for clients that do not render HTML. */
  body: string;
  /** Sanitized HTML of the body (a safe Markdown subset). */
  bodyHtml: string;
  imageUrl?: string;
  ctaLabel?: string;
  ctaUrl?: string;
  /** Tooltip only: the CSS selector it anchors to. */
  selector?: string;
  /** Tooltip only: a path glob (`*` = anything) limiting where it shows. */
  pathPattern?: string;
  /** ISO-8601; after it the item leaves the feed and the counts. */
  expiresAt?: string;
};
