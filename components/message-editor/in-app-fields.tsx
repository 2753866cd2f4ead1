"use client";

import type { InAppContent } from "@/lib/channels/message-content";
import type { FieldIssues } from "./content-issues";
import { EditorField, INPUT } from "./editor-field";
import { LiquidTextControl } from "./liquid-autocomplete";

const KINDS: { value: InAppContent["kind"]; label: string }[] = [
  { value: "card", label: "Card (in the inbox feed)" },
  { value: "banner", label: "Banner (top of the page)" },
  { value: "modal", label: "Modal (centered dialog)" },
  { value: "tooltip", label: "Tooltip (anchored to an element)" },
];

const LIQUID_KEYS = new Set<TextKey>(["title", "ctaLabel", "ctaUrl", "imageUrl"]);

type TextKey = "title" | "body" | "imageUrl" | "ctaLabel" | "ctaUrl" | "selector" | "pathPattern";

export function InAppFields({
  id,
  value,
  onChange,
  issues,
  readOnly,
  variables,
}: {
  id: string;
  value: InAppContent;
  onChange: (value: InAppContent) => void;
  issues: FieldIssues;
  readOnly?: boolean;
  /** Liquid variables to suggest after `{{`. */
  variables?: readonly string[];
}) {
  // Optional fields are left out rather than sent empty (the schema wants a URL or nothing).
  const setText = (key: TextKey, v: string) => {
    const next: Record<string, unknown> = { ...value, [key]: v };
    if (key !== "title" && key !== "body" && v === "") delete next[key];
    onChange(next as InAppContent);
  };
  const text = (key: TextKey, label: string, hint?: string) => (
    <EditorField id={`${id}-${key}`} label={label} hint={hint} issue={issues[`inApp.${key}`]}>
      {(aria) => (
        <LiquidTextControl
          {...aria}
          className={INPUT}
          value={value[key] ?? ""}
          readOnly={readOnly}
          variables={LIQUID_KEYS.has(key) ? variables : undefined}
          onValueChange={(v) => setText(key, v)}
        />
      )}
    </EditorField>
  );
  return (
    <div className="space-y-4">
      <EditorField id={`${id}-kind`} label="Kind" issue={issues["inApp.kind"]}>
        {(aria) => (
          <select
            {...aria}
            className={INPUT}
            value={value.kind}
            disabled={readOnly}
            onChange={(e) => onChange({ ...value, kind: e.target.value as InAppContent["kind"] })}
          >
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        )}
      </EditorField>
      {text("title", "Title")}
      <EditorField
        id={`${id}-body`}
        label="Body"
        hint="Markdown and Liquid, e.g. Hi {{ profile.traits.name | default: 'there' }}."
        issue={issues["inApp.body"]}
      >
        {(aria) => (
          <LiquidTextControl
            {...aria}
            multiline
            rows={6}
            className={`${INPUT} font-mono`}
            value={value.body}
            readOnly={readOnly}
            variables={variables}
            onValueChange={(v) => setText("body", v)}
          />
        )}
      </EditorField>
      {text("imageUrl", "Image URL (optional)")}
      <div className="grid gap-4 sm:grid-cols-2">
        {text("ctaLabel", "Button label (optional)")}
        {text("ctaUrl", "Button URL", "An http(s) URL or a path starting with /.")}
      </div>
      {value.kind === "tooltip" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          {text("selector", "Anchor CSS selector", "e.g. #upgrade-button")}
          {text("pathPattern", "Only on paths (optional)", "A glob, e.g. /settings/*")}
        </div>
      ) : null}
    </div>
  );
}
