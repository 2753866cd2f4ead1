import type { WebhookEffect } from "@/lib/journey-core/run-state";
import { buildTemplateScope } from "@/lib/templates/template-scope";
import { renderLiquidJson } from "./liquid-modes";

// A webhook step's body for one profile: Liquid with the profile as the
// step saw it and the trigger event's properties, each value JSON-escaped.
// The engine renders it when it queues the request; preview-as-user renders
// it the same way to show the exact request.

export async function renderWebhookBody(
  effect: Pick<WebhookEffect, "request" | "profile">,
  extra: { eventProperties?: unknown; journey?: { id: string; name: string } | null; id: string },
): Promise<{ ok: true; body: string } | { ok: false; error: string }> {
  const template = effect.request.bodyTemplate;
  if (template === null) return { ok: true, body: "" };
  const scope = buildTemplateScope({
    profile: effect.profile,
    eventProperties: extra.eventProperties,
    journey: extra.journey ?? null,
    message: { id: extra.id, channel: "webhook" },
  });
  try {
    return { ok: true, body: await renderLiquidJson(template, scope) };
  } catch (error) {
    return { ok: false, error: `The body did not render: ${(error as Error).message}` };
  }
}
