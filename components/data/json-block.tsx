/**
 * A JSON value as indented text. React escapes it like any string, so HTML or
 * SQL inside a property is shown, never run (no dangerouslySetInnerHTML).
 */
export function JsonBlock({
  value,
  label,
  className = "",
}: {
  value: unknown;
  /** Names the block for screen readers. */
  label?: string;
  className?: string;
}) {
  return (
    <pre
      role="region"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable regions must be keyboard-reachable
      tabIndex={0}
      className={`max-h-96 overflow-auto rounded-md border border-slate-200 bg-slate-950 p-3 font-mono text-xs leading-relaxed whitespace-pre text-slate-100 ${className}`}
    >
      {JSON.stringify(value, null, 2) ?? "undefined"}
    </pre>
  );
}
