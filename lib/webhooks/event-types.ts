// Every event type an endpoint can subscribe to. The database triggers
// (prisma/migrations/*_webhooks) write exactly these names; `webhook.test`
// is sent only by "Send test event" and needs no subscription.

export const WEBHOOK_EVENT_TYPES = [
  "message.queued",
  "message.sent",
  "message.delivered",
  "message.opened",
  "message.clicked",
  "message.bounced",
  "message.complained",
  "message.failed",
  "inbox.seen",
  "inbox.read",
  "inbox.clicked",
  "inbox.archived",
  "journey.entered",
  "journey.converted",
  "journey.exited",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const TEST_EVENT_TYPE = "webhook.test";

export const EVENT_TYPE_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "message.queued": "A message was created and waits for delivery (email).",
  "message.sent": "Email accepted by the provider; in-app item put in the inbox.",
  "message.delivered": "Email delivered to the mailbox; in-app item fetched by the user's client.",
  "message.opened": "Email opened.",
  "message.clicked": "A link in an email was clicked.",
  "message.bounced": "Email bounced (hard bounces also suppress the address).",
  "message.complained": "The recipient marked the email as spam.",
  "message.failed": "Delivery failed for good (retries exhausted or refused by the provider).",
  "inbox.seen": "An in-app item was seen.",
  "inbox.read": "An in-app item was read.",
  "inbox.clicked": "An in-app item's call to action was clicked.",
  "inbox.archived": "An in-app item was archived.",
  "journey.entered": "A profile entered a journey (a new run).",
  "journey.converted": "A run reached the journey's goal.",
  "journey.exited": "A run ended (data.status: completed, converted, filtered or exited).",
};
