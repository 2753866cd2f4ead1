// The plain-text alternative of an email, derived from its HTML body so the
// two never disagree. Email HTML is simple (our Markdown output or an
// author's table layout), so a small converter is enough: blocks become
// blank lines, list items "- ", links "text (url)", and entities are decoded.

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  copy: "©",
  reg: "®",
  trade: "™",
  zwnj: "",
  zwj: "",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, entity: string) => {
    if (entity[0] === "#") {
      const code =
        entity[1] === "x" || entity[1] === "X"
          ? Number.parseInt(entity.slice(2), 16)
          : Number.parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : "";
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? match;
  });
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, "");
}

export function htmlToText(html: string): string {
  let s = html
    .replace(/<(head|style|script|title)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "");
  s = s.replace(
    /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a\s*>/gi,
    (_match, dq: string | undefined, sq: string | undefined, inner: string) => {
      // Kept entity-encoded until the end, so the tag strip below cannot
      // mistake a decoded "<" in a link's text for markup.
      const rawHref = (dq ?? sq ?? "").trim();
      const rawText = stripTags(inner).replace(/\s+/g, " ").trim();
      const href = decodeEntities(rawHref);
      const text = decodeEntities(rawText);
      if (!href || href.startsWith("#")) return rawText;
      if (!text || text === href || `mailto:${text}` === href) return rawHref;
      return `${rawText} (${rawHref})`;
    },
  );
  s = s
    .replace(/<\/li>\s*/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<hr\b[^>]*>/gi, "\n\n---\n\n")
    .replace(/<li\b[^>]*>/gi, "\n- ")
    .replace(
      /<\/?(p|div|h[1-6]|ul|ol|table|tr|blockquote|pre|section|header|footer)\b[^>]*>/gi,
      "\n\n",
    )
    .replace(/<\/?(td|th)\b[^>]*>/gi, " ");
  s = decodeEntities(stripTags(s));
  return s
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
