// Whether an email may go out, decided from facts gathered by the caller.
// Pure, so the order of the rules is visible and tested in one place.

export type EmailDecision = { status: "queued" | "outbox" } | { status: "skipped"; reason: string };

export interface EmailFacts {
  toAddress: string | null;
  /** The address is on the workspace's suppression list (hard bounce, complaint). */
  suppressed: boolean;
  /** The profile unsubscribed from marketing email. */
  unsubscribed: boolean;
  transactional: boolean;
  /** A Resend key is configured (workspace or RESEND_API_KEY). */
  hasApiKey: boolean;
}

export function decideEmail(facts: EmailFacts): EmailDecision {
  if (!facts.toAddress) return { status: "skipped", reason: "The profile has no email address." };
  // Suppression wins even for transactional mail: the address bounced hard
  // or complained, and sending again only hurts deliverability.
  if (facts.suppressed) {
    return { status: "skipped", reason: `${facts.toAddress} is on the suppression list.` };
  }
  if (facts.unsubscribed && !facts.transactional) {
    return { status: "skipped", reason: "The profile unsubscribed from marketing email." };
  }
  return { status: facts.hasApiKey ? "queued" : "outbox" };
}

export const OUTBOX_NOTE =
  "Not sent: no Resend API key is configured (workspace settings or RESEND_API_KEY). Kept in the Outbox.";
