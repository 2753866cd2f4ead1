import type { MessageTemplate } from "@/lib/generated/prisma/client";

export interface TemplateView {
  id: string;
  name: string;
  channel: MessageTemplate["channel"];
  /** The authored MessageContent ({ channel, email } or { channel, inApp }). */
  content: unknown;
  createdAt: string;
  updatedAt: string;
}

export function toTemplateView(row: MessageTemplate): TemplateView {
  return {
    id: row.id,
    name: row.name,
    channel: row.channel,
    content: row.content,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
