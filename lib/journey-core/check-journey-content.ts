// Liquid syntax in send nodes, checked when a journey is validated, so a
// broken `{{` blocks publishing instead of failing every send later. The
// channel's own checker is the one source of truth; this only maps its
// field names (`content.email.subject`) onto the node (`content.subject`).

import { contentIssues } from "@/lib/channels/check-content";
import type { MessageContent } from "@/lib/channels/message-content";
import { checkTemplates } from "@/lib/templates/render-liquid";
import type { JourneyIssue } from "./check-journey-graph";
import type { JourneyDefinition } from "./definition";
import { stepRef } from "./describe-step";

export function checkJourneyContent(definition: JourneyDefinition): JourneyIssue[] {
  return definition.nodes.flatMap((node) => {
    if (node.type === "send_webhook") {
      if (!node.body) return [];
      return checkTemplates({ body: node.body }).map((issue) => ({
        nodeId: node.id,
        field: "body",
        code: "liquid_syntax",
        message: `Node "${node.id}" body line ${issue.line}, column ${issue.column}: ${issue.message}`,
        humanMessage: `Fix the personalization in the body of ${stepRef(node, definition.nodes)}, line ${issue.line}: ${issue.message}`,
      }));
    }
    let content: MessageContent;
    if (node.type === "send_email") content = { channel: "email", email: node.content };
    else if (node.type === "send_inapp") content = { channel: "in_app", inApp: node.content };
    else return [];
    return contentIssues(content, "content").map((issue) => {
      const field = issue.field.replace(/^content\.(email|inApp)\./, "content.");
      return {
        nodeId: node.id,
        field,
        code: "liquid_syntax",
        message: `Node "${node.id}" ${field} line ${issue.line}, column ${issue.column}: ${issue.message}`,
        humanMessage: `Fix the personalization in the ${field
          .replace(/^content\./, "")
          .replace(/([A-Z])/g, " $1")
          .toLowerCase()} of ${stepRef(node, definition.nodes)}, line ${issue.line}: ${issue.message}`,
      };
    });
  });
}
