// The Users page filters as they appear in the URL (pure, client-safe).

export interface ProfileFilters {
  q: string;
  /** "" = any time. */
  seenWithinDays: "" | "1" | "7" | "30" | "90";
  hasEmail: "" | "true" | "false";
  subscription: "" | "subscribed" | "unsubscribed";
}

export const EMPTY_FILTERS: ProfileFilters = {
  q: "",
  seenWithinDays: "",
  hasEmail: "",
  subscription: "",
};

const SEEN = ["1", "7", "30", "90"] as const;

function pick<T extends string>(value: unknown, allowed: readonly T[]): T | "" {
  return typeof value === "string" && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : "";
}

export function filtersFromParams(params: Record<string, string | string[] | undefined>) {
  const q = params.q;
  return {
    q: typeof q === "string" ? q.slice(0, 500) : "",
    seenWithinDays: pick(params.seenWithinDays, SEEN),
    hasEmail: pick(params.hasEmail, ["true", "false"] as const),
    subscription: pick(params.subscription, ["subscribed", "unsubscribed"] as const),
  } satisfies ProfileFilters;
}

/** Only the filters that are set, for the URL and the API. */
export function filtersToParams(filters: ProfileFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    const text = key === "q" ? value.trim() : value;
    if (text) params.set(key, text);
  }
  return params;
}

export function isFiltered(filters: ProfileFilters): boolean {
  return filtersToParams(filters).size > 0;
}
