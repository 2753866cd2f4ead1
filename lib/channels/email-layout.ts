import { escapeHtml } from "./liquid-modes";

// The responsive wrapper every email is sent in. Email clients ignore most
// of CSS, so this follows the conservative recipe: one centred 600px table
// (100% wide on phones via the one media query Gmail and Apple Mail honour),
// inline styles on everything, a hidden preheader, and no scripts, forms,
// web fonts or background images. Outlook gets a fixed-width ghost table.

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const TEXT_COLOR = "#1f2937";
const MUTED = "#6b7280";
const LINK = "#2563eb";
const PAGE_BG = "#f4f5f7";

// Markdown output has bare tags; inline styles are what survive in Gmail,
// Outlook and Yahoo (a <style> block alone does not).
const MARKDOWN_STYLES: Record<string, string> = {
  p: "margin:0 0 16px 0;",
  h1: `margin:0 0 16px 0;font-size:24px;line-height:1.3;font-weight:700;color:${TEXT_COLOR};`,
  h2: `margin:24px 0 12px 0;font-size:20px;line-height:1.3;font-weight:700;color:${TEXT_COLOR};`,
  h3: `margin:20px 0 8px 0;font-size:17px;line-height:1.3;font-weight:700;color:${TEXT_COLOR};`,
  ul: "margin:0 0 16px 0;padding:0 0 0 24px;",
  ol: "margin:0 0 16px 0;padding:0 0 0 24px;",
  li: "margin:0 0 4px 0;",
  a: `color:${LINK};text-decoration:underline;`,
  blockquote: `margin:0 0 16px 0;padding:0 0 0 12px;border-left:3px solid #d1d5db;color:${MUTED};`,
  code: "font-family:Menlo,Consolas,monospace;font-size:14px;background:#f3f4f6;padding:1px 4px;border-radius:3px;",
  pre: "margin:0 0 16px 0;padding:12px;background:#f3f4f6;border-radius:6px;overflow-x:auto;white-space:pre-wrap;",
  img: "max-width:100%;height:auto;border:0;",
  hr: "border:0;border-top:1px solid #e5e7eb;margin:24px 0;",
  table: "border-collapse:collapse;margin:0 0 16px 0;",
  th: "border:1px solid #e5e7eb;padding:6px 10px;text-align:left;",
  td: "border:1px solid #e5e7eb;padding:6px 10px;",
};

/** Adds inline styles to the tags Markdown produces (it never adds its own). */
export function styleMarkdownHtml(html: string): string {
  return html.replace(
    /<(h[1-3]|p|ul|ol|li|a|blockquote|code|pre|img|hr|table|th|td)\b/g,
    (tag, name: string) => {
      const style = MARKDOWN_STYLES[name];
      return style ? `${tag} style="${style}"` : tag;
    },
  );
}

export interface LayoutInput {
  subject: string;
  preheader: string;
  bodyHtml: string;
  /** Footer link; null for transactional mail, which has none. */
  unsubscribeUrl: string | null;
  workspaceName: string;
}

export function wrapEmailLayout(input: LayoutInput): string {
  const preheader = input.preheader
    ? // The padding keeps clients from pulling body text into the inbox preview.
      `<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;color:${PAGE_BG};">${escapeHtml(input.preheader)}${"&#847;&zwnj;&nbsp;".repeat(40)}</div>`
    : "";
  const footer = input.unsubscribeUrl
    ? `You are receiving this email from ${escapeHtml(input.workspaceName)}. <a href="${escapeHtml(input.unsubscribeUrl)}" style="color:${MUTED};text-decoration:underline;">Unsubscribe</a>`
    : `Sent by ${escapeHtml(input.workspaceName)}.`;
  return `<!doctype html>
<html lang="en" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light only">
<title>${escapeHtml(input.subject)}</title>
<style>
body{margin:0;padding:0;width:100%!important;-webkit-text-size-adjust:100%;-ms-text-size-adjust:100%;}
table{border-collapse:collapse;}
img{border:0;outline:none;text-decoration:none;max-width:100%;height:auto;}
@media only screen and (max-width:620px){.cue-container{width:100%!important;}.cue-content{padding:24px 20px!important;}}
</style>
</head>
<body style="margin:0;padding:0;background-color:${PAGE_BG};">
${preheader}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${PAGE_BG};">
<tr><td align="center" style="padding:24px 12px;">
<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" class="cue-container" width="600" cellpadding="0" cellspacing="0" border="0" style="width:600px;max-width:600px;background-color:#ffffff;border-radius:8px;">
<tr><td class="cue-content" style="padding:32px 40px;font-family:${FONT};font-size:16px;line-height:1.6;color:${TEXT_COLOR};text-align:left;">
${input.bodyHtml}
</td></tr>
</table>
<table role="presentation" class="cue-container" width="600" cellpadding="0" cellspacing="0" border="0" style="width:600px;max-width:600px;">
<tr><td style="padding:16px 40px;font-family:${FONT};font-size:12px;line-height:1.5;color:${MUTED};text-align:center;">
${footer}
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>`;
}
