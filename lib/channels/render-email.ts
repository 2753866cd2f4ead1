import { Marked } from "marked";
import type { TemplateScope } from "@/lib/templates/template-scope";
import { renderIssue, templateError } from "./check-content";
import { styleMarkdownHtml, wrapEmailLayout } from "./email-layout";
import { htmlToText } from "./html-to-text";
import { renderLiquidHtml, renderLiquidMarkdown, renderLiquidText } from "./liquid-modes";
import type { EmailContent } from "./message-content";

/** An email as stored in Message.rendered and handed to Resend. */
export interface RenderedEmail {
  subject: string;
  preheader: string;
  html: string;
  text: string;
  /** The page the footer links to; null for transactional mail. */
  unsubscribeUrl: string | null;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post) for the provider. */
  headers: Record<string, string>;
}

export interface UnsubscribeLinks {
  /** The confirmation page a reader opens (footer link, `unsubscribe_url`). */
  pageUrl: string;
  /** The RFC 8058 one-click endpoint (List-Unsubscribe header). */
  oneClickUrl: string;
}

// Authors type in a textarea and expect a newline to be a line break.
const markdown = new Marked({ gfm: true, breaks: true, async: false });

/**
 * Liquid, then Markdown (or the author's HTML), then the layout, plus a
 * plain-text alternative. `unsubscribe` is null for transactional mail: no
 * footer link and no List-Unsubscribe headers.
 */
export async function renderEmail(
  content: EmailContent,
  scope: TemplateScope,
  options: { unsubscribe: UnsubscribeLinks | null; workspaceName: string; fieldPrefix?: string },
): Promise<RenderedEmail> {
  const prefix = options.fieldPrefix ?? "content";
  const field = async (name: string, render: () => Promise<string>) => {
    try {
      return await render();
    } catch (error) {
      throw templateError([renderIssue(error, `${prefix}.email.${name}`)]);
    }
  };
  const subject = collapse(await field("subject", () => renderLiquidText(content.subject, scope)));
  const preheader = collapse(
    await field("preheader", () => renderLiquidText(content.preheader, scope)),
  );
  const bodyHtml =
    content.bodyFormat === "html"
      ? await field("body", () => renderLiquidHtml(content.body, scope))
      : await field("body", () =>
          renderLiquidMarkdown(content.body, scope, (md) =>
            styleMarkdownHtml(markdown.parse(md) as string),
          ),
        );

  const unsubscribeUrl = content.transactional ? null : (options.unsubscribe?.pageUrl ?? null);
  const html = wrapEmailLayout({
    subject,
    preheader,
    bodyHtml,
    unsubscribeUrl,
    workspaceName: options.workspaceName,
  });
  const text = unsubscribeUrl
    ? `${htmlToText(bodyHtml)}\n\n--\nUnsubscribe: ${unsubscribeUrl}`
    : htmlToText(bodyHtml);
  const headers: Record<string, string> =
    !content.transactional && options.unsubscribe
      ? {
          "List-Unsubscribe": `<${options.unsubscribe.oneClickUrl}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
      : {};
  return { subject, preheader, html, text, unsubscribeUrl, headers };
}

// Subjects are a single header line; a trait holding a newline must not
// split it (header injection) or leave stray whitespace.
function collapse(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}
