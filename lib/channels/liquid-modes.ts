import { Liquid } from "liquidjs";

// The shared engine in lib/templates/render-liquid.ts HTML-escapes every
// output, which is right for HTML bodies. Two other contexts need a
// different escape, and liquidjs fixes the escape per engine:
// - text (subject, preheader, in-app title and plain body): the result is
//   never parsed as HTML, so escaping would show "&amp;" to the reader;
// - markdown: the result is parsed as Markdown and then HTML, so a value must
//   be HTML-escaped AND have Markdown punctuation backslash-escaped, or a
//   trait like "[win](javascript:…)" or "**" would turn into markup.
// Liquid never re-parses values, so "{{ … }}" inside a trait stays text in
// every mode. Parsing (and its errors) is identical across the engines.

const shared = {
  strictVariables: false,
  strictFilters: true,
  ownPropertyOnly: true,
  cache: 500,
  // A template runs once per recipient; these stop a runaway loop from
  // stalling a worker (values are liquidjs defaults scaled down).
  renderLimit: 2_000,
  memoryLimit: 10_000_000,
} as const;

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&#34;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** HTML-escape, then neutralise CommonMark/GFM punctuation with backslashes. */
export function escapeMarkdown(value: unknown): string {
  return escapeHtml(stringify(value)).replace(/[\\`*_{}[\]()#+\-.!|~=:]/g, "\\$&");
}

// As liquidjs stringifies outputs: nil is empty, arrays are concatenated.
function stringify(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(stringify).join("");
  return String(value);
}

const textEngine = new Liquid({ ...shared, outputEscape: undefined });
const markdownEngine = new Liquid({ ...shared, outputEscape: escapeMarkdown });

/** Liquid for plain-text destinations: values are inserted verbatim. */
export async function renderLiquidText(source: string, scope: object): Promise<string> {
  return textEngine.parseAndRender(source, scope as Record<string, unknown>);
}

/** Liquid for Markdown sources: values come out as literal text after Markdown. */
export async function renderLiquidMarkdown(source: string, scope: object): Promise<string> {
  return markdownEngine.parseAndRender(source, scope as Record<string, unknown>);
}
