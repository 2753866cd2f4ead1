import { Liquid } from "liquidjs";

// One Liquid engine for every message. Output is HTML-escaped by default, so a
// trait holding `<script>` or `{{ … }}` renders as text (Liquid never re-parses
// values). Missing variables render empty; `default` gives fallbacks.
const engine = new Liquid({
  outputEscape: "escape",
  strictVariables: false,
  strictFilters: true,
  cache: 500,
  ownPropertyOnly: true,
  // No file system: otherwise `{% include '.env' %}` would read server files.
  templates: {},
});

export interface TemplateIssue {
  field: string;
  line: number;
  column: number;
  message: string;
}

/** Parse errors of one field's template, with line and column. */
export function checkTemplate(source: string, field: string): TemplateIssue[] {
  try {
    engine.parse(source);
    return [];
  } catch (error) {
    return [toIssue(error, field)];
  }
}

/** Parse errors of several fields at once (`{ subject, body, … }`). */
export function checkTemplates(fields: Record<string, string | undefined | null>): TemplateIssue[] {
  return Object.entries(fields).flatMap(([field, source]) =>
    source ? checkTemplate(source, field) : [],
  );
}

export async function renderLiquid(source: string, scope: object): Promise<string> {
  return engine.parseAndRender(source, scope as Record<string, unknown>);
}

function toIssue(error: unknown, field: string): TemplateIssue {
  const token = (error as { token?: { getPosition?: () => [number, number] } }).token;
  const [line, column] = token?.getPosition?.() ?? [1, 1];
  const raw = error instanceof Error ? error.message : String(error);
  // liquidjs appends ", line:1, col:4"; we report those as fields instead.
  const message = raw.replace(/,\s*line:\d+,\s*col:\d+$/, "");
  return { field, line, column, message };
}
