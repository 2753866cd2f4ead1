import type { MessageStatus } from "@/lib/generated/prisma/client";

// How a Resend webhook event changes a message. Pure and table-driven.
//
// Status only moves forward: a late "delivered" after "opened" is recorded
// in the timeline but leaves the status at "opened". Provider failures
// (bounce, complaint, failed) outrank everything, and "failed" set by our
// own retries ranks low, so a late "delivered" proves it went out after all.

export const STATUS_RANK: Record<MessageStatus, number> = {
  queued: 0,
  outbox: 0,
  skipped: 0,
  sending: 1,
  failed: 1,
  sent: 2,
  delivery_delayed: 3,
  delivered: 4,
  // In-app messages follow their inbox item (lib/inbox): seen, read, clicked, archived.
  seen: 4.5,
  opened: 5,
  read: 5,
  clicked: 6,
  archived: 6.5,
  bounced: 7,
  complained: 8,
};

export interface WebhookEventInput {
  type: string;
  data?: Record<string, unknown>;
}

export type WebhookEffect =
  | {
      kind: "apply";
      /** MessageEvent.type */
      eventType: string;
      status: MessageStatus;
      /** Rank of this event; the status changes only if it beats the current one. */
      rank: number;
      /** Put the recipient on the workspace's suppression list, with this reason. */
      suppress?: string;
      /** Message.error for provider failures. */
      error?: string;
    }
  | { kind: "ignore"; reason: string };

type Rule = (data: Record<string, unknown>) => WebhookEffect;

const simple =
  (status: MessageStatus): Rule =>
  () => ({ kind: "apply", eventType: status, status, rank: STATUS_RANK[status] });

const RULES: Record<string, Rule> = {
  "email.sent": () => ({
    kind: "apply",
    eventType: "provider_sent",
    status: "sent",
    rank: STATUS_RANK.sent,
  }),
  "email.delivered": simple("delivered"),
  "email.delivery_delayed": simple("delivery_delayed"),
  "email.opened": simple("opened"),
  "email.clicked": simple("clicked"),
  "email.complained": () => ({
    kind: "apply",
    eventType: "complained",
    status: "complained",
    rank: STATUS_RANK.complained,
    suppress: "complaint",
  }),
  "email.bounced": (data) => {
    const bounce = asRecord(data.bounce);
    const hard = isHardBounce(bounce.type);
    const message = typeof bounce.message === "string" ? bounce.message : undefined;
    return {
      kind: "apply",
      eventType: "bounced",
      status: "bounced",
      rank: STATUS_RANK.bounced,
      suppress: hard ? "hard_bounce" : undefined,
      error: message ? `Bounced: ${message}` : "Bounced.",
    };
  },
  "email.failed": (data) => ({
    kind: "apply",
    eventType: "failed",
    status: "failed",
    rank: STATUS_RANK.bounced,
    error: `Resend failed to send it: ${stringOr(asRecord(data.failed).reason, "no reason given")}`,
  }),
  // Resend refused because the address is on Resend's own suppression list.
  "email.suppressed": (data) => ({
    kind: "apply",
    eventType: "failed",
    status: "failed",
    rank: STATUS_RANK.bounced,
    suppress: "provider_suppressed",
    error: `Suppressed by Resend: ${stringOr(asRecord(data.suppressed).message, "the address is on Resend's suppression list")}`,
  }),
};

export function webhookEffect(event: WebhookEventInput): WebhookEffect {
  const rule = Object.hasOwn(RULES, event.type) ? RULES[event.type] : undefined;
  if (!rule) return { kind: "ignore", reason: `Event type ${event.type} is not handled.` };
  return rule(event.data ?? {});
}

/**
 * Resend's bounce.type follows SES: "Permanent" (hard), "Transient" or
 * "Undetermined" (soft). A bounce without a type is treated as hard, since
 * Resend documents email.bounced as a permanent rejection.
 */
export function isHardBounce(type: unknown): boolean {
  if (typeof type !== "string" || type.trim() === "") return true;
  return /permanent|hard/i.test(type);
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" && value ? value : fallback;
}
