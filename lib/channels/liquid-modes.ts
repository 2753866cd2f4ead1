import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { Liquid } from "liquidjs";

// Liquid for messages, in the three contexts a value can land in. Liquid
// never re-parses values, so "{{ … }}" inside a trait is text in all three.
// - html (HTML email bodies): values are HTML-escaped;
// - text (subjects, preheaders, in-app titles): verbatim — the result is
//   never parsed as HTML, and escaping would show "&amp;" to the reader;
// - markdown (Markdown bodies): values must not become Markdown either (a
//   trait "[Reset password](https://evil)" must not turn into a link), so
//   each value is swapped for an inert placeholder, the Markdown is
//   converted, and only then are the HTML-escaped values put back.
//
// The engines have no file system (`templates: {}`): liquidjs would
// otherwise let `{% include '.env' %}` read files from the working directory.

const shared = {
  strictVariables: false,
  strictFilters: true,
  ownPropertyOnly: true,
  cache: 500,
  templates: {},
  // A template runs once per recipient; these stop a runaway loop from
  // stalling a worker.
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

// As liquidjs stringifies outputs: nil is empty, arrays are concatenated.
function stringify(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(stringify).join("");
  return String(value);
}

interface Placeholders {
  nonce: string;
  values: string[];
}
const placeholders = new AsyncLocalStorage<Placeholders>();

function placeholderFor(value: unknown): string {
  const escaped = escapeHtml(stringify(value));
  const store = placeholders.getStore();
  if (!store) return escaped;
  store.values.push(escaped);
  // Letters and digits only: Markdown leaves it alone in text, links and code.
  return `CUEV${store.nonce}N${store.values.length - 1}Q`;
}

const htmlEngine = new Liquid({ ...shared, outputEscape: "escape" });
const textEngine = new Liquid({ ...shared, outputEscape: undefined });
const markdownEngine = new Liquid({ ...shared, outputEscape: placeholderFor });
// JSON bodies (webhook steps): each value is escaped as the inside of a JSON
// string, so `{"name": "{{ profile.traits.name }}"}` stays valid JSON whatever
// the trait holds (quotes, backslashes, newlines).
const jsonEngine = new Liquid({
  ...shared,
  outputEscape: (value: unknown) => JSON.stringify(stringify(value)).slice(1, -1),
});

/** Liquid for a JSON document: values are JSON-string-escaped. */
export async function renderLiquidJson(source: string, scope: object): Promise<string> {
  return jsonEngine.parseAndRender(source, scope as Record<string, unknown>);
}

/** Liquid for HTML: values are HTML-escaped. */
export async function renderLiquidHtml(source: string, scope: object): Promise<string> {
  return htmlEngine.parseAndRender(source, scope as Record<string, unknown>);
}

/** Liquid for plain-text destinations: values are inserted verbatim. */
export async function renderLiquidText(source: string, scope: object): Promise<string> {
  return textEngine.parseAndRender(source, scope as Record<string, unknown>);
}

/**
 * Liquid, then `toHtml` (Markdown → HTML), with every output value kept out
 * of the Markdown and inserted, HTML-escaped, into the HTML afterwards.
 * Anything that must hold for the final HTML (sanitizing) runs on the result.
 */
export async function renderLiquidMarkdown(
  source: string,
  scope: object,
  toHtml: (markdown: string) => string,
): Promise<string> {
  const store: Placeholders = { nonce: randomBytes(6).toString("hex"), values: [] };
  const markdown = await placeholders.run(store, () =>
    markdownEngine.parseAndRender(source, scope as Record<string, unknown>),
  );
  const pattern = new RegExp(`CUEV${store.nonce}N(\\d+)Q`, "g");
  return toHtml(markdown).replace(
    pattern,
    (_match, index: string) => store.values[Number(index)] ?? "",
  );
}
