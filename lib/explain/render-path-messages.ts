import "server-only";
import { ApiError } from "@/lib/api/errors";
import { previewUnsubscribeLinks } from "@/lib/channels/preview-message";
import { renderContent } from "@/lib/channels/render-content";
import { renderWebhookBody } from "@/lib/channels/render-webhook-body";
import { maskedHeaders, SIGNATURE_HEADERS_NOTE } from "@/lib/journey-core/webhook-step";
import { buildTemplateScope } from "@/lib/templates/template-scope";
import type { PendingMessage, PendingWebhook } from "./describe-path";
import type { PathMessage, PathWebhook } from "./explain-types";
import type { ExplainProfile } from "./load-profile-history";

// Renders each message of a walked path the way the channel renders it at
// send time (Liquid with the profile's real traits and the trigger event's
// properties), with links that unsubscribe nobody. A Liquid error is that
// message's failure, reported with its field, not the whole answer's.

export interface RenderContext {
  workspaceName: string;
  profile: ExplainProfile;
  journey: { id: string; name: string };
}

function issuesOf(error: ApiError): { field: string; message: string }[] {
  const issues = (error.details as { issues?: { field: string; message: string }[] } | undefined)
    ?.issues;
  return (issues ?? []).map((i) => ({ field: i.field, message: i.message }));
}

export async function renderPathMessage(
  message: PendingMessage,
  context: RenderContext,
): Promise<PathMessage> {
  const base = {
    at: message.at.toISOString(),
    nodeId: message.nodeId,
    label: message.label,
    channel: message.content.channel,
  };
  const links = message.content.channel === "email" ? previewUnsubscribeLinks() : null;
  const scope = buildTemplateScope({
    profile: context.profile.scope,
    eventProperties: message.eventProperties,
    journey: context.journey,
    message: { id: "preview", channel: message.content.channel },
    unsubscribeUrl: links?.pageUrl,
  });
  try {
    const rendered = await renderContent(message.content, scope, {
      now: message.at,
      workspaceName: context.workspaceName,
      unsubscribe: links,
    });
    return { ...base, rendered, error: null };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { ...base, rendered: null, error: { message: error.message, issues: issuesOf(error) } };
  }
}

export async function renderPathMessages(
  messages: readonly PendingMessage[],
  context: RenderContext,
): Promise<PathMessage[]> {
  const out: PathMessage[] = [];
  for (const message of messages) out.push(await renderPathMessage(message, context));
  return out;
}

/** The exact request of each webhook step on the path: headers masked, body rendered. */
export async function renderPathWebhooks(
  webhooks: readonly PendingWebhook[],
  context: RenderContext,
): Promise<PathWebhook[]> {
  const out: PathWebhook[] = [];
  for (const webhook of webhooks) {
    const { request } = webhook.effect;
    const rendered = await renderWebhookBody(webhook.effect, {
      eventProperties: webhook.eventProperties,
      journey: context.journey,
      id: "preview",
    });
    out.push({
      at: webhook.at.toISOString(),
      nodeId: webhook.nodeId,
      label: webhook.label,
      method: request.method,
      url: request.url,
      headers: [
        ...maskedHeaders(request),
        { name: "Idempotency-Key", value: webhook.effect.idempotencyKey },
        ...SIGNATURE_HEADERS_NOTE,
      ],
      body: rendered.ok ? rendered.body : null,
      error: rendered.ok ? null : rendered.error,
      assumed: true,
    });
  }
  return out;
}
