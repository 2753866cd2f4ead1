import "server-only";
import { z } from "zod";
import { ApiError, notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { buildTemplateScope, type TemplateScope } from "@/lib/templates/template-scope";
import { assertContentValid } from "./check-content";
import { type MessageContent, messageContentSchema } from "./message-content";
import { type RenderedMessage, renderContent } from "./render-content";
import type { UnsubscribeLinks } from "./render-email";
import { publicBaseUrl } from "./unsubscribe-token";

/** What a template sees when the editor has no real profile to preview with. */
const sampleSchema = z.strictObject({
  profile: z
    .strictObject({
      id: z.string().max(200).optional(),
      email: z.string().max(320).nullable().optional(),
      traits: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
  event: z.record(z.string(), z.unknown()).optional(),
  journey: z.strictObject({ id: z.string(), name: z.string() }).nullable().optional(),
});

export const previewSchema = z.strictObject({
  content: messageContentSchema,
  profileId: z.uuid().optional(),
  /** The sample scope as an object, or as the JSON text typed into the editor. */
  sampleJson: z.union([z.string().max(100_000), sampleSchema]).optional(),
});
export type PreviewInput = z.infer<typeof previewSchema>;

export const SAMPLE_PROFILE = {
  id: "sample-user",
  email: "sample@example.com",
  traits: { name: "Sam Sample", plan: "pro" },
};

/** Previews and test sends carry a link that shows the page but unsubscribes nobody. */
export function previewUnsubscribeLinks(): UnsubscribeLinks {
  const base = publicBaseUrl();
  return { pageUrl: `${base}/unsubscribe/preview`, oneClickUrl: `${base}/api/unsubscribe/preview` };
}

/** The scope for a preview or test: a real profile of the workspace, or the sample. */
export async function previewScope(input: {
  workspaceId: string;
  content: MessageContent;
  profileId?: string;
  sampleJson?: PreviewInput["sampleJson"];
}): Promise<TemplateScope> {
  const sample = parseSample(input.sampleJson);
  const message = { id: "preview", channel: input.content.channel };
  const unsubscribeUrl = previewUnsubscribeLinks().pageUrl;
  if (input.profileId) {
    const profile = await prisma.profile.findFirst({
      where: { id: input.profileId, workspaceId: input.workspaceId },
      select: { id: true, userId: true, email: true, traits: true },
    });
    if (!profile) throw notFound("Profile");
    return buildTemplateScope({
      profile,
      eventProperties: sample?.event,
      journey: sample?.journey,
      message,
      unsubscribeUrl,
    });
  }
  const profile = {
    id: sample?.profile?.id ?? SAMPLE_PROFILE.id,
    email: sample?.profile?.email === undefined ? SAMPLE_PROFILE.email : sample.profile.email,
    traits: sample?.profile?.traits ?? SAMPLE_PROFILE.traits,
  };
  return buildTemplateScope({
    profile,
    eventProperties: sample?.event,
    journey: sample?.journey,
    message,
    unsubscribeUrl,
  });
}

/** Renders content for the editor without storing or sending anything. */
export async function previewMessage(input: {
  workspaceId: string;
  workspaceName: string;
  preview: PreviewInput;
}): Promise<RenderedMessage> {
  const { content } = input.preview;
  assertContentValid(content);
  const scope = await previewScope({
    workspaceId: input.workspaceId,
    content,
    profileId: input.preview.profileId,
    sampleJson: input.preview.sampleJson,
  });
  return renderContent(content, scope, {
    now: new Date(),
    workspaceName: input.workspaceName,
    unsubscribe: previewUnsubscribeLinks(),
  });
}

function parseSample(value: PreviewInput["sampleJson"]): z.infer<typeof sampleSchema> | undefined {
  if (value === undefined) return undefined;
  let raw: unknown = value;
  if (typeof value === "string") {
    if (value.trim() === "") return undefined;
    try {
      raw = JSON.parse(value);
    } catch {
      throw new ApiError("validation_failed", "sampleJson: not valid JSON.", {
        details: { issues: [{ field: "sampleJson", message: "Not valid JSON." }] },
      });
    }
  }
  const parsed = sampleSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = ["sampleJson", ...(issue?.path ?? []).map(String)].join(".");
    throw new ApiError("validation_failed", `${field}: ${issue?.message ?? "invalid"}`, {
      details: {
        issues: parsed.error.issues.map((i) => ({
          field: ["sampleJson", ...i.path.map(String)].join("."),
          message: i.message,
        })),
      },
    });
  }
  return parsed.data;
}
