// The live view's filters as they appear in the URL (pure, client-safe).
import { MESSAGE_TYPES, type MessageType } from "@/lib/ingest/schemas";

export interface EventFilters {
  name: string;
  user: string;
  type: MessageType | "";
}

export const EMPTY_EVENT_FILTERS: EventFilters = { name: "", user: "", type: "" };

export function eventFiltersFromParams(
  params: Record<string, string | string[] | undefined>,
): EventFilters {
  const text = (value: unknown) => (typeof value === "string" ? value.trim().slice(0, 200) : "");
  const type = params.type;
  return {
    name: text(params.name),
    user: text(params.user),
    type: (MESSAGE_TYPES as readonly unknown[]).includes(type) ? (type as MessageType) : "",
  };
}

export function eventFiltersToParams(filters: EventFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value.trim()) params.set(key, value.trim());
  }
  return params;
}
