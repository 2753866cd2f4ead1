import sanitizeHtml from "sanitize-html";

// The browser client inserts body_html as HTML, so whatever reaches the inbox
// is cut down to a Markdown-sized subset here, whoever rendered it. Running
// it twice changes nothing, so it is safe after the renderer's own pass.
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "del",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "hr",
    "h3",
    "h4",
  ],
  allowedAttributes: { a: ["href", "title", "target", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // Links leave the host app in a new tab and never hand it window.opener.
    a: sanitizeHtml.simpleTransform("a", { target: "_blank", rel: "noopener noreferrer" }),
  },
};

export function sanitizeInAppHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/**
 * An image or button URL the browser may follow: http(s) or a same-site path.
 * Liquid can turn an authored URL into anything (`javascript:`), so this is
 * checked on the rendered value; anything else is dropped.
 */
export function safeInAppUrl(url: string | undefined): string | null {
  const value = url?.trim();
  if (!value) return null;
  if (value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")) return value;
  try {
    const parsed = new URL(value);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}
