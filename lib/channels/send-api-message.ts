import "server-only";
import { sql, sqlTransaction } from "@/lib/db/sql";
import { findProfileIdOrThrow } from "@/lib/profiles/find-profile";
import { topicOptOutNow } from "@/lib/topics/topic-opt-out-now";
import { findMessageByKey } from "./insert-message";
import { type EnqueueMessageResult, enqueueMessage } from "./send-message";
import type { SendMessageInput } from "./send-message-schema";
import { getTemplateOrThrow, templateContent } from "./templates/get-template-or-throw";

/**
 * Sends a template or inline content to one profile for a system calling
 * the API. Idempotent on the caller's key: the same key returns the first
 * message and sends nothing, even if the template changed or was deleted.
 * Caller keys live under "api:" so they never meet the engine's keys.
 *
 * Topic preferences apply as in journeys: content naming a topic the
 * recipient opted out of on its channel is stored "skipped" with the reason
 * (and answered so), unless the topic cannot be unsubscribed from.
 */
export async function sendApiMessage(input: {
  workspaceId: string;
  request: SendMessageInput;
}): Promise<EnqueueMessageResult> {
  const { workspaceId, request } = input;
  const idempotencyKey = `api:${request.idempotencyKey}`;
  const profileId = await findProfileIdOrThrow({ workspaceId, identifier: request.userId });
  const earlier = await findMessageByKey(sql, workspaceId, idempotencyKey);
  if (earlier) return earlier;

  const template = request.templateId
    ? await getTemplateOrThrow({ workspaceId, templateId: request.templateId })
    : null;
  const content = template ? templateContent(template) : request.content;
  if (!content) throw new Error("unreachable: the schema requires templateId or content");
  const optOut = await topicOptOutNow({ workspaceId, profileId, content });
  return sqlTransaction((tx) =>
    enqueueMessage(tx, {
      workspaceId,
      profileId,
      content,
      idempotencyKey,
      source: "api",
      templateId: template?.id,
      eventProperties: request.data,
      skipReason: optOut?.reason,
    }),
  );
}
