import "server-only";
import { prisma } from "@/lib/db/client";
import type { EmailSettingsInput, EmailSettingsView } from "./email-settings-schema";
import { DEFAULT_EMAIL_FROM } from "./resend-client";

const hint = (key: string) => `re_…${key.slice(-4)}`;

export async function getEmailSettings(workspaceId: string): Promise<EmailSettingsView> {
  const workspace = await prisma.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { emailFrom: true, emailReplyTo: true, resendApiKey: true, emailRatePerSecond: true },
  });
  const own = workspace.resendApiKey?.trim() || null;
  const env = process.env.RESEND_API_KEY?.trim() || null;
  return {
    emailFrom: workspace.emailFrom,
    replyTo: workspace.emailReplyTo,
    defaultFrom: process.env.EMAIL_FROM?.trim() || DEFAULT_EMAIL_FROM,
    resendApiKey: own
      ? { source: "workspace", hint: hint(own) }
      : env
        ? { source: "environment", hint: hint(env) }
        : { source: null, hint: null },
    ratePerSecond: workspace.emailRatePerSecond,
  };
}

/** Saves the fields present in the input; absent fields keep their value. */
export async function saveEmailSettings(
  workspaceId: string,
  input: EmailSettingsInput,
): Promise<EmailSettingsView> {
  await prisma.workspace.update({
    where: { id: workspaceId },
    data: {
      ...(input.emailFrom !== undefined && { emailFrom: input.emailFrom }),
      ...(input.replyTo !== undefined && { emailReplyTo: input.replyTo }),
      ...(input.resendApiKey !== undefined && { resendApiKey: input.resendApiKey }),
      ...(input.ratePerSecond !== undefined && { emailRatePerSecond: input.ratePerSecond }),
    },
  });
  return getEmailSettings(workspaceId);
}
