"use client";

import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { useDebouncedValue } from "@/components/data/use-debounced-value";
import { Button } from "@/components/ui/button";
import type { MessageContent } from "@/lib/channels/message-content";
import type { RenderedMessage } from "@/lib/channels/render-content";
import { apiIssues, type FieldIssues, issueText, localIssues } from "./content-issues";
import { EmailFields } from "./email-fields";
import { InAppFields } from "./in-app-fields";
import { type PickedProfile, ProfilePicker, profileLabel } from "./profile-picker";
import { RenderedPreview } from "./rendered-preview";
import { TopicSelect } from "./topic-select";
import { usePreviewQuery } from "./use-preview-query";
import { useTestSendMutation } from "./use-test-send-mutation";

/**
 * Edits one message's content, with a live preview beside it (for a real
 * profile or sample JSON) and a test send. The journey builder embeds it too.
 */
export function MessageEditor({
  workspaceId,
  value,
  onChange,
  readOnly,
  issues: outerIssues = {},
  variables,
}: {
  workspaceId: string;
  value: MessageContent;
  onChange: (value: MessageContent) => void;
  readOnly?: boolean;
  /** Errors found elsewhere (e.g. when saving), keyed like `email.body`. */
  issues?: FieldIssues;
  /** Liquid variables to suggest after `{{` (known trait and property keys). */
  variables?: readonly string[];
}) {
  const id = useId();
  const [profile, setProfile] = useState<PickedProfile | null>(null);
  const [sampleJson, setSampleJson] = useState("");
  const content = useDebouncedValue(value, 400);
  const sample = useDebouncedValue(sampleJson, 400);
  const local = localIssues(content);
  const target = profile ? { profileId: profile.id } : sample.trim() ? { sampleJson: sample } : {};
  const preview = usePreviewQuery({
    workspaceId,
    content,
    target,
    enabled: Object.keys(local).length === 0,
  });
  // While the content has errors, the last good render stays on screen, dimmed.
  const [lastGood, setLastGood] = useState<RenderedMessage>();
  useEffect(() => {
    if (preview.data && preview.isSuccess && !preview.isPlaceholderData) setLastGood(preview.data);
  }, [preview.data, preview.isSuccess, preview.isPlaceholderData]);
  const shown = preview.data ?? lastGood;
  const stale = preview.isPlaceholderData || preview.isError || Object.keys(local).length > 0;
  const testSend = useTestSendMutation(workspaceId);
  const [pickerError, setPickerError] = useState<string>();
  const issues: FieldIssues = { ...outerIssues, ...local, ...apiIssues(preview.error) };
  const fieldNames = new Set(Object.keys(issues));
  const otherError =
    preview.error && !fieldNames.size
      ? preview.error.message
      : issues.sampleJson
        ? issueText(issues.sampleJson)
        : null;

  const sendTest = () => {
    setPickerError(undefined);
    if (value.channel === "in_app" && !profile) {
      setPickerError("Choose the profile that should receive the in-app test.");
      return;
    }
    testSend.mutate({ content: value, profileId: profile?.id });
  };

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
      <section aria-label="Content" className="space-y-4">
        {value.channel === "email" ? (
          <EmailFields
            id={id}
            value={value.email}
            issues={issues}
            readOnly={readOnly}
            variables={variables}
            onChange={(email) => onChange({ channel: "email", email })}
          />
        ) : (
          <InAppFields
            id={id}
            value={value.inApp}
            issues={issues}
            readOnly={readOnly}
            variables={variables}
            onChange={(inApp) => onChange({ channel: "in_app", inApp })}
          />
        )}
        <TopicSelect
          id={id}
          workspaceId={workspaceId}
          value={value}
          onChange={onChange}
          readOnly={readOnly}
        />
      </section>

      <section
        aria-label="Preview"
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <div className="flex items-center justify-between gap-2">
          <h2 className="text-base font-semibold">Preview</h2>
          <p aria-live="polite" className="text-xs text-slate-500">
            {preview.isFetching ? "Rendering…" : ""}
          </p>
        </div>
        <ProfilePicker
          workspaceId={workspaceId}
          value={profile}
          onChange={(p) => {
            setProfile(p);
            setPickerError(undefined);
          }}
          error={pickerError}
        />
        {profile ? null : (
          <details className="text-sm">
            <summary className="cursor-pointer text-slate-600">Sample data (JSON)</summary>
            <textarea
              aria-label="Sample data (JSON)"
              rows={5}
              value={sampleJson}
              onChange={(e) => setSampleJson(e.target.value)}
              placeholder={
                '{ "profile": { "traits": { "name": "Ada" } }, "event": { "total": 42 } }'
              }
              className="mt-2 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
            />
          </details>
        )}
        {otherError ? (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
            {otherError}
          </p>
        ) : null}
        {Object.keys(issues).length > 0 && !otherError ? (
          <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            Fix the highlighted fields to update the preview.
          </p>
        ) : null}
        <div className={stale ? "opacity-50" : ""}>
          {shown ? (
            <RenderedPreview rendered={shown} />
          ) : preview.isPending && !Object.keys(local).length ? (
            <p className="text-sm text-slate-500">Rendering the preview…</p>
          ) : (
            <p className="text-sm text-slate-500">
              Fill in the fields on the left to see a preview.
            </p>
          )}
        </div>
        {readOnly ? null : (
          <div className="space-y-2 border-t border-slate-200 pt-4">
            <div className="flex flex-wrap items-center gap-3">
              <Button variant="secondary" onClick={sendTest} disabled={testSend.isPending}>
                {testSend.isPending ? "Sending…" : "Send test"}
              </Button>
              <p className="text-xs text-slate-500">
                {value.channel === "email"
                  ? "Emails you (the signed-in member), filled with the profile above or sample data."
                  : profile
                    ? `Puts it in ${profileLabel(profile)}'s inbox, live in their app.`
                    : "Choose a profile above: it receives the message in its inbox."}
              </p>
            </div>
            <TestSendResult workspaceId={workspaceId} mutation={testSend} />
          </div>
        )}
      </section>
    </div>
  );
}

function TestSendResult({
  workspaceId,
  mutation,
}: {
  workspaceId: string;
  mutation: ReturnType<typeof useTestSendMutation>;
}) {
  if (mutation.error) {
    return (
      <p role="alert" className="text-sm text-red-600">
        Test not sent: {mutation.error.message}
      </p>
    );
  }
  const result = mutation.data;
  if (!result) return null;
  const href = `/w/${workspaceId}/messages/${result.messageId}`;
  return (
    <p role="status" className="text-sm text-slate-700">
      {result.status === "outbox"
        ? `No email provider is set up, so the test to ${result.to} went to the Outbox (not sent). `
        : result.status === "skipped"
          ? `Skipped: ${result.error ?? "not delivered"}. `
          : `Test ${result.status} to ${result.to}. `}
      <Link href={href} className="font-medium text-brand-700 underline">
        Open the message
      </Link>
    </p>
  );
}
