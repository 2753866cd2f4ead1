import "server-only";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertContentValid } from "../check-content";
import type { TemplateInput } from "./template-schemas";
import { type TemplateView, toTemplateView } from "./template-view";

// Saving is where Liquid errors surface: a template that does not parse is
// refused with field, line and column, so nothing unsendable is ever stored.

export async function createTemplate(input: {
  workspaceId: string;
  template: TemplateInput;
}): Promise<TemplateView> {
  assertContentValid(input.template.content);
  const row = await prisma.messageTemplate.create({
    data: {
      workspaceId: input.workspaceId,
      name: input.template.name,
      channel: input.template.content.channel,
      content: input.template.content as Prisma.InputJsonValue,
    },
  });
  return toTemplateView(row);
}

export async function updateTemplate(input: {
  workspaceId: string;
  templateId: string;
  template: TemplateInput;
}): Promise<TemplateView> {
  assertContentValid(input.template.content);
  const { count } = await prisma.messageTemplate.updateMany({
    where: { id: input.templateId, workspaceId: input.workspaceId },
    data: {
      name: input.template.name,
      channel: input.template.content.channel,
      content: input.template.content as Prisma.InputJsonValue,
    },
  });
  if (count === 0) throw notFound("Template");
  const row = await prisma.messageTemplate.findFirstOrThrow({
    where: { id: input.templateId, workspaceId: input.workspaceId },
  });
  return toTemplateView(row);
}

export async function deleteTemplate(input: {
  workspaceId: string;
  templateId: string;
}): Promise<void> {
  const { count } = await prisma.messageTemplate.deleteMany({
    where: { id: input.templateId, workspaceId: input.workspaceId },
  });
  if (count === 0) throw notFound("Template");
}
