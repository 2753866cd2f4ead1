import "server-only";
import { ApiError, notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { MessageTemplate } from "@/lib/generated/prisma/client";
import { type MessageContent, messageContentSchema } from "../message-content";

export async function getTemplateOrThrow(input: {
  workspaceId: string;
  templateId: string;
}): Promise<MessageTemplate> {
  const template = await prisma.messageTemplate.findFirst({
    where: { id: input.templateId, workspaceId: input.workspaceId },
  });
  if (!template) throw notFound("Template");
  return template;
}

/** The stored content, re-validated: a template saved by an older version may no longer parse. */
export function templateContent(template: MessageTemplate): MessageContent {
  const parsed = messageContentSchema.safeParse(template.content);
  if (!parsed.success) {
    throw new ApiError(
      "validation_failed",
      `Template ${template.id} has invalid content; open and save it again.`,
    );
  }
  return parsed.data;
}
