import type { DefinitionDiff } from "@/lib/journey-core/diff-definitions";

// A definition diff for people: one sentence per change ("Changed wait “Did
// they finish?” timeout from 1 day to 2 days"), steps named by their labels.
// Field paths, node ids and raw values stay in the API's diff for developers.

export function DefinitionDiffView({ diff }: { diff: DefinitionDiff }) {
  const { summary } = diff;
  if (summary.length === 0) {
    return <p className="text-sm text-slate-600">No changes: the two are the same journey.</p>;
  }
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800" aria-label="Summary of changes">
      {summary.map((line, i) => (
        // Lines can repeat (two identical edges changed); the index keeps keys unique.
        // biome-ignore lint/suspicious/noArrayIndexKey: summary lines have no identity of their own
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}
