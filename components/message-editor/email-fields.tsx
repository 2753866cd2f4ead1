"use client";

import type { EmailContent } from "@/lib/channels/message-content";
import type { FieldIssues } from "./content-issues";
import { EditorField, INPUT } from "./editor-field";
import { LiquidTextControl } from "./liquid-autocomplete";

export function EmailFields({
  id,
  value,
  onChange,
  issues,
  readOnly,
  variables,
}: {
  id: string;
  value: EmailContent;
  onChange: (value: EmailContent) => void;
  issues: FieldIssues;
  readOnly?: boolean;
  /** Liquid variables to suggest after `{{`. */
  variables?: readonly string[];
}) {
  const set = <K extends keyof EmailContent>(key: K, v: EmailContent[K]) =>
    onChange({ ...value, [key]: v });
  return (
    <div className="space-y-4">
      <EditorField id={`${id}-subject`} label="Subject" issue={issues["email.subject"]}>
        {(aria) => (
          <LiquidTextControl
            {...aria}
            className={INPUT}
            value={value.subject}
            readOnly={readOnly}
            variables={variables}
            onValueChange={(v) => set("subject", v)}
          />
        )}
      </EditorField>
      <EditorField
        id={`${id}-preheader`}
        label="Preheader"
        hint="The grey line inbox lists show after the subject."
        issue={issues["email.preheader"]}
      >
        {(aria) => (
          <LiquidTextControl
            {...aria}
            className={INPUT}
            value={value.preheader}
            readOnly={readOnly}
            variables={variables}
            onValueChange={(v) => set("preheader", v)}
          />
        )}
      </EditorField>
      <EditorField
        id={`${id}-body`}
        label="Body"
        hint="Liquid: {{ profile.traits.name | default: &quot;there&quot; }}, {{ event.total }}, {{ unsubscribe_url }}."
        issue={issues["email.body"]}
      >
        {(aria) => (
          <LiquidTextControl
            {...aria}
            multiline
            rows={12}
            className={`${INPUT} font-mono`}
            value={value.body}
            readOnly={readOnly}
            variables={variables}
            onValueChange={(v) => set("body", v)}
          />
        )}
      </EditorField>
      <div className="flex flex-wrap items-center gap-6 text-sm">
        <label className="flex items-center gap-2">
          <span className="font-medium text-slate-700">Format</span>
          <select
            className="h-8 rounded-md border border-slate-300 bg-white px-2"
            value={value.bodyFormat}
            disabled={readOnly}
            onChange={(e) => set("bodyFormat", e.target.value as EmailContent["bodyFormat"])}
          >
            <option value="markdown">Markdown</option>
            <option value="html">HTML</option>
          </select>
        </label>
        <label className="flex items-center gap-2 text-slate-700">
          <input
            type="checkbox"
            checked={value.transactional}
            disabled={readOnly}
            onChange={(e) => set("transactional", e.target.checked)}
          />
          Transactional (sent even to unsubscribed users, no unsubscribe link)
        </label>
      </div>
    </div>
  );
}
