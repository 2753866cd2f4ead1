import type { TemplateScope } from "@/lib/templates/template-scope";
import type { MessageContent } from "./message-content";
import { type RenderedEmail, renderEmail, type UnsubscribeLinks } from "./render-email";
import { type RenderedInApp, renderInApp } from "./render-in-app";

/** What Message.rendered holds: exactly what was (or would be) delivered. */
export type RenderedMessage =
  | { channel: "email"; email: RenderedEmail }
  | { channel: "in_app"; inApp: RenderedInApp };

export interface RenderOptions {
  now: Date;
  workspaceName: string;
  unsubscribe: UnsubscribeLinks | null;
  fieldPrefix?: string;
}

/** Renders authored content for one recipient; Liquid errors throw a 422 ApiError. */
export async function renderContent(
  content: MessageContent,
  scope: TemplateScope,
  options: RenderOptions,
): Promise<RenderedMessage> {
  switch (content.channel) {
    case "email":
      return {
        channel: "email",
        email: await renderEmail(content.email, scope, options),
      };
    case "in_app":
      return {
        channel: "in_app",
        inApp: await renderInApp(content.inApp, scope, options),
      };
    default: {
      const unknown: never = content;
      throw new Error(`Unknown channel: ${JSON.stringify(unknown)}`);
    }
  }
}
