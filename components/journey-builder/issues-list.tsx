"use client";

import type { JourneyIssue } from "@/lib/journey-core/validate-journey";

/** Validation problems; each one about a node selects that node when clicked. */
export function IssuesList({
  issues,
  onSelectNode,
  title = "Problems to fix before publishing",
}: {
  issues: readonly JourneyIssue[];
  onSelectNode: (nodeId: string) => void;
  title?: string;
}) {
  if (issues.length === 0) {
    return (
      <p role="status" className="rounded-md bg-emerald-50 p-2 text-sm text-emerald-900">
        No problems: this journey can be published.
      </p>
    );
  }
  return (
    <section aria-label="Validation issues" className="space-y-2">
      <h3 className="text-sm font-semibold text-red-800">
        {title} ({issues.length})
      </h3>
      <ul className="space-y-1">
        {issues.map((issue, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: issues are a snapshot list without ids
          <li key={index}>
            {issue.nodeId ? (
              <button
                type="button"
                onClick={() => onSelectNode(issue.nodeId!)}
                className="w-full rounded-md bg-red-50 px-2 py-1.5 text-left text-xs text-red-900 hover:bg-red-100"
              >
                {issue.message}
              </button>
            ) : (
              <p className="rounded-md bg-red-50 px-2 py-1.5 text-xs text-red-900">
                {issue.message}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
