import type { ReactNode } from "react";
import { type FieldIssue, issueText } from "./content-issues";

export const INPUT =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 aria-invalid:border-red-500 read-only:bg-slate-50";

/** A label, the control (given its id and aria props), a hint, and the error with line:column. */
export function EditorField({
  id,
  label,
  hint,
  issue,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  issue?: FieldIssue;
  children: (aria: {
    id: string;
    "aria-invalid"?: boolean;
    "aria-describedby"?: string;
  }) => ReactNode;
}) {
  const described = [hint ? `${id}-hint` : null, issue ? `${id}-error` : null].filter(Boolean);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({
        id,
        "aria-invalid": issue ? true : undefined,
        "aria-describedby": described.length ? described.join(" ") : undefined,
      })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {issue ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600">
          {issueText(issue)}
        </p>
      ) : null}
    </div>
  );
}
