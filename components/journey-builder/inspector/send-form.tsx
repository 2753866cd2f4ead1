"use client";

import { useState } from "react";
import { MessageEditor } from "@/components/message-editor/message-editor";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/modal-dialog";
import type { MessageContent } from "@/lib/channels/message-content";
import { newNode } from "@/lib/journey-builder/new-node";
import type { NodeOfType } from "@/lib/journey-core/definition";
import type { JourneyIssue } from "@/lib/journey-core/validate-journey";
import type { Update } from "./node-forms";
import { liquidVariables, useVocabulary } from "./vocabulary";

type SendNode = NodeOfType<"send_email" | "send_inapp">;

/** The node's content as the message editor takes it, with defaults for a half-written draft. */
function contentOf(node: SendNode): MessageContent {
  if (node.type === "send_email") {
    const defaults = newNode("send_email", node.id) as NodeOfType<"send_email">;
    return { channel: "email", email: { ...defaults.content, ...node.content } };
  }
  const defaults = newNode("send_inapp", node.id) as NodeOfType<"send_inapp">;
  return { channel: "in_app", inApp: { ...defaults.content, ...node.content } };
}

/** Journey issues on `content.x` become the editor's `email.x` / `inApp.x` field errors. */
function fieldIssues(node: SendNode, issues: readonly JourneyIssue[]) {
  const prefix = node.type === "send_email" ? "email" : "inApp";
  const out: Record<string, { message: string }> = {};
  for (const issue of issues) {
    const field = issue.field?.match(/^content\.(.+)$/)?.[1];
    if (field) out[`${prefix}.${field}`] ??= { message: issue.humanMessage };
  }
  return out;
}

export function SendForm({
  node,
  update,
  readOnly,
  workspaceId,
  issues,
}: {
  node: SendNode;
  update: Update<SendNode>;
  readOnly: boolean;
  workspaceId: string;
  issues: readonly JourneyIssue[];
}) {
  const [open, setOpen] = useState(false);
  const vocabulary = useVocabulary();
  const content = contentOf(node);
  const channel = content.channel;
  const headline = content.channel === "email" ? content.email.subject : content.inApp.title;
  const body = content.channel === "email" ? content.email.body : content.inApp.body;
  const onChange = (next: MessageContent) => {
    if (next.channel === "email" && node.type === "send_email") {
      update({ ...node, content: next.email }, "content");
    } else if (next.channel === "in_app" && node.type === "send_inapp") {
      update({ ...node, content: next.inApp }, "content");
    }
  };
  return (
    <div className="space-y-3">
      <div className="rounded-md border border-slate-200 bg-slate-50 p-2 text-sm">
        <p className="font-medium">{headline || "No title yet"}</p>
        <p className="mt-1 line-clamp-4 whitespace-pre-wrap text-xs text-slate-600">
          {body || "No body yet"}
        </p>
      </div>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {readOnly ? "View message" : "Edit message"}
      </Button>
      <ModalDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`${channel === "email" ? "Email" : "In-app message"}${node.label ? `: ${node.label}` : ""}`}
        description="Changes apply to the journey draft as you type; the preview renders for a real profile."
        className="max-w-6xl"
      >
        <MessageEditor
          workspaceId={workspaceId}
          value={content}
          onChange={onChange}
          readOnly={readOnly}
          issues={fieldIssues(node, issues)}
          variables={liquidVariables(vocabulary, channel)}
        />
        <div className="mt-4 flex justify-end">
          <Button onClick={() => setOpen(false)}>Done</Button>
        </div>
      </ModalDialog>
    </div>
  );
}
