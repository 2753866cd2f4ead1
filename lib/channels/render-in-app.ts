import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";
import type { TemplateScope } from "@/lib/templates/template-scope";
import { renderIssue, templateError } from "./check-content";
import type { RenderedInApp } from "./in-app/rendered-in-app";
import { renderLiquidMarkdown, renderLiquidText } from "./liquid-modes";
import type { InAppContent } from "./message-content";

// The shape is owned by the inbox (deliverInApp stores it); this file fills it.
export type { RenderedInApp };

const markdown = new Marked({ gfm: true, breaks: true, async: false });

// The widget inserts bodyHtml into the customer's page, so this list is the
// whole attack surface: no images, no styles, no attributes but href/rel.
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "a", "ul", "ol", "li", "code"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener" } }),
    b: "strong",
    i: "em",
    h1: "p",
    h2: "p",
    h3: "p",
    h4: "p",
    h5: "p",
    h6: "p",
    blockquote: "p",
  },
};

/** Markdown (after Liquid) to the safe HTML subset the inbox widget renders. */
export function safeMarkdownHtml(source: string): string {
  return sanitizeHtml(markdown.parse(source) as string, SANITIZE).trim();
}

/** http(s) or a same-site path; anything else (javascript:, data:, //host) is dropped. */
export function safeUrl(value: string | undefined): string | undefined {
  const url = value?.trim();
  if (!url) return undefined;
  if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

export async function renderInApp(
  content: InAppContent,
  scope: TemplateScope,
  options: { now: Date; fieldPrefix?: string },
): Promise<RenderedInApp> {
  const prefix = options.fieldPrefix ?? "content";
  const text = async (name: string, source: string | undefined) => {
    if (source === undefined) return undefined;
    try {
      return (await renderLiquidText(source, scope)).trim();
    } catch (error) {
      throw templateError([renderIssue(error, `${prefix}.inApp.${name}`)]);
    }
  };
  let bodyHtml: string;
  try {
    // Sanitized after the values are back in, so a value can never smuggle a link.
    bodyHtml = sanitizeHtml(
      await renderLiquidMarkdown(content.body, scope, (md) => markdown.parse(md) as string),
      SANITIZE,
    ).trim();
  } catch (error) {
    throw templateError([renderIssue(error, `${prefix}.inApp.body`)]);
  }

  const ctaUrl = safeUrl(await text("ctaUrl", content.ctaUrl));
  const ctaLabel = await text("ctaLabel", content.ctaLabel);
  const rendered: RenderedInApp = {
    kind: content.kind,
    title: (await text("title", content.title)) ?? "",
    body: (await text("body", content.body)) ?? "",
    bodyHtml,
  };
  const imageUrl = safeUrl(await text("imageUrl", content.imageUrl));
  if (imageUrl) rendered.imageUrl = imageUrl;
  // A button without a usable link (a trait rendered it unsafe or empty) is
  // worse than no button.
  if (ctaUrl && ctaLabel) {
    rendered.ctaLabel = ctaLabel;
    rendered.ctaUrl = ctaUrl;
  }
  if (content.selector) rendered.selector = content.selector;
  if (content.pathPattern) rendered.pathPattern = content.pathPattern;
  if (content.expiresInHours !== undefined) {
    rendered.expiresAt = new Date(
      options.now.getTime() + content.expiresInHours * 3_600_000,
    ).toISOString();
  }
  return rendered;
}
