"use client";

import type { JourneyIssue } from "@/lib/journey-core/validate-journey";

/** "1 thing", "2 things". */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}

const TONE = {
  // While building: what is left to do, not an error.
  todo: {
    heading: "text-slate-800",
    item: "bg-slate-50 text-slate-800 hover:bg-slate-100",
    mark: "○",
  },
  // A refused publish.
  error: {
    heading: "text-red-800",
    item: "bg-red-50 text-red-900 hover:bg-red-100",
    mark: "!",
  },
  // Never blocks (an event not seen yet).
  warning: {
    heading: "text-amber-900",
    item: "bg-amber-50 text-amber-900 hover:bg-amber-100",
    mark: "?",
  },
} as const;

function defaultTitle(tone: keyof typeof TONE, count: number): string {
  if (tone === "warning") return `Worth a check (${count})`;
  if (tone === "error") return `Fix ${count === 1 ? "this" : `these ${count}`} to publish`;
  return `Before you can publish: ${countOf(count, "thing")} to do`;
}

/**
 * Validation problems in the builder's words; each one about a step selects
 * that step when clicked. `tone` sets how loud it is: a checklist while
 * building, an error when publishing was refused, a warning that never blocks.
 */
export function IssuesList({
  issues,
  onSelectNode,
  title,
  tone = "todo",
  label = "Validation issues",
}: {
  issues: readonly JourneyIssue[];
  onSelectNode: (nodeId: string) => void;
  title?: string;
  tone?: keyof typeof TONE;
  label?: string;
}) {
  if (issues.length === 0) return null;
  const style = TONE[tone];
  return (
    <section aria-label={label} className="space-y-2">
      <h3 className={`text-sm font-semibold ${style.heading}`}>
        {title ?? defaultTitle(tone, issues.length)}
      </h3>
      <ul className="space-y-1">
        {issues.map((issue, index) => {
          const text = (
            <>
              <span aria-hidden="true" className="mr-1.5 font-semibold">
                {style.mark}
              </span>
              {issue.humanMessage}
            </>
          );
          const className = `w-full rounded-md px-2 py-1.5 text-left text-xs ${style.item}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues are a snapshot list without ids
            <li key={index}>
              {issue.nodeId ? (
                <button
                  type="button"
                  onClick={() => onSelectNode(issue.nodeId!)}
                  className={className}
                >
                  {text}
                </button>
              ) : (
                <p className={className}>{text}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The all-clear under the checklist. */
export function ReadyToPublish() {
  return (
    <p role="status" className="rounded-md bg-emerald-50 p-2 text-sm text-emerald-900">
      Nothing left to fix: this journey can be published.
    </p>
  );
}
