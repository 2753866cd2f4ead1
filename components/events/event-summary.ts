// How an event reads in a list or timeline (pure): a title and a few
// key: value pairs. Values are text; the full JSON is shown on demand.

export interface SummarizableEvent {
  type: string;
  name: string | null;
  properties: unknown;
  traits: unknown;
  extra: unknown;
  userId: string | null;
}

const MAX_PAIRS = 4;
const MAX_CHARS = 60;

export function eventTitle(event: SummarizableEvent): string {
  const extra = asObject(event.extra);
  switch (event.type) {
    case "track":
      return event.name ?? "(unnamed event)";
    case "page":
      return event.name ? `Viewed page “${event.name}”` : "Viewed a page";
    case "screen":
      return event.name ? `Viewed screen “${event.name}”` : "Viewed a screen";
    case "identify":
      return "Identified";
    case "group":
      return typeof extra.groupId === "string" ? `Joined group ${extra.groupId}` : "Group call";
    case "alias":
      return typeof extra.previousId === "string"
        ? `Alias ${extra.previousId} → ${event.userId ?? "?"}`
        : "Alias";
    default:
      return event.name ?? event.type;
  }
}

/** The first few properties (or traits, for identify and group) as [key, text]. */
export function eventPairs(event: SummarizableEvent): { pairs: [string, string][]; more: number } {
  const source =
    event.type === "identify" || event.type === "group"
      ? asObject(event.traits)
      : asObject(event.properties);
  const keys = Object.keys(source);
  const pairs = keys
    .slice(0, MAX_PAIRS)
    .map((key): [string, string] => [key, clip(valueText(source[key]))]);
  return { pairs, more: keys.length - pairs.length };
}

function valueText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "undefined";
  return JSON.stringify(value) ?? String(value);
}

function clip(text: string): string {
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
