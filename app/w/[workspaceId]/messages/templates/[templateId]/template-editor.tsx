"use client";

import { useId, useState } from "react";
import { apiIssues, localIssues } from "@/components/message-editor/content-issues";
import { MessageEditor } from "@/components/message-editor/message-editor";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { MessageContent } from "@/lib/channels/message-content";
import { templateInputSchema } from "@/lib/channels/templates/template-schemas";
import { ApiClientError } from "@/lib/query/fetch-json";
import { useSaveTemplateMutation } from "./use-save-template-mutation";

export function TemplateEditor({
  workspaceId,
  templateId,
  initialName,
  initialContent,
  readOnly,
}: {
  workspaceId: string;
  templateId: string;
  initialName: string;
  initialContent: MessageContent;
  readOnly: boolean;
}) {
  const id = useId();
  const [name, setName] = useState(initialName);
  const [content, setContent] = useState(initialContent);
  const [nameError, setNameError] = useState<string>();
  const [saved, setSaved] = useState(true);
  const save = useSaveTemplateMutation(workspaceId, templateId);
  const saveIssues = apiIssues(save.error);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = templateInputSchema.safeParse({ name, content });
    if (!parsed.success) {
      const issue = parsed.error.issues.find((i) => i.path[0] === "name");
      setNameError(issue?.message);
      if (!issue && Object.keys(localIssues(content)).length === 0)
        setNameError("Check the fields.");
      return;
    }
    setNameError(undefined);
    save.mutate(parsed.data, { onSuccess: () => setSaved(true), onError: () => setSaved(false) });
  };

  const serverNameError =
    save.error instanceof ApiClientError ? save.error.fieldErrors.name : undefined;

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      <div className="flex flex-wrap items-end gap-4">
        <div className="min-w-72 flex-1">
          <Field
            id={`${id}-name`}
            label="Template name"
            value={name}
            readOnly={readOnly}
            error={nameError ?? serverNameError}
            onChange={(e) => {
              setName(e.target.value);
              setSaved(false);
              if (save.error) save.reset();
            }}
          />
        </div>
        <p className="pb-2 text-sm text-slate-600">
          {content.channel === "email" ? "Email" : "In-app message"}
        </p>
        {readOnly ? null : (
          <div className="flex items-center gap-3 pb-0.5">
            <p aria-live="polite" className="text-sm text-slate-500">
              {save.isPending ? "Saving…" : save.isSuccess && saved ? "Saved" : ""}
            </p>
            <Button type="submit" disabled={save.isPending}>
              Save template
            </Button>
          </div>
        )}
      </div>
      {save.error ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          Not saved: {save.error.message}
        </p>
      ) : null}
      <MessageEditor
        workspaceId={workspaceId}
        value={content}
        readOnly={readOnly}
        issues={saveIssues}
        onChange={(next) => {
          setContent(next);
          setSaved(false);
          if (save.error) save.reset();
        }}
      />
    </form>
  );
}
