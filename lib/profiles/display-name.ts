// Pure, so a send (send-test-message.ts) can use it without reaching the
// Users list's module, which reads the read replica.

/** A profile's name from its traits (`name`, or first and last name); null when it has none. */
export function displayName(traits: Record<string, unknown>): string | null {
  if (typeof traits.name === "string" && traits.name.trim()) return traits.name.trim();
  const full = [traits.firstName ?? traits.first_name, traits.lastName ?? traits.last_name]
    .filter((part): part is string => typeof part === "string" && part.trim() !== "")
    .join(" ");
  return full || null;
}
