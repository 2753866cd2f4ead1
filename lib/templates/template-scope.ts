// What a message template can see. Kept small and explicit: no member data,
// no keys, nothing from other profiles.
export interface TemplateScope {
  profile: { id: string; email: string | null; traits: Record<string, unknown> };
  event: Record<string, unknown>;
  journey: { id: string; name: string } | null;
  message: { id: string; channel: string };
  unsubscribe_url: string;
}

export function buildTemplateScope(input: {
  profile: { id: string; userId?: string | null; email: string | null; traits: unknown };
  eventProperties?: unknown;
  journey?: { id: string; name: string } | null;
  message: { id: string; channel: string };
  unsubscribeUrl?: string;
}): TemplateScope {
  return {
    profile: {
      id: input.profile.userId ?? input.profile.id,
      email: input.profile.email,
      traits: asRecord(input.profile.traits),
    },
    event: asRecord(input.eventProperties),
    journey: input.journey ?? null,
    message: input.message,
    unsubscribe_url: input.unsubscribeUrl ?? "",
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
