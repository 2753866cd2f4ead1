import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { asRecord } from "@/lib/db/json-record";
import { sqlTransaction } from "@/lib/db/sql";
import type { Member, Workspace } from "@/lib/generated/prisma/client";
import { displayName } from "@/lib/profiles/display-name";
import { notifyWorkers } from "@/lib/worker/run-worker";
import { assertContentValid } from "./check-content";
import { decideEmail, OUTBOX_NOTE } from "./email/email-policy";
import { EMAIL_DELIVERY_TASK } from "./email/email-task";
import { resolveResendApiKey } from "./email/resend-client";
import { isSuppressed } from "./email/suppression";
import { insertMessage, newMessageId } from "./insert-message";
import { messageContentSchema } from "./message-content";
import { previewScope, previewUnsubscribeLinks } from "./preview-message";
import { renderContent } from "./render-content";
import { type EnqueueMessageResult, enqueueMessage } from "./send-message";

export const testSendSchema = z.strictObject({
  content: messageContentSchema,
  /** Email: whose data fills the template (default: a sample). In-app: who receives it. */
  profileId: z.uuid().optional(),
});
export type TestSendInput = z.infer<typeof testSendSchema>;

/**
 * How the editor names the profile that receives an in-app test: "Ada
 * (ada@example.com)", never its id. 404 naming the field when the workspace
 * has no such profile.
 */
async function recipientName(workspaceId: string, profileId: string): Promise<string> {
  const profile = await prisma.profile.findFirst({
    where: { id: profileId, workspaceId },
    select: { userId: true, email: true, traits: true },
  });
  if (!profile) {
    throw new ApiError("not_found", "profileId: this workspace has no such profile.", {
      details: { issues: [{ field: "profileId", message: "No such profile in this workspace." }] },
    });
  }
  const name = displayName(asRecord(profile.traits));
  const id = profile.email ?? profile.userId;
  if (!name) return id ?? "an anonymous user";
  return id && id !== name ? `${name} (${id})` : name;
}

/** Test emails without a profile are stored under this id (no profile has it). */
export const TEST_PROFILE_ID = "00000000-0000-0000-0000-000000000000";

/**
 * A test send from the editor. Email goes to the signed-in member, never to
 * the profile (through the Outbox when no Resend key is set), with "[Test]"
 * in the subject and an unsubscribe link that unsubscribes nobody. In-app
 * goes to the chosen profile's inbox, as a real message would.
 */
export async function sendTestMessage(input: {
  workspace: Workspace;
  member: Member;
  test: TestSendInput;
}): Promise<EnqueueMessageResult & { to: string }> {
  const { workspace, member, test } = input;
  const idempotencyKey = `test:${randomUUID()}`;
  if (test.content.channel === "in_app") {
    if (!test.profileId) {
      throw new ApiError(
        "validation_failed",
        "profileId: choose a profile to receive the in-app test.",
        {
          details: {
            issues: [
              { field: "profileId", message: "Choose a profile to receive the in-app test." },
            ],
          },
        },
      );
    }
    const profileId = test.profileId;
    const to = await recipientName(workspace.id, profileId);
    const result = await sqlTransaction((tx) =>
      enqueueMessage(tx, {
        workspaceId: workspace.id,
        profileId,
        content: test.content,
        idempotencyKey,
        source: "test",
      }),
    );
    return { ...result, to };
  }

  assertContentValid(test.content);
  const id = newMessageId();
  const scope = await previewScope({
    workspaceId: workspace.id,
    content: test.content,
    profileId: test.profileId,
  });
  scope.message = { id, channel: "email" };
  const rendered = await renderContent(test.content, scope, {
    now: new Date(),
    workspaceName: workspace.name,
    unsubscribe: previewUnsubscribeLinks(),
  });
  if (rendered.channel !== "email")
    throw new Error("unreachable: email content rendered as in-app");
  const email = { ...rendered.email, subject: `[Test] ${rendered.email.subject}`, headers: {} };

  return sqlTransaction(async (tx) => {
    const decision = decideEmail({
      toAddress: member.email,
      suppressed: await isSuppressed(tx, workspace.id, member.email),
      unsubscribed: false,
      transactional: true,
      hasApiKey: resolveResendApiKey(workspace) !== null,
    });
    const reason = decision.status === "skipped" ? decision.reason : null;
    const stored = await insertMessage(
      tx,
      {
        id,
        workspaceId: workspace.id,
        profileId: test.profileId ?? TEST_PROFILE_ID,
        channel: "email",
        status: decision.status,
        idempotencyKey,
        source: "test",
        // Delivery must not check the profile's subscription: it goes to the member.
        transactional: true,
        toAddress: member.email,
        subject: email.subject,
        rendered: { channel: "email", email },
        error: reason,
      },
      {
        type: decision.status,
        data: reason
          ? { reason }
          : decision.status === "outbox"
            ? { note: OUTBOX_NOTE }
            : undefined,
      },
    );
    if (stored.status === "queued") await notifyWorkers(tx, EMAIL_DELIVERY_TASK);
    return { ...stored, to: member.email };
  });
}
