import type { MessageSummary } from "./list-messages";
import {
  LIFECYCLE_STEPS,
  type MessageDetailView,
  type MessageLifecycle,
  type MessageView,
} from "./message-view-schema";

// The secret-key API's view of a message (message-view-schema.ts): the row's
// fields plus its lifecycle, read from its timeline (message_events). Pure,
// so the single message and the list build it the same way.

export interface TimelineEvent {
  type: string;
  at: string;
}

/** The first time each event type was recorded. */
export function firstTimes(events: readonly TimelineEvent[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const event of events) {
    const seen = first.get(event.type);
    if (seen === undefined || event.at < seen) first.set(event.type, event.at);
  }
  return first;
}

export function toLifecycle(
  message: Pick<MessageSummary, "createdAt" | "sentAt">,
  first: ReadonlyMap<string, string>,
): MessageLifecycle {
  const at = (step: string) => first.get(step) ?? null;
  const lifecycle = { queuedAt: message.createdAt } as MessageLifecycle;
  for (const step of LIFECYCLE_STEPS) lifecycle[`${step}At`] = at(step);
  // Resend's own "email.sent" is recorded as provider_sent; the row's sentAt wins.
  lifecycle.sentAt = message.sentAt ?? at("sent") ?? at("provider_sent");
  return lifecycle;
}

export function toMessageView(
  message: MessageSummary,
  first: ReadonlyMap<string, string>,
): MessageView {
  return {
    id: message.id,
    channel: message.channel,
    status: message.status,
    source: message.source,
    userId: message.profile?.userId ?? null,
    profileId: message.profileId,
    templateId: message.templateId,
    journeyId: message.journeyId,
    runId: message.runId,
    nodeId: message.nodeId,
    to: message.toAddress,
    subject: message.subject,
    transactional: message.transactional,
    providerId: message.providerId,
    error: message.error,
    attempts: message.attempts,
    nextAttemptAt: message.nextAttemptAt,
    lifecycle: toLifecycle(message, first),
    createdAt: message.createdAt,
    updatedAt: message.updatedAt,
  };
}

export function toMessageDetailView(
  message: MessageSummary & {
    rendered: unknown;
    events: { type: string; at: string; data: unknown }[];
  },
): MessageDetailView {
  return {
    ...toMessageView(message, firstTimes(message.events)),
    rendered: message.rendered,
    events: message.events.map(({ type, at, data }) => ({ type, at, data: data ?? null })),
  };
}
